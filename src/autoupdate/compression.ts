// Compressed autoupdate lines (spec autoupdate-and-streaming.md 2.3): with `compress` in the
// query, every data line becomes base64(zstd(json + "\n")) + "\n": one independent zstd frame
// per line (default level, frame header with the content size, which the client's fzstd needs),
// base64 with the standard alphabet and without padding. Error lines stay plain JSON.
//
// Node 20 has no zstd in zlib; the codec is libzstd compiled to WebAssembly (@hpcc-js/wasm-zstd:
// no native build, no install script). It loads once per process, asynchronously.
import type { RawResponse } from "../http/types.js";

export type LineEncoder = (json: string) => string;

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
    return (json: string) => {
      const known = recent.get(json);
      if (known !== undefined) return known;
      const frame = zstd.compress(encoder.encode(`${json}\n`));
      const line = `${unpadded(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).toString("base64"))}\n`;
      if (json.length <= RECENT_MAX_CHARS) {
        recent.set(json, line);
        if (recent.size > RECENT_LINES) recent.delete(recent.keys().next().value!);
      }
      return line;
    };
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

/** An error object is written as plain JSON in every mode; the client falls back to plain parsing. */
function isErrorLine(line: string): boolean {
  return line.startsWith('{"error":');
}

/**
 * The response as the JSON-lines stream writer sees it, with every data line it writes
 * compressed. The writer writes whole lines only (data, heartbeat `{}`, error), so each write is
 * one line: data lines and the heartbeat are compressed (as upstream does), the error line not.
 */
export function compressingResponse(raw: RawResponse, encode: LineEncoder): RawResponse {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    if (typeof chunk === "string" && chunk.endsWith("\n") && !isErrorLine(chunk)) chunk = encode(chunk.slice(0, -1));
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
