// The streaming protocol writer shared by every streaming route (autoupdate, ICC, applause,
// projector): application/octet-stream, one compact JSON object per line, `{"error": {...}}`
// then close, optional keep-alive, bounded memory for slow readers, cleanup on disconnect.
import type { HttpRequest, HttpResponse } from "./types.js";

export interface StreamOptions {
  /** Interval of keep-alive writes in ms (0 = none) and what is written (default: an empty line). */
  keepAliveMs?: number;
  keepAlivePayload?: string;
  /**
   * While the client does not read, new messages are held back. With `merge`, the held-back
   * messages are folded into one (latest wins for autoupdate-like deltas); without it, at most
   * `maxQueued` lines wait, and a stream that exceeds them is closed.
   */
  merge?: (pending: unknown, next: unknown) => unknown;
  maxQueued?: number;
  /** Called once when the stream ends for any reason (client gone, server shutdown, close()). */
  onClose?: () => void;
  /** Extra or replaced response headers (e.g. applause answers as application/json). */
  headers?: Record<string, string>;
}

export class JsonLineStream {
  private closed = false;
  private congested = false;
  private queue: string[] = [];
  private pending: { value: unknown } | undefined;
  private keepAlive?: NodeJS.Timeout;
  private readonly closeCallbacks: Array<() => void> = [];

  constructor(
    private readonly req: HttpRequest,
    private readonly res: HttpResponse,
    private readonly options: StreamOptions = {},
  ) {
    const raw = res.raw;
    raw.statusCode = 200;
    raw.setHeader("Content-Type", "application/octet-stream");
    raw.setHeader("Cache-Control", "no-cache");
    raw.setHeader("X-Accel-Buffering", "no");
    for (const [name, value] of Object.entries(options.headers ?? {})) raw.setHeader(name, value);
    (raw as { flushHeaders?: () => void }).flushHeaders?.();
    (res as { sent: boolean }).sent = true;
    raw.on("drain", () => this.flushHeldBack());
    raw.on("close", () => this.finish());
    req.signal.addEventListener("abort", () => this.close(), { once: true });
    if (options.onClose) this.closeCallbacks.push(options.onClose);
    if (options.keepAliveMs && options.keepAliveMs > 0) {
      this.keepAlive = setInterval(() => this.writeRaw(options.keepAlivePayload ?? "\n"), options.keepAliveMs);
      this.keepAlive.unref();
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Aborted when the stream ends. */
  onClose(callback: () => void): void {
    if (this.closed) callback();
    else this.closeCallbacks.push(callback);
  }

  /** Sends one message (an object); returns false when the stream is closed. */
  send(message: unknown): boolean {
    if (this.closed) return false;
    if (!this.congested) {
      this.writeRaw(`${JSON.stringify(message)}\n`);
      return true;
    }
    if (this.options.merge) {
      this.pending = { value: this.pending ? this.options.merge(this.pending.value, message) : message };
      return true;
    }
    if (this.queue.length >= (this.options.maxQueued ?? 1000)) {
      this.close();
      return false;
    }
    this.queue.push(`${JSON.stringify(message)}\n`);
    return true;
  }

  /** Sends `{"error": error}` and closes the stream (seed protocol, section 6). */
  sendError(error: Record<string, unknown>): void {
    if (this.closed) return;
    this.write(`${JSON.stringify({ error })}\n`);
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.res.raw.end();
    this.finish();
  }

  private write(line: string): boolean {
    return (this.res.raw as { write(chunk: string): boolean }).write(line);
  }

  private writeRaw(line: string): void {
    if (this.closed) return;
    const writable = this.write(line);
    if (!writable) this.congested = true;
  }

  private flushHeldBack(): void {
    this.congested = false;
    while (this.queue.length > 0 && !this.congested) this.writeRaw(this.queue.shift()!);
    if (this.pending && !this.congested) {
      const { value } = this.pending;
      this.pending = undefined;
      this.writeRaw(`${JSON.stringify(value)}\n`);
    }
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.queue = [];
    this.pending = undefined;
    for (const callback of this.closeCallbacks.splice(0)) {
      try {
        callback();
      } catch {
        // a failing cleanup must not keep the others from running
      }
    }
  }
}

export function openJsonLineStream(req: HttpRequest, res: HttpResponse, options?: StreamOptions): JsonLineStream {
  return new JsonLineStream(req, res, options);
}
