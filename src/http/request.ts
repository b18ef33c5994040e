// The HttpRequest / HttpResponse wrappers of src/http/types.ts over node's HTTP/1.1 and HTTP/2
// compatibility objects.
import type { TrustedProxies } from "./client-address.js";
import { HttpError, type Component, type HttpRequest, type HttpResponse, type RawRequest, type RawResponse } from "./types.js";

const noop = () => undefined;

/**
 * A request's abort: the AbortSignal is made only when a route asks for it, and callbacks
 * registered with `onAbort` run without one. Node's AbortController with a listener cost about
 * 10 µs per request, a few percent of a burst of thousands of streams.
 */
export class RequestAbort {
  private controller?: AbortController;
  private reason?: { value: unknown };
  private callbacks?: Set<(reason: unknown) => void>;

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.reason) this.controller.abort(this.reason.value);
    }
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.reason !== undefined;
  }

  abort(reason: unknown): void {
    if (this.reason) return;
    this.reason = { value: reason };
    this.controller?.abort(reason);
    const callbacks = this.callbacks;
    this.callbacks = undefined;
    for (const callback of callbacks ?? []) {
      try {
        callback(reason);
      } catch (error) {
        // As a throwing listener of an AbortSignal: reported, and the others still run.
        process.nextTick(() => {
          throw error;
        });
      }
    }
  }

  onAbort(callback: (reason: unknown) => void): () => void {
    if (this.reason) {
      callback(this.reason.value);
      return noop;
    }
    const callbacks = (this.callbacks ??= new Set());
    callbacks.add(callback);
    return () => callbacks.delete(callback);
  }
}

/**
 * Paths of plain segments (letters, digits, "-", "_", ".", "~"; no "." or ".." segment, no "//"
 * at the start) are their own URL pathname; anything else goes through the URL parser.
 */
const PLAIN_PATH = /^(?!\/\/)(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]*)+$/;
/** A query of printable ASCII without "#": URLSearchParams reads it as the URL parser's searchParams would. */
const PLAIN_QUERY = /^(?!\?)[\x21-\x22\x24-\x7e]*$/;

/** The path and query of a request target, without the URL parser for the usual plain ones. */
export function parseTarget(target: string): { path: string; query: URLSearchParams } {
  const mark = target.indexOf("?");
  const path = mark === -1 ? target : target.slice(0, mark);
  const search = mark === -1 ? "" : target.slice(mark + 1);
  if (PLAIN_PATH.test(path) && PLAIN_QUERY.test(search)) return { path, query: new URLSearchParams(search) };
  const url = new URL(target, "http://localhost");
  return { path: url.pathname, query: url.searchParams };
}

export function wrapRequest(raw: RawRequest, abort: RequestAbort, maxBodyBytes: number, trustedProxies: TrustedProxies, portComponent?: Component): HttpRequest {
  const { path, query } = parseTarget(raw.url ?? "/");
  let bodyPromise: Promise<Buffer> | undefined;
  return {
    method: (raw.method ?? "GET").toUpperCase(),
    path,
    query,
    headers: raw.headers,
    clientAddress: trustedProxies.clientAddress(raw.socket?.remoteAddress ?? "", raw.headers["x-forwarded-for"]),
    raw,
    get signal() {
      return abort.signal;
    },
    onAbort: (callback) => abort.onAbort(callback),
    portComponent,
    body(limit = maxBodyBytes) {
      bodyPromise ??= readBody(raw, limit);
      return bodyPromise;
    },
  };
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, { success: false, message: `Request body is larger than ${limit} bytes.` });
}

/** The whole body, refused with 413 past `limit` (the rest is read and dropped, the connection stays usable). */
function readBody(raw: RawRequest, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(raw.headers["content-length"] ?? 0);
    if (declared > limit) {
      reject(tooLarge(limit));
      raw.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      reject(error);
    };
    raw.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) fail(tooLarge(limit));
      else chunks.push(chunk);
    });
    raw.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks));
      // The listeners (and so this array) live as long as the request: a stream's whole life.
      chunks.length = 0;
    });
    raw.on("error", fail);
    // 'close' follows every request, also a complete one: the error (its stack trace costs) only when it matters.
    raw.on("close", () => {
      if (!settled) fail(new Error("the client closed the request before its body was complete"));
    });
  });
}

export function wrapResponse(raw: RawResponse): HttpResponse {
  const response: HttpResponse = {
    raw,
    sent: false,
    status(code) {
      raw.statusCode = code;
      return this;
    },
    header(name, value) {
      if (!raw.headersSent) raw.setHeader(name, value);
      return this;
    },
    json(body, status) {
      this.send(JSON.stringify(body), "application/json", status);
    },
    send(body, contentType, status) {
      if (this.sent || raw.headersSent) return;
      if (status !== undefined) raw.statusCode = status;
      if (contentType) raw.setHeader("Content-Type", contentType);
      (this as { sent: boolean }).sent = true;
      raw.end(body);
    },
  };
  return response;
}
