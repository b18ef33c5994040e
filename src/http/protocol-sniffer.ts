// Cleartext HTTP/1.1 and HTTP/2 (prior knowledge) on one port: the first bytes of a connection
// decide. An HTTP/2 client starts with the preface "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"; no HTTP/1.1
// request line starts with "PRI".
import type { Socket } from "node:net";
import { Duplex } from "node:stream";

const PREFACE_START = Buffer.from("PRI", "latin1");

export type Protocol = "http1" | "h2c";

/**
 * Waits for enough bytes to tell the protocol, then calls `decide` with what was read (the
 * socket is paused). A connection that sends nothing within `timeoutMs`, or closes, is dropped.
 */
export function sniffProtocol(socket: Socket, timeoutMs: number, decide: (protocol: Protocol, head: Buffer) => void): void {
  let head: Buffer = Buffer.alloc(0);
  // A timer of its own, not socket.setTimeout: that one stays on the socket (a cleared timer that
  // every later read and write refreshes, and a listener) for the whole life of a stream.
  const silence = setTimeout(() => socket.destroy(), timeoutMs);
  silence.unref();
  const stopWaiting = () => clearTimeout(silence);
  const onData = (chunk: Buffer) => {
    head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
    const compared = Math.min(head.length, PREFACE_START.length);
    const samePrefix = head.subarray(0, compared).equals(PREFACE_START.subarray(0, compared));
    if (samePrefix && head.length < PREFACE_START.length) return;
    socket.off("data", onData);
    socket.off("close", stopWaiting);
    socket.pause();
    stopWaiting();
    decide(samePrefix ? "h2c" : "http1", head);
  };
  socket.on("data", onData);
  socket.once("close", stopWaiting);
}

/**
 * A stream that first yields `head` and then follows the socket. node's HTTP/2 session reads
 * from the socket's native handle, which no longer holds the bytes we looked at, and (node 20)
 * ignores data pushed back with unshift(); a JS stream in between replays them.
 */
export function replayingStream(socket: Socket, head: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => socket.resume(),
    write: (chunk, encoding, callback) => socket.write(chunk, encoding, callback),
    final: (callback) => socket.end(callback),
    destroy: (error, callback) => {
      socket.destroy(error ?? undefined);
      callback(error);
    },
  });
  duplex.push(head);
  socket.on("data", (data: Buffer) => {
    if (!duplex.push(data)) socket.pause();
  });
  socket.on("end", () => duplex.push(null));
  socket.on("close", () => duplex.destroy());
  socket.on("error", (error) => duplex.destroy(error));
  return duplex;
}
