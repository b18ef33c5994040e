// One listener per port. Plain listeners speak HTTP/1.1 and cleartext HTTP/2 (prior knowledge)
// on the same port: the first bytes of a connection decide which server gets the socket. With a
// certificate, HTTPS offers HTTP/2 and HTTP/1.1 through ALPN.
import { createServer as createHttp1Server, type Server as Http1Server } from "node:http";
import { createServer as createH2cServer, createSecureServer, type Http2Server, type Http2SecureServer, type Http2Session } from "node:http2";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { Duplex } from "node:stream";
import { readFileSync } from "node:fs";
import type { Logger } from "../log.js";
import { wrapRequest, wrapResponse } from "./request.js";
import { Router } from "./router.js";
import { HttpError, type Component, type RawRequest, type RawResponse, type Route } from "./types.js";

export interface ListenerOptions {
  host: string;
  port: number;
  routes: Route[];
  maxBodyBytes: number;
  log: Logger;
  tls?: { certFile: string; keyFile: string };
  /** Set on a component's own port. */
  component?: Component;
}

const HTTP2_PREFACE_START = "PRI";

function replayingStream(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read: () => socket.resume(),
    write: (chunk, encoding, callback) => socket.write(chunk, encoding, callback),
    final: (callback) => socket.end(callback),
    destroy: (error, callback) => {
      socket.destroy(error ?? undefined);
      callback(error);
    },
  });
  duplex.push(first);
  socket.on("data", (data: Buffer) => {
    if (!duplex.push(data)) socket.pause();
  });
  socket.on("end", () => duplex.push(null));
  socket.on("close", () => duplex.destroy());
  socket.on("error", (error) => duplex.destroy(error));
  return duplex;
}

export class Listener {
  private readonly router: Router;
  private readonly active = new Set<AbortController>();
  private readonly sockets = new Set<Socket>();
  private readonly sessions = new Set<Http2Session>();
  private outer!: NetServer | Http2SecureServer;
  private http1?: Http1Server;
  private h2c?: Http2Server;

  constructor(private readonly options: ListenerOptions) {
    this.router = new Router(options.routes);
  }

  get port(): number {
    return (this.outer.address() as AddressInfo).port;
  }

  async start(): Promise<void> {
    const handler = (req: RawRequest, res: RawResponse) => void this.dispatch(req, res);
    if (this.options.tls) {
      const secure = createSecureServer(
        { cert: readFileSync(this.options.tls.certFile), key: readFileSync(this.options.tls.keyFile), allowHTTP1: true },
        handler,
      );
      secure.on("session", (session) => this.track(session));
      secure.on("connection", (socket: Socket) => this.trackSocket(socket));
      this.outer = secure;
    } else {
      this.http1 = createHttp1Server(handler);
      this.http1.keepAliveTimeout = 65_000;
      this.h2c = createH2cServer(handler);
      this.h2c.on("session", (session) => this.track(session));
      this.outer = createNetServer((socket) => this.route(socket));
    }
    this.outer.on("error", (error) => this.options.log.error("listener error", error));
    await new Promise<void>((resolve, reject) => {
      this.outer.once("error", reject);
      this.outer.listen(this.options.port, this.options.host, () => resolve());
    });
  }

  private trackSocket(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => undefined);
  }

  private track(session: Http2Session): void {
    this.sessions.add(session);
    session.on("close", () => this.sessions.delete(session));
    session.on("error", () => undefined);
  }

  private route(socket: Socket): void {
    this.trackSocket(socket);
    socket.once("data", (chunk: Buffer) => {
      socket.pause();
      if (chunk.toString("latin1", 0, 3) === HTTP2_PREFACE_START) {
        // nghttp2 reads from the socket's native handle, which no longer has the bytes we
        // looked at: hand HTTP/2 a stream that replays them and then follows the socket.
        this.h2c!.emit("connection", replayingStream(socket, chunk));
      } else {
        socket.unshift(chunk);
        this.http1!.emit("connection", socket);
      }
      socket.resume();
    });
  }

  private async dispatch(rawReq: RawRequest, rawRes: RawResponse): Promise<void> {
    const controller = new AbortController();
    this.active.add(controller);
    const finish = () => {
      this.active.delete(controller);
      if (!rawRes.writableFinished) controller.abort();
    };
    rawRes.on("close", finish);
    const req = wrapRequest(rawReq, controller.signal, this.options.maxBodyBytes, this.options.component);
    const res = wrapResponse(rawRes);
    try {
      const { route, allowed } = this.router.find(req.method, req.path);
      if (!route) {
        if (allowed.length > 0) {
          res.json({ success: false, message: `Method ${req.method} is not allowed for ${req.path}.` }, 405);
        } else {
          res.json({ success: false, message: `Not found: ${req.path}` }, 404);
        }
        return;
      }
      await route.handler(req, res);
    } catch (error) {
      if (error instanceof HttpError) {
        for (const [name, value] of Object.entries(error.headers)) res.header(name, value);
        if (!res.sent && !rawRes.headersSent) res.json(error.body, error.status);
        else rawRes.end();
        return;
      }
      this.options.log.error(`unhandled error on ${req.method} ${req.path}`, error);
      if (!rawRes.headersSent) res.json({ success: false, message: "Internal server error." }, 500);
      else rawRes.end();
    }
  }

  /** Stops accepting, ends open requests and streams, and closes every connection within `graceMs`. */
  async stop(graceMs = 5000): Promise<void> {
    const closed = new Promise<void>((resolve) => this.outer.close(() => resolve()));
    for (const controller of this.active) controller.abort();
    for (const session of this.sessions) session.close();
    this.http1?.closeIdleConnections();
    const deadline = setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
      for (const session of this.sessions) session.destroy();
    }, graceMs);
    deadline.unref();
    const drained = (async () => {
      while (this.active.size > 0 || this.sockets.size > 0) {
        this.http1?.closeIdleConnections();
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    await Promise.race([Promise.all([closed, drained]), new Promise((resolve) => setTimeout(resolve, graceMs + 100))]);
    clearTimeout(deadline);
  }
}
