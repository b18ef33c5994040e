import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { Listener } from "../../src/http/server.js";
import { openJsonLineStream, type JsonLineStream } from "../../src/http/stream.js";
import type { Route } from "../../src/http/types.js";
import { createLogger } from "../../src/log.js";

/** Streams opened by the test routes, so the tests can drive them. */
const opened: JsonLineStream[] = [];
const closedCount = { value: 0 };

const routes: Route[] = [
  {
    method: "GET",
    path: "/test/stream",
    component: "client",
    handler: (req, res) => {
      const stream = openJsonLineStream(req, res, {
        keepAliveMs: Number(req.query.get("keepalive") ?? 0),
        merge: req.query.has("merge") ? (_pending, next) => next : undefined,
        maxQueued: 5,
        onClose: () => closedCount.value++,
      });
      stream.send({ first: true });
      opened.push(stream);
    },
  },
];

function readLines(port: number, path: string, count: number): Promise<{ lines: string[]; contentType: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path, host: "127.0.0.1" }, (res) => {
      let buffer = "";
      const lines: string[] = [];
      res.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        let index;
        while ((index = buffer.indexOf("\n")) >= 0) {
          lines.push(buffer.slice(0, index));
          buffer = buffer.slice(index + 1);
          if (lines.length === count) {
            req.destroy();
            resolve({ lines, contentType: res.headers["content-type"] });
          }
        }
      });
      res.on("end", () => resolve({ lines, contentType: res.headers["content-type"] }));
    });
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
    req.end();
  });
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(condition(), "condition not reached");
}

describe("streaming writer", () => {
  let listener: Listener;
  before(async () => {
    listener = new Listener({ host: "127.0.0.1", port: 0, routes, maxBodyBytes: 1024, log: createLogger("error") });
    await listener.start();
  });
  after(async () => listener.stop(100));

  test("writes one compact JSON object per line as application/octet-stream", async () => {
    const reading = readLines(listener.port, "/test/stream", 3);
    await waitFor(() => opened.length === 1);
    opened[0]!.send({ text: "a\nb" });
    opened[0]!.send({ n: 2 });
    const { lines, contentType } = await reading;
    assert.equal(contentType, "application/octet-stream");
    assert.deepEqual(lines, ['{"first":true}', '{"text":"a\\nb"}', '{"n":2}']);
  });

  test("an error is sent as {\"error\": ...} and closes the stream", async () => {
    const before = opened.length;
    const reading = readLines(listener.port, "/test/stream", 10);
    await waitFor(() => opened.length === before + 1);
    opened.at(-1)!.sendError({ type: "invalid", msg: "bad" });
    const { lines } = await reading;
    assert.deepEqual(lines, ['{"first":true}', '{"error":{"type":"invalid","msg":"bad"}}']);
    assert.equal(opened.at(-1)!.isClosed, true);
  });

  test("keep-alive lines arrive on an idle stream", async () => {
    const { lines } = await readLines(listener.port, "/test/stream?keepalive=50", 3);
    assert.deepEqual(lines, ['{"first":true}', "", ""]);
  });

  test("a client that disconnects runs the cleanup", async () => {
    const closedBefore = closedCount.value;
    await readLines(listener.port, "/test/stream", 1);
    await waitFor(() => closedCount.value > closedBefore);
  });

  test("a reader that never reads neither blocks others nor grows the queue without bound", async () => {
    const before = opened.length;
    const stalled = request({ port: listener.port, path: "/test/stream", host: "127.0.0.1" }, (res) => res.pause());
    stalled.end();
    await waitFor(() => opened.length === before + 1);
    const slow = opened.at(-1)!;
    const big = { payload: "x".repeat(64 * 1024) };
    for (let i = 0; i < 200 && !slow.isClosed; i++) slow.send(big);
    assert.equal(slow.isClosed, true, "the stream over its queue bound was closed");
    const other = await readLines(listener.port, "/test/stream", 1);
    assert.deepEqual(other.lines, ['{"first":true}'], "other clients are served meanwhile");
    stalled.destroy();
  });

  test("with a merge function, held-back messages collapse into the latest", async () => {
    const before = opened.length;
    let received = "";
    const stalled = request({ port: listener.port, path: "/test/stream?merge", host: "127.0.0.1" }, (res) => {
      res.pause();
      setTimeout(() => {
        res.on("data", (chunk: Buffer) => (received += chunk.toString()));
        res.resume();
      }, 300);
    });
    stalled.end();
    await waitFor(() => opened.length === before + 1);
    const stream = opened.at(-1)!;
    const big = "x".repeat(64 * 1024);
    for (let i = 0; i < 100; i++) stream.send({ i, big });
    assert.equal(stream.isClosed, false);
    await waitFor(() => received.includes('"i":99'));
    const count = received.split("\n").filter((line) => line.startsWith('{"i"')).length;
    assert.ok(count < 100, `only ${count} of 100 messages were written`);
    stalled.destroy();
  });

  test("stopping the listener closes open streams", async () => {
    const other = new Listener({ host: "127.0.0.1", port: 0, routes, maxBodyBytes: 1024, log: createLogger("error") });
    await other.start();
    const before = opened.length;
    const reading = readLines(other.port, "/test/stream", 10);
    await waitFor(() => opened.length === before + 1);
    await other.stop(1000);
    const { lines } = await reading;
    assert.deepEqual(lines, ['{"first":true}']);
    assert.equal(opened.at(-1)!.isClosed, true);
  });
});
