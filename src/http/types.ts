// The contract between the HTTP server and every component that serves routes.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";

/** Upstream component names; each has its own optional port (see config.componentPorts). */
export type Component = "action" | "presenter" | "auth" | "media" | "icc" | "autoupdate" | "vote" | "search" | "projector" | "client";

export type RawRequest = IncomingMessage | Http2ServerRequest;
export type RawResponse = ServerResponse | Http2ServerResponse;

export interface HttpRequest {
  method: string;
  /** Path without query string, e.g. /system/auth/login */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /**
   * The client's address: the peer's, or behind a trusted proxy (OPENSLIDES_TRUSTED_PROXIES) the
   * rightmost X-Forwarded-For address that is not a trusted proxy (src/http/client-address.ts).
   */
  clientAddress: string;
  raw: RawRequest;
  /** Reads the whole body; rejects with HttpError 413 past the limit (default config.maxBodyBytes). */
  body(limitBytes?: number): Promise<Buffer>;
  /** Aborted when the client disconnects or the server shuts down (made on first use). */
  readonly signal: AbortSignal;
  /**
   * Runs `callback` once when the request is aborted (when `signal` aborts), at once when it
   * was already; returns the function that removes it. For code that runs for every stream:
   * a listener on node's AbortSignal costs about ten times as much as the signal itself.
   */
  onAbort(callback: (reason: unknown) => void): () => void;
  /** The component whose own port received the request; undefined on the main port. */
  portComponent?: Component;
}

export interface HttpResponse {
  raw: RawResponse;
  status(code: number): this;
  header(name: string, value: string | string[]): this;
  /** Sends a JSON body (content-type application/json) and ends the response. */
  json(body: unknown, status?: number): void;
  /** Sends a body as is and ends the response. */
  send(body: string | Buffer, contentType?: string, status?: number): void;
  readonly sent: boolean;
}

export type Handler = (req: HttpRequest, res: HttpResponse) => Promise<void> | void;

export interface Route {
  /** "GET", "POST", ... or "*" for any method. */
  method: string;
  /** Exact path, or a prefix when it ends with "/*". */
  path: string;
  component: Component;
  handler: Handler;
  /** Served only on the component's own port (e.g. the backend seed's un-prefixed `/health`), never on the main port. */
  portOnly?: boolean;
  /** Match the path regardless of letter case (upstream auth: Express routing). */
  caseInsensitive?: boolean;
  /** Also match the path with one trailing slash (upstream auth: Express routing). */
  optionalTrailingSlash?: boolean;
}

/** Thrown by handlers to answer with a status and a JSON body; the server never turns it into a 500. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === "object" && body && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
  }
}

/** The reason of an aborted `HttpRequest.signal`: the client went away, or the server is stopping. */
export class RequestAborted extends Error {
  constructor(readonly by: "client" | "shutdown") {
    super(by === "client" ? "the client closed the connection" : "the server is shutting down");
    this.name = "RequestAborted";
  }
}
