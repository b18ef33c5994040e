// One listener per port. Plain listeners speak HTTP/1.1 and cleartext HTTP/2 (prior knowledge)
// on the same port (see protocol-sniffer.ts). With a certificate, HTTPS offers HTTP/2 and
// HTTP/1.1 through ALPN. Either way the connections end up at one HTTP/1.1 server and one HTTP/2
// server, so the same timeouts and limits hold for plain and TLS connections:
// - TLS: the handshake must finish within the headers timeout.
// - HTTP/1.1: Node's header, request and keep-alive timeouts.
// - HTTP/2 (h2c and h2): a session must open its first stream (a complete request head) within the
//   headers timeout, a request's body must be complete within the request timeout (408), a session
//   without open streams is closed after the keep-alive timeout, and a session has at most
//   MAX_CONCURRENT_STREAMS streams at once.
import { readFileSync } from "node:fs";
import { createServer as createHttp1Server, type Server as Http1Server } from "node:http";
import type { Http2Server, Http2ServerRequest, Http2Session } from "node:http2";
import { createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from "node:net";
import type { Server as TlsServer, TLSSocket } from "node:tls";
import { DatabaseError } from "../db/types.js";
import type { Logger } from "../log.js";
import { useNormalSettings } from "../startup-memory.js";
import { TrustedProxies } from "./client-address.js";
import { errorAnswer } from "./error-shapes.js";
import { checkInternalPassword, isInternalPath, MALFORMED_INTERNAL_PASSWORD } from "./internal-password.js";
import { replayingStream, sniffProtocol } from "./protocol-sniffer.js";
import { RequestAbort, wrapRequest, wrapResponse } from "./request.js";
import { Router } from "./router.js";
import { HttpError, RequestAborted, type Component, type HttpRequest, type HttpResponse, type RawRequest, type RawResponse, type Route } from "./types.js";

export interface ListenerOptions {
  host: string;
  port: number;
  routes: Route[];
  maxBodyBytes: number;
  log: Logger;
  tls?: { certFile: string; keyFile: string };
  /** Set on a component's own port. */
  component?: Component;
  /** Pending connections the kernel queues before accepting (Node's default 511 resets connection storms). */
  backlog?: number;
  /** An HTTP/1.1 request's headers must arrive within this time (answered 408 and closed otherwise). */
  headersTimeoutMs?: number;
  /** A request, headers and body, must arrive within this time (e.g. a body shorter than its Content-Length). */
  requestTimeoutMs?: number;
  /** A connection (HTTP/1.1) or session (HTTP/2) without a request in progress is closed after this time. */
  keepAliveTimeoutMs?: number;
  /** Reverse proxies whose X-Forwarded-For is believed (addresses and CIDR ranges); none by default. */
  trustedProxies?: readonly string[];
  /** On the main port every /internal/ path needs it (refused when unset); component ports keep upstream's behaviour. */
  internalPassword?: string;
  /** Logs each answer (method, path, status, time, error message): "errors" only those ≥ 400. */
  requestLog?: RequestLogMode;
}

export type RequestLogMode = "off" | "errors" | "all";

export const DEFAULT_LISTEN_BACKLOG = 4096;
const DEFAULT_HEADERS_TIMEOUT_MS = 60_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;

/** A connection must say something within this time (HTTP/1.1's own header timeout is 60 s). */
const FIRST_BYTES_TIMEOUT_MS = 60_000;
/** Longer than the usual 60 s of proxies and load balancers, so they close idle connections first. */
const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** Streams of one HTTP/2 session at once (Node's default has no limit); the client needs a handful. */
export const MAX_CONCURRENT_STREAMS = 128;

/** HTTP/2's CANCEL error code (RFC 9113, 7). */
const HTTP2_CANCEL = 0x8;

const INTERNAL_PASSWORD_REFUSED = "This route is for the services of the deployment: it needs the internal password (Authorization: base64 of INTERNAL_AUTH_PASSWORD_FILE's content).";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ActiveRequest {
  abort: RequestAbort;
  response: RawResponse;
}

export class Listener {
  private readonly router: Router;
  private readonly active = new Set<ActiveRequest>();
  private readonly sockets = new Set<Socket>();
  private readonly sessions = new Set<Http2Session>();
  private outer?: NetServer | TlsServer;
  private http1?: Http1Server;
  /**
   * node:http2 (with nghttp2, about 2 MiB of memory) is loaded by the first cleartext HTTP/2
   * connection; a TLS listener, whose browsers speak HTTP/2, loads it at start.
   */
  private http2?: Promise<Http2Server>;
  private handler?: (req: RawRequest, res: RawResponse) => void;
  private stopping = false;
  private readonly trustedProxies: TrustedProxies;

  constructor(private readonly options: ListenerOptions) {
    this.router = new Router(options.routes);
    this.trustedProxies = new TrustedProxies(options.trustedProxies ?? []);
  }

  get port(): number {
    return (this.outer?.address() as AddressInfo | null)?.port ?? this.options.port;
  }

  get scheme(): "http" | "https" {
    return this.options.tls ? "https" : "http";
  }

  async start(): Promise<void> {
    const handler = (req: RawRequest, res: RawResponse) => {
      this.dispatch(req, res).catch((error) => {
        this.options.log.error("answering a request failed", error);
        res.destroy();
      });
    };
    this.handler = handler;
    this.http1 = this.createHttp1(handler);
    if (this.options.tls) {
      const http2 = await this.http2Server();
      const { createServer: createTlsServer } = await import("node:tls");
      const secure = createTlsServer({
        cert: readFileSync(this.options.tls.certFile),
        key: readFileSync(this.options.tls.keyFile),
        ALPNProtocols: ["h2", "http/1.1"],
        handshakeTimeout: this.headersTimeoutMs,
        noDelay: true,
      });
      secure.on("connection", (socket: Socket) => this.trackSocket(socket));
      // A failed or timed out handshake: Node reports it but leaves the connection open.
      secure.on("tlsClientError", (_error, socket) => socket.destroy());
      secure.on("secureConnection", (socket: TLSSocket) => {
        // Clients without ALPN speak HTTP/1.1.
        if (socket.alpnProtocol === "h2") http2.emit("connection", socket);
        else this.http1!.emit("connection", socket);
      });
      this.outer = secure;
    } else {
      this.outer = createNetServer({ noDelay: true }, (socket) => this.accept(socket));
    }
    const outer = this.outer;
    await new Promise<void>((resolve, reject) => {
      outer.once("error", reject);
      outer.listen({ port: this.options.port, host: this.options.host, backlog: this.options.backlog ?? DEFAULT_LISTEN_BACKLOG }, () => {
        outer.off("error", reject);
        resolve();
      });
    });
    outer.on("error", (error) => this.options.log.error(`listener on port ${this.port}`, error));
  }

  private http2Server(): Promise<Http2Server> {
    this.http2 ??= import("node:http2").then(({ createServer }) => {
      const server = createServer({ settings: { maxConcurrentStreams: MAX_CONCURRENT_STREAMS } }, this.handler);
      server.on("session", (session) => this.trackSession(session));
      return server;
    });
    return this.http2;
  }

  private get headersTimeoutMs(): number {
    return this.options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  }

  private get requestTimeoutMs(): number {
    return Math.max(this.headersTimeoutMs, this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  }

  private get keepAliveTimeoutMs(): number {
    return this.options.keepAliveTimeoutMs ?? DEFAULT_KEEP_ALIVE_TIMEOUT_MS;
  }

  private createHttp1(handler: (req: RawRequest, res: RawResponse) => void): Http1Server {
    const headersTimeout = this.headersTimeoutMs;
    const requestTimeout = this.requestTimeoutMs;
    const server = createHttp1Server(
      // Checks often enough that small timeouts (tests) are kept; the check is one pass over the open connections.
      { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(headersTimeout / 4))) },
      handler,
    );
    server.keepAliveTimeout = this.keepAliveTimeoutMs;
    // This server never listens itself (the sniffer hands it the connections), and Node enforces
    // headersTimeout and requestTimeout only from a check that starts on 'listening'. Without it, a
    // request body shorter than its Content-Length held the socket open for ever.
    server.emit("listening");
    return server;
  }

  /** Takes a renewed certificate from the files for new connections. */
  reloadCertificate(): void {
    if (!this.options.tls || !this.outer) return;
    (this.outer as TlsServer).setSecureContext({ cert: readFileSync(this.options.tls.certFile), key: readFileSync(this.options.tls.keyFile) });
  }

  private trackSocket(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    // Resets and broken pipes are the client's business; the request side handles what matters.
    socket.on("error", () => undefined);
  }

  private trackSession(session: Http2Session): void {
    this.sessions.add(session);
    session.on("close", () => this.sessions.delete(session));
    session.on("error", () => undefined);
    if (this.stopping) session.close();
    this.limitIdleSession(session);
  }

  /**
   * HTTP/2's header and keep-alive timeouts: a session must open a stream (send a complete
   * request head) within the headers timeout, and is closed (GOAWAY) after the keep-alive
   * timeout without open streams.
   */
  private limitIdleSession(session: Http2Session): void {
    let openStreams = 0;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number, action: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(action, ms);
      timer.unref();
    };
    arm(this.headersTimeoutMs, () => session.destroy());
    session.on("stream", (stream) => {
      openStreams++;
      clearTimeout(timer);
      stream.once("close", () => {
        openStreams--;
        if (openStreams === 0 && !session.destroyed) arm(this.keepAliveTimeoutMs, () => session.close());
      });
    });
    session.once("close", () => clearTimeout(timer));
  }

  /** HTTP/2's request timeout: a request whose body is not complete in time is answered 408 and its stream reset. */
  private limitRequestTime(raw: Http2ServerRequest, res: HttpResponse): void {
    const stream = raw.stream;
    if (stream.endAfterHeaders) return;
    const timer = setTimeout(() => {
      if (raw.complete) return;
      res.json({ success: false, message: "The request was not complete in time." }, 408);
      stream.close(HTTP2_CANCEL);
    }, this.requestTimeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    raw.once("end", clear);
    stream.once("close", clear);
  }

  private accept(socket: Socket): void {
    this.trackSocket(socket);
    sniffProtocol(socket, FIRST_BYTES_TIMEOUT_MS, (protocol, head) => {
      if (protocol === "h2c") {
        const stream = replayingStream(socket, head);
        this.http2Server().then(
          (http2) => {
            if (stream.destroyed) return;
            http2.emit("connection", stream);
            socket.resume();
          },
          (error: unknown) => {
            this.options.log.error("loading node:http2 failed", error);
            socket.destroy();
          },
        );
      } else {
        socket.unshift(head);
        this.http1!.emit("connection", socket);
        socket.resume();
      }
    });
  }

  private async dispatch(rawReq: RawRequest, rawRes: RawResponse): Promise<void> {
    const request: ActiveRequest = { abort: new RequestAbort(), response: rawRes };
    this.active.add(request);
    rawRes.on("close", () => {
      this.active.delete(request);
      if (!rawRes.writableFinished) request.abort.abort(new RequestAborted("client"));
    });
    // A keep-alive connection that asks again during shutdown gets its answer and is closed.
    if (this.stopping && rawReq.httpVersionMajor === 1) rawRes.setHeader("Connection", "close");
    const req = wrapRequest(rawReq, request.abort, this.options.maxBodyBytes, this.trustedProxies, this.options.component);
    const res = wrapResponse(rawRes);
    if (rawReq.httpVersionMajor === 2) this.limitRequestTime(rawReq as Http2ServerRequest, res);
    this.logAnswer(req, res);
    let component: Component | undefined;
    try {
      if (!this.internalPasswordAccepted(req, res)) return;
      const { route, allowed } = this.router.find(req.method, req.path);
      component = route?.component;
      // Health checks keep an idle server idle; any other request means work is coming.
      if (route && !req.path.endsWith("/health")) useNormalSettings();
      if (route) await route.handler(req, res);
      else if (allowed.length > 0) res.json({ success: false, message: `Method ${req.method} is not allowed for ${req.path}.` }, 405);
      else res.json({ success: false, message: `Not found: ${req.path}` }, 404);
    } catch (error) {
      this.answerError(req, res, error, component);
    }
  }

  private logAnswer(req: HttpRequest, res: HttpResponse): void {
    const mode = this.options.requestLog ?? "off";
    if (mode === "off") return;
    const started = Date.now();
    let answer = "";
    // res.json answers through res.send too.
    const send = res.send.bind(res);
    res.send = (body, contentType, status) => {
      if ((status ?? res.raw.statusCode) >= 400 && contentType?.includes("json")) answer = String(body).slice(0, 500);
      send(body, contentType, status);
    };
    const write = () => {
      const status = res.raw.statusCode;
      if (mode === "errors" && status < 400) return;
      const text = answer ? ` ${answer}` : "";
      this.options.log.info(`request ${req.method} ${req.path} ${status} ${Date.now() - started} ms${res.raw.writableFinished ? "" : " (connection closed)"}${text}`);
    };
    res.raw.once("close", write);
  }

  /** Answers 401 (400 for a header that is not base64) unless an internal path carries the internal password. */
  private internalPasswordAccepted(req: HttpRequest, res: HttpResponse): boolean {
    if (this.options.component || !isInternalPath(req.path)) return true;
    // Without a configured password the main port refuses every internal path.
    const check = checkInternalPassword(req.headers["authorization"], this.options.internalPassword ?? "");
    if (check === "ok") return true;
    if (check === "malformed") res.json({ success: false, message: MALFORMED_INTERNAL_PASSWORD }, 400);
    else res.json({ success: false, message: INTERNAL_PASSWORD_REFUSED }, 401);
    return false;
  }

  private answerError(req: HttpRequest, res: HttpResponse, error: unknown, component: Component | undefined): void {
    const raw = res.raw;
    const answer = (message: string, status: number) => {
      const { body, contentType } = errorAnswer(component, message);
      res.send(body, contentType, status);
    };
    if (error instanceof HttpError) {
      for (const [name, value] of Object.entries(error.headers)) res.header(name, value);
      if (!raw.headersSent) res.json(error.body, error.status);
      else raw.end();
      return;
    }
    if (error instanceof DatabaseError && error.kind === "unavailable") {
      this.options.log.warn(`${req.method} ${req.path}: ${error.message}`);
      if (!raw.headersSent) answer(error.message, 503);
      else raw.end();
      return;
    }
    if (req.signal.aborted) {
      // The client left or the server is stopping: what failed was cut short, not broken.
      const reason = req.signal.reason instanceof Error ? req.signal.reason.message : "aborted";
      this.options.log.debug(`${req.method} ${req.path}: ${reason}: ${error instanceof Error ? error.message : String(error)}`);
      if (!raw.headersSent) answer("The request was aborted.", 503);
      else raw.end();
      return;
    }
    this.options.log.error(`unhandled error on ${req.method} ${req.path}`, error);
    if (!raw.headersSent) answer("Internal server error.", 500);
    else raw.end();
  }

  /**
   * Graceful stop: no new connections; open streams (responses whose headers went out) end at
   * once; ordinary requests may finish within `graceMs`, after which everything is cut.
   */
  async stop(graceMs = 5000): Promise<void> {
    if (!this.outer) return;
    this.stopping = true;
    const outer = this.outer;
    const closed = new Promise<void>((resolve) => outer.close(() => resolve()));
    for (const session of this.sessions) session.close();
    const deadline = Date.now() + graceMs;
    while ((this.active.size > 0 || this.sockets.size > 0) && Date.now() < deadline) {
      this.endStreams();
      this.http1?.closeIdleConnections();
      await sleep(20);
    }
    for (const { abort } of this.active) abort.abort(new RequestAborted("shutdown"));
    for (const session of this.sessions) session.destroy();
    for (const socket of this.sockets) socket.destroy();
    // Ends the connections check started in createHttp1.
    this.http1?.close();
    await Promise.race([closed, sleep(1000)]);
  }

  private endStreams(): void {
    for (const { abort, response } of this.active) if (response.headersSent) abort.abort(new RequestAborted("shutdown"));
  }
}
