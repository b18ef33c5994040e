// The listener against slow, incomplete and crowded clients: header and request timeouts end
// stalled connections, streams are not cut by them, and a storm of simultaneous connects is
// accepted without resets (listen backlog).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { connect, type Socket } from "node:net";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { openLineStream } from "../support/stream-client.js";

/** Sends `text` on a fresh connection and resolves with what came back once the server closed it (or "timeout"). */
function sendAndWaitForClose(port: number, text: string, boundMs: number): Promise<{ closed: boolean; received: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ closed: false, received });
    }, boundMs);
    socket.on("connect", () => socket.write(text));
    socket.on("data", (chunk) => (received += chunk.toString()));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ closed: true, received });
    });
  });
}

describe("slow and incomplete requests", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({ env: { OPENSLIDES_HEADERS_TIMEOUT: "1", OPENSLIDES_REQUEST_TIMEOUT: "2" } });
  });
  after(async () => {
    await server.stop();
  });

  test("a body shorter than its Content-Length is answered with 408 and the connection closed", async () => {
    const request = "POST /system/action/handle_request HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[{";
    const { closed, received } = await sendAndWaitForClose(server.port, request, 15_000);
    assert.ok(closed, "the server closed the connection");
    assert.match(received, /^HTTP\/1\.1 408/);
  });

  test("headers that never end are answered with 408 and the connection closed", async () => {
    const { closed, received } = await sendAndWaitForClose(server.port, "GET /system/health HTTP/1.1\r\nHost: x\r\nX-Slow: ", 15_000);
    assert.ok(closed, "the server closed the connection");
    assert.match(received, /^HTTP\/1\.1 408/);
  });

  test("the server keeps serving after cutting stalled connections", async () => {
    const answer = await new Client(server.url).get("/system/health");
    assert.equal(answer.status, 200);
  });

  test("a stream outlives the request timeout", async () => {
    const client = new Client(server.url);
    await client.login("admin", "admin");
    const stream = await openLineStream(`${server.url}/system/icc/notify?meeting_id=1`, { authentication: client.token!, cookie: client.cookie! });
    try {
      assert.equal(stream.status, 200);
      const channelId = (JSON.parse(await stream.next(10_000)) as { channel_id: string }).channel_id;
      // Longer than the request timeout plus a check interval.
      await new Promise((resolve) => setTimeout(resolve, 3500));
      const sent = await client.post("/system/icc/notify/publish", { channel_id: channelId, to_meeting: 1, name: "still-there", message: {} });
      assert.equal(sent.status, 200, sent.text);
      const line = await stream.next(10_000);
      assert.match(line, /still-there/);
    } finally {
      stream.close();
    }
  });
});

describe("connection storm", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  test("2,000 simultaneous connects are all accepted and answered", async () => {
    const count = 2000;
    const sockets: Socket[] = [];
    const outcomes = await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<string>((resolve) => {
            const socket = connect(server.port, "127.0.0.1");
            sockets.push(socket);
            let received = "";
            socket.on("connect", () => socket.write("GET /system/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
            socket.on("data", (chunk) => (received += chunk.toString()));
            socket.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
            socket.on("close", () => resolve(received.startsWith("HTTP/1.1 200") ? "ok" : `answer: ${received.slice(0, 40)}`));
          }),
      ),
    );
    for (const socket of sockets) socket.destroy();
    const failures = outcomes.filter((outcome) => outcome !== "ok");
    assert.deepEqual(failures.slice(0, 5), [], `${failures.length} of ${count} connections failed`);
  });
});
