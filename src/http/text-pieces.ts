// Big texts (an autoupdate first line can be tens of megabytes) go out in pieces: turning one
// huge string into bytes and handing it to the socket at once blocks the event loop for hundreds
// of milliseconds. Each piece is converted on its own, the writer waits for 'drain' when the
// connection's buffer is full and lets the event loop turn between pieces.
import type { HttpResponse } from "./types.js";

/** Characters per piece: converting this many takes well under a millisecond. */
export const PIECE_CHARS = 256 * 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The text in slices of about `size` characters. A slice never ends between the two halves of a
 * surrogate pair, so each slice encodes to UTF-8 on its own exactly as its part of the whole.
 */
export function* textPieces(text: string, size = PIECE_CHARS): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield text.slice(start, end);
    start = end;
  }
}

/** What the piece writer needs of node's HTTP/1.1 and HTTP/2 responses. */
export interface PieceSink {
  write(chunk: string): boolean;
  readonly destroyed: boolean;
  on(event: "drain" | "close", listener: () => void): unknown;
  removeListener(event: "drain" | "close", listener: () => void): unknown;
}

function drainOrClose(sink: PieceSink): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      sink.removeListener("drain", done);
      sink.removeListener("close", done);
      resolve();
    };
    sink.on("drain", done);
    sink.on("close", done);
  });
}

/**
 * Writes the text in pieces, waiting for 'drain' whenever the connection's buffer is full and
 * yielding to the event loop between pieces. Stops early when the connection is gone.
 */
export async function writeInPieces(sink: PieceSink, text: string): Promise<void> {
  if (text.length <= PIECE_CHARS) {
    if (!sink.destroyed) sink.write(text);
    return;
  }
  for (const piece of textPieces(text)) {
    if (sink.destroyed) return;
    if (!sink.write(piece)) await drainOrClose(sink);
    // A socket that takes the bytes at once emits 'drain' on the same turn (process.nextTick): turn anyway.
    await nextTurn();
  }
}

/**
 * Sends a body and ends the response; a body of more than one piece goes out in pieces (chunked
 * transfer instead of one write with Content-Length).
 */
export async function sendInPieces(res: HttpResponse, body: string, contentType: string, status: number): Promise<void> {
  if (body.length <= PIECE_CHARS) return res.send(body, contentType, status);
  if (res.sent || res.raw.headersSent) return;
  (res as { sent: boolean }).sent = true;
  const raw = res.raw;
  raw.statusCode = status;
  raw.setHeader("Content-Type", contentType);
  const sink = raw as unknown as PieceSink;
  await writeInPieces(sink, body);
  if (!sink.destroyed) raw.end();
}
