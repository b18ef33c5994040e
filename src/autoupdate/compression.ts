// Compressed autoupdate lines (spec autoupdate-and-streaming.md 2.3): with `compress` in the
// query, every data line becomes base64(zstd(json + "\n")) + "\n": one independent zstd frame
// per line (default level, frame header with the content size, which the client's fzstd needs),
// base64 with the standard alphabet and without padding. Error lines stay plain JSON.
//
// Node 20 has no zstd in zlib; the codec is libzstd compiled to WebAssembly (@hpcc-js/wasm-zstd:
// no native build, no install script). It loads once per process, asynchronously.
import { PIECE_CHARS, textPieces } from "../http/text-pieces.js";
import type { RawResponse } from "../http/types.js";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Encodes a JSON text (without "\n") as a line with "\n". `pieces` encodes a line whose text
 * starts with a part shared by many lines: the shared part is one zstd frame, compressed once and
 * kept with it, followed by a frame of the rest (the client's fzstd decodes concatenated frames).
 */
export interface LineEncoder {
  (json: string): string;
  /**
   * A line whose text may be big (a first line), compressed in parts with the event loop turning
   * in between; the head's frames are made once and kept with it.
   */
  pieces(head: SharedText | undefined, tail: string): Promise<string>;
}

/** The start of many lines' text; keeps its compressed form once made. */
export class SharedText {
  /** Base64 of its zstd frames, each padded with a skippable frame to a multiple of 3 bytes (no "=" in it). */
  compressed?: Promise<string>;

  constructor(readonly text: string) {}
}

/** A zstd skippable frame (magic 0x184D2A50, little endian) of `size` bytes in all. */
function skippableFrame(size: number): Uint8Array {
  const frame = new Uint8Array(size);
  const view = new DataView(frame.buffer);
  view.setUint32(0, 0x184d2a50, true);
  view.setUint32(4, size - 8, true);
  return frame;
}

const RECENT_LINES = 8;
const RECENT_MAX_CHARS = 512 * 1024;

let loading: Promise<LineEncoder> | undefined;

/** The encoder of compressed lines: takes one JSON text (without "\n"), returns the line with "\n". */
export function loadLineCompressor(): Promise<LineEncoder> {
  loading ??= (async () => {
    const { Zstd } = await import("@hpcc-js/wasm-zstd");
    const zstd = await Zstd.load();
    const encoder = new TextEncoder();
    // Subscribers of a shared result get the same delta one after the other: its line is
    // compressed once. A few recent lines are kept, none larger than RECENT_MAX_CHARS.
    const recent = new Map<string, string>();
    const compress = (text: string) => {
      const frame = zstd.compress(encoder.encode(text));
      return Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
    };
    const encode = (json: string) => {
      const known = recent.get(json);
      if (known !== undefined) return known;
      const line = `${unpadded(compress(`${json}\n`).toString("base64"))}\n`;
      if (json.length <= RECENT_MAX_CHARS) {
        recent.set(json, line);
        if (recent.size > RECENT_LINES) recent.delete(recent.keys().next().value!);
      }
      return line;
    };
    // Base64 of frames joins into base64 of their concatenation only when every frame but the
    // last has a multiple of 3 bytes: a skippable frame (at least 8 bytes) pads it.
    const paddedBase64 = (text: string) => {
      const frame = compress(text);
      return Buffer.concat([frame, skippableFrame(8 + ((3 - ((frame.length + 8) % 3)) % 3))]).toString("base64");
    };
    // A big text becomes one frame per part of PIECE_CHARS characters, made one per turn of the
    // event loop (one zstd call on megabytes would block it for long).
    const framesOf = async (text: string, last: boolean) => {
      const parts = [...textPieces(text)];
      const encoded: string[] = [];
      for (let index = 0; index < parts.length; index++) {
        if (index > 0) await nextTurn();
        const final = last && index === parts.length - 1;
        encoded.push(final ? unpadded(compress(parts[index]!).toString("base64")) : paddedBase64(parts[index]!));
      }
      return encoded.join("");
    };
    const pieces = async (head: SharedText | undefined, tail: string) => {
      if (!head) return tail.length <= PIECE_CHARS ? encode(tail) : `${await framesOf(`${tail}\n`, true)}\n`;
      head.compressed ??= framesOf(head.text, false);
      return `${await head.compressed}${await framesOf(`${tail}\n`, true)}\n`;
    };
    return Object.assign(encode, { pieces });
  })();
  // A failed load is tried again by the next request.
  loading.catch(() => (loading = undefined));
  return loading;
}

function unpadded(base64: string): string {
  let end = base64.length;
  while (end > 0 && base64.charCodeAt(end - 1) === 61 /* = */) end--;
  return base64.slice(0, end);
}

/** Data lines and the heartbeat are JSON objects; an error object stays plain JSON in every mode (the client falls back to plain parsing). */
function isDataLine(line: string): boolean {
  return line.startsWith("{") && !line.startsWith('{"error":');
}

/**
 * The response as the JSON-lines stream writer sees it, with every data line it writes
 * compressed. The writer writes whole lines only (data, heartbeat `{}`, error, or a line
 * compressed already), so each write is one line: data lines and the heartbeat are compressed
 * (as upstream does), the error line and compressed lines (base64, never starting with "{") not.
 */
export function compressingResponse(raw: RawResponse, encode: LineEncoder): RawResponse {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk === "string" && chunk.endsWith("\n") && isDataLine(chunk)) chunk = encode(chunk.slice(0, -1));
    return (raw.write as (...args: unknown[]) => boolean).call(raw, chunk, ...rest);
  };
  return new Proxy(raw, {
    get(target, property) {
      if (property === "write") return write;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    set(target, property, value) {
      return Reflect.set(target, property, value, target);
    },
  });
}
