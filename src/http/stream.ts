// The streaming protocol writer shared by every streaming route (autoupdate, ICC, applause,
// projector): status 200, application/octet-stream, one compact JSON object per line,
// `{"error": {...}}` then close, an optional keep-alive on idle streams, bounded memory for
// readers that do not keep up, and cleanup when the client leaves or the server stops.
// Works on HTTP/1.1 and HTTP/2 responses alike.
import { PIECE_CHARS, writeInPieces, type PieceSink } from "./text-pieces.js";
import { RequestAborted, type HttpRequest, type HttpResponse } from "./types.js";

export type StreamCloseReason =
  /** close() or sendError() by the route. */
  | "closed"
  /** The client disconnected or the connection broke. */
  | "client"
  /** The request's signal was aborted: server shutdown (or the route's own abort). */
  | "aborted"
  /** The reader fell further behind than the back-pressure policy allows. */
  | "overflow";

export interface StreamOptions {
  /**
   * Keep-alive: written after `keepAliveMs` without any line (0 = none). The payload is a whole
   * line including its "\n"; default an empty line. Autoupdate's heartbeat is "{}\n".
   */
  keepAliveMs?: number;
  keepAlivePayload?: string;
  /**
   * Back-pressure policy, used while the connection does not take more data. With `merge`,
   * held-back messages are folded into one (e.g. latest wins, or a union of deltas) and memory
   * holds only that one. Without it, messages queue up to `maxQueued` lines and `maxQueuedBytes`
   * bytes; a stream over either bound is cut (reason "overflow") and the client reconnects.
   */
  merge?: (pending: unknown, next: unknown) => unknown;
  maxQueued?: number;
  maxQueuedBytes?: number;
  /** Called once when the stream ends for any reason. */
  onClose?: (reason: StreamCloseReason) => void;
  /** Extra or replaced response headers (e.g. applause answers as application/json). */
  headers?: Record<string, string>;
  /**
   * The caller calls `sendFirstLine` right after opening, in the same turn: the headers go out
   * with the line, one write to the socket instead of two (a stream storm of thousands of
   * clients spends much of its time in socket writes). Otherwise they are sent at once.
   */
  headersWithFirstLine?: boolean;
}

/** What the writer needs of node's HTTP/1.1 and HTTP/2 responses (one shape for both). */
interface ResponseSink extends PieceSink {
  end(): void;
  destroy(): void;
  flushHeaders(): void;
}

const DEFAULT_MAX_QUEUED = 1000;
const DEFAULT_MAX_QUEUED_BYTES = 16 * 1024 * 1024;

/** One line of the protocol: compact JSON (no line feed inside, JSON escapes them) and "\n". */
export function jsonLine(message: unknown): string {
  return `${JSON.stringify(message)}\n`;
}

export class JsonLineStream {
  private closed = false;
  private reason: StreamCloseReason = "closed";
  /** The connection's buffer is full: hold lines back until "drain". */
  private congested = false;
  /** The first line is going out in pieces: nothing else may be written in between. */
  private writingFirstLine = false;
  private queue: string[] = [];
  private queuedBytes = 0;
  private pending: { value: unknown } | undefined;
  private keepAlive?: NodeJS.Timeout;
  private readonly closeCallbacks: Array<(reason: StreamCloseReason) => void> = [];
  private readonly maxQueued: number;
  private readonly maxQueuedBytes: number;
  private readonly sink: ResponseSink;

  constructor(
    req: HttpRequest,
    res: HttpResponse,
    private readonly options: StreamOptions = {},
  ) {
    this.maxQueued = options.maxQueued ?? DEFAULT_MAX_QUEUED;
    this.maxQueuedBytes = options.maxQueuedBytes ?? DEFAULT_MAX_QUEUED_BYTES;
    if (options.onClose) this.closeCallbacks.push(options.onClose);
    const raw = res.raw;
    this.sink = raw as unknown as ResponseSink;
    (res as { sent: boolean }).sent = true;
    if (this.sink.destroyed) {
      this.finish("client");
      return;
    }
    raw.statusCode = 200;
    raw.setHeader("Content-Type", "application/octet-stream");
    raw.setHeader("Cache-Control", "no-cache");
    raw.setHeader("X-Accel-Buffering", "no");
    for (const [name, value] of Object.entries(options.headers ?? {})) raw.setHeader(name, value);
    if (!options.headersWithFirstLine) this.sink.flushHeaders();
    this.sink.on("drain", () => this.flushHeldBack());
    this.sink.on("close", () => this.finish("client"));
    req.onAbort((reason) => this.end(reason instanceof RequestAborted && reason.by === "client" ? "client" : "aborted"));
    if (this.closed) return;
    const interval = options.keepAliveMs ?? 0;
    if (interval > 0) {
      this.keepAlive = setTimeout(() => this.sendKeepAlive(), interval);
      this.keepAlive.unref();
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Lines waiting for the reader (the bounded queue; a merged message counts as one). */
  get heldBack(): number {
    return this.queue.length + (this.pending ? 1 : 0);
  }

  /** Runs `callback` when the stream ends (at once when it has ended already). */
  onClose(callback: (reason: StreamCloseReason) => void): void {
    if (this.closed) callback(this.reason);
    else this.closeCallbacks.push(callback);
  }

  /**
   * Sends the first line, already made (compact JSON text, or its encoding by a response
   * wrapper), with "\n", before anything else. A big line goes out in pieces (text-pieces.ts);
   * meanwhile messages are held back as on a congested connection and no keep-alive is written.
   * Resolves when the line was handed to the connection; false when the stream is closed.
   */
  async sendFirstLine(line: string): Promise<boolean> {
    if (this.closed) return false;
    if (line.length <= PIECE_CHARS) {
      this.write(line);
      return true;
    }
    this.writingFirstLine = true;
    try {
      await writeInPieces(this.sink, line);
    } finally {
      this.writingFirstLine = false;
    }
    this.keepAlive?.refresh();
    if (this.closed) return false;
    this.flushHeldBack();
    return true;
  }

  /** Sends one message (an object); false when the stream is closed (or was just cut for overflow). */
  send(message: unknown): boolean {
    if (this.closed) return false;
    if (!this.congested && !this.writingFirstLine) {
      this.write(jsonLine(message));
      return true;
    }
    if (this.options.merge) {
      this.pending = { value: this.pending ? this.options.merge(this.pending.value, message) : message };
      return true;
    }
    const line = jsonLine(message);
    if (this.queue.length + 1 > this.maxQueued || this.queuedBytes + line.length > this.maxQueuedBytes) {
      this.cut();
      return false;
    }
    this.queue.push(line);
    this.queuedBytes += line.length;
    return true;
  }

  /** Sends `{"error": error}` and closes the stream (seed protocol, section 6). */
  sendError(error: Record<string, unknown>): void {
    if (this.closed) return;
    // Half a first line is out: an error line after it would be garbage; just end the stream.
    if (this.writingFirstLine) return this.end("closed");
    this.discardHeldBack();
    this.sink.write(jsonLine({ error }));
    this.end("closed");
  }

  /** Ends the stream after the lines written so far (held-back lines are dropped). */
  close(): void {
    this.end("closed");
  }

  private write(line: string): void {
    if (!this.sink.write(line)) this.congested = true;
    this.keepAlive?.refresh();
  }

  private sendKeepAlive(): void {
    if (this.closed) return;
    // A congested stream is not idle: its reader is slow, and more bytes would only pile up.
    if (!this.congested && !this.writingFirstLine) this.write(this.options.keepAlivePayload ?? "\n");
    else this.keepAlive?.refresh();
  }

  private flushHeldBack(): void {
    // The first line's pieces wait for 'drain' themselves; held-back lines follow the whole line.
    if (this.writingFirstLine) return;
    this.congested = false;
    while (this.queue.length > 0 && !this.congested) {
      const line = this.queue.shift()!;
      this.queuedBytes -= line.length;
      this.write(line);
    }
    if (this.pending && !this.congested) {
      const { value } = this.pending;
      this.pending = undefined;
      this.write(jsonLine(value));
    }
  }

  private discardHeldBack(): void {
    this.queue = [];
    this.queuedBytes = 0;
    this.pending = undefined;
  }

  private end(reason: StreamCloseReason): void {
    if (this.closed) return;
    this.finish(reason);
    this.sink.end();
  }

  /** A reader too far behind: drop the connection instead of keeping its unread bytes. */
  private cut(): void {
    if (this.closed) return;
    this.finish("overflow");
    this.sink.destroy();
  }

  private finish(reason: StreamCloseReason): void {
    if (this.closed) return;
    this.closed = true;
    this.reason = reason;
    if (this.keepAlive) clearTimeout(this.keepAlive);
    this.discardHeldBack();
    for (const callback of this.closeCallbacks.splice(0)) {
      try {
        callback(reason);
      } catch {
        // a failing cleanup must not keep the others from running
      }
    }
  }
}

export function openJsonLineStream(req: HttpRequest, res: HttpResponse, options?: StreamOptions): JsonLineStream {
  return new JsonLineStream(req, res, options);
}
