// The header, request and keep-alive timeouts over TLS and HTTP/2 (h2c and h2 over TLS), with real
// sockets against the real server: slow or silent connections are closed, incomplete requests get
// 408, idle sessions are closed, and a session's streams are limited.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { connect as connectHttp2, type ClientHttp2Session } from "node:http2";
import { connect as connectTcp, type Socket } from "node:net";
import { connect as connectTls } from "node:tls";
import { MAX_CONCURRENT_STREAMS } from "../../src/http/server.js";
import { startServer, type StartedServer } from "../support/server.js";

const SHORT_TIMEOUTS = { OPENSLIDES_HEADERS_TIMEOUT: "1", OPENSLIDES_REQUEST_TIMEOUT: "2", OPENSLIDES_KEEP_ALIVE_TIMEOUT: "2" };
/** Far above the timeouts, so that only a server that never closes fails. */
const BOUND_MS = 15_000;

/** Writes `text` once connected; resolves with what came back when the server closed the connection, or closed: false. */
function untilClosed(socket: Socket, text: string | Buffer | undefined, connectEvent: string): Promise<{ closed: boolean; received: string; afterMs: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, received, afterMs: Date.now() - started });
    }, BOUND_MS);
    socket.on(connectEvent, () => {
      if (text !== undefined) socket.write(text);
    });
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ closed: true, received, afterMs: Date.now() - started });
    });
  });
}

function sessionClosed(session: ClientHttp2Session): Promise<{ closed: boolean; goaway: boolean }> {
  return new Promise((resolve) => {
    let goaway = false;
    const timer = setTimeout(() => {
      session.destroy();
      resolve({ closed: false, goaway });
    }, BOUND_MS);
    session.on("goaway", () => (goaway = true));
    session.on("error", () => undefined);
    session.on("close", () => {
      clearTimeout(timer);
      resolve({ closed: true, goaway });
    });
  });
}

/** A request whose body stops halfway; resolves with the status and body the server answers. */
function incompleteUpload(session: ClientHttp2Session): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ":method": "POST", ":path": "/system/action/handle_request", "content-type": "application/json", "content-length": "100" });
    let status = 0;
    let body = "";
    const timer = setTimeout(() => reject(new Error("no answer to the incomplete request")), BOUND_MS);
    stream.on("response", (headers) => (status = Number(headers[":status"])));
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("error", () => undefined);
    stream.on("close", () => {
      clearTimeout(timer);
      resolve({ status, body });
    });
    stream.write('[{"action": ');
  });
}

function get(session: ClientHttp2Session, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = session.request({ ":path": path });
    stream.on("response", (headers) => resolve(Number(headers[":status"])));
    stream.on("error", reject);
    stream.resume();
  });
}

for (const scheme of ["TLS", "cleartext"] as const) {
  describe(`timeouts over ${scheme}`, () => {
    let server: StartedServer;
    before(async () => {
      server = await startServer({ env: { ...SHORT_TIMEOUTS, ...(scheme === "TLS" ? { OPENSLIDES_TLS: "1" } : {}) } });
    });
    after(async () => server?.stop());
    const h2 = () => connectHttp2(server.url, { rejectUnauthorized: false });

    if (scheme === "TLS") {
      test("HTTP/1.1 over TLS: headers that never end get 408 and the connection is closed", async () => {
        const socket = connectTls({ port: server.port, host: "127.0.0.1", rejectUnauthorized: false, ALPNProtocols: ["http/1.1"] });
        const result = await untilClosed(socket, "GET /system/health HTTP/1.1\r\nHost: x\r\nX-Slow: ", "secureConnect");
        assert.ok(result.closed, "the server closed the connection");
        assert.match(result.received, /^HTTP\/1\.1 408/);
      });

      test("a connection that never finishes the TLS handshake is closed", async () => {
        const silent = await untilClosed(connectTcp(server.port, "127.0.0.1"), undefined, "connect");
        assert.ok(silent.closed, "silent connection");
        // The first bytes of a ClientHello, and no more.
        const partial = await untilClosed(connectTcp(server.port, "127.0.0.1"), Buffer.from([0x16, 0x03, 0x01, 0x02, 0x00, 0x01]), "connect");
        assert.ok(partial.closed, "half a ClientHello");
      });
    } else {
      test("h2c: a connection that sends the preface and never a request is closed", async () => {
        const result = await untilClosed(connectTcp(server.port, "127.0.0.1"), "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", "connect");
        assert.ok(result.closed, "the server closed the connection");
      });
    }

    test("HTTP/2: a session that never opens a stream is closed", async () => {
      const session = h2();
      assert.equal((await sessionClosed(session)).closed, true);
    });

    test("HTTP/2: a request body that stops halfway gets 408", async () => {
      const session = h2();
      try {
        const answer = await incompleteUpload(session);
        assert.equal(answer.status, 408, answer.body);
        assert.deepEqual(JSON.parse(answer.body), { success: false, message: "The request was not complete in time." });
        // The session itself still serves.
        assert.equal(await get(session, "/system/health"), 200);
      } finally {
        session.destroy();
      }
    });

    test("HTTP/2: an idle session is closed after the keep-alive timeout, and streams are limited", async () => {
      const session = h2();
      const closed = sessionClosed(session);
      assert.equal(await get(session, "/system/health"), 200);
      assert.equal(session.remoteSettings.maxConcurrentStreams, MAX_CONCURRENT_STREAMS);
      assert.deepEqual(await closed, { closed: true, goaway: true });
    });
  });
}
