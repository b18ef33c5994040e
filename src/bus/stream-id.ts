// Stream entry ids in Redis' format "<milliseconds>-<sequence>".
import type { StreamId } from "./bus.js";

export interface ParsedStreamId {
  ms: number;
  seq: number;
}

/** Parses "<ms>-<seq>" or "<ms>" (sequence 0); throws on anything else. */
export function parseStreamId(id: string): ParsedStreamId {
  const match = /^(\d+)(?:-(\d+))?$/.exec(id);
  if (!match) throw new Error(`ERR Invalid stream ID specified as stream command argument: ${id}`);
  return { ms: Number(match[1]), seq: Number(match[2] ?? 0) };
}

export function compareStreamIds(a: ParsedStreamId, b: ParsedStreamId): number {
  return a.ms - b.ms || a.seq - b.seq;
}

export function formatStreamId(id: ParsedStreamId): StreamId {
  return `${id.ms}-${id.seq}`;
}

/** A read position that yields the entries added from timeMs on (and those of the millisecond before). */
export function streamIdBefore(timeMs: number): StreamId {
  return `${Math.max(0, Math.floor(timeMs) - 1)}-0`;
}

/** The time (ms since epoch) at which an entry was added. */
export function streamIdTime(id: StreamId): number {
  return parseStreamId(id).ms;
}
