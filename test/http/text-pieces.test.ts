// Big texts go out in pieces (src/http/text-pieces.ts): pieces never split a character, a
// stream's big first line arrives whole with the messages sent meanwhile after it, and the event
// loop serves others while the pieces are written.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { Listener } from "../../src/http/server.js";
import { openJsonLineStream } from "../../src/http/stream.js";
import { PIECE_CHARS, sendInPieces, textPieces } from "../../src/http/text-pieces.js";
import type { Route } from "../../src/http/types.js";
import { createLogger } from "../../src/log.js";

/** A JSON line of about 2.5 pieces whose piece boundaries fall inside surrogate pairs. */
function bigLine(): string {
  const text = `${"a".repeat(PIECE_CHARS - 1)}😀${"ü€".repeat(PIECE_CHARS / 2)}😀${"x".repeat(PIECE_CHARS / 2)}`;
  return `${JSON.stringify({ text })}\n`;
}

/** What happened around the first line's writing, in order. */
const events: string[] = [];

const routes: Route[] = [
  {
    method: "GET",
    path: "/test/big-first-line",
    component: "client",
    handler: async (req, res) => {
      const stream = openJsonLineStream(req, res, { keepAliveMs: 1 });
      const sending = stream.sendFirstLine(bigLine());
      setImmediate(() => events.push("other work"));
      stream.send({ after: true });
      await sending;
      events.push("first line written");
    },
  },
  {
    method: "GET",
    path: "/test/big-single",
    component: "client",
    handler: async (_req, res) => {
      const sending = sendInPieces(res, bigLine(), "application/octet-stream", 200);
      setImmediate(() => events.push("other work"));
      await sending;
      events.push("answer written");
    },
  },
];

function get(port: number, path: string): Promise<{ body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, path, host: "127.0.0.1" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        // The stream stays open: stop after its second line.
        if (Buffer.concat(chunks).toString("utf8").split("\n").length > 2) req.destroy();
      });
      const done = () => resolve({ body: Buffer.concat(chunks).toString("utf8"), headers: res.headers });
      res.on("end", done);
      res.on("close", done);
    });
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "ECONNRESET" ? undefined : reject(error)));
    req.end();
  });
}

describe("big texts in pieces", () => {
  let listener: Listener;
  before(async () => {
    listener = new Listener({ host: "127.0.0.1", port: 0, routes, maxBodyBytes: 1024, log: createLogger("error") });
    await listener.start();
  });
  after(async () => listener.stop(100));

  test("pieces never end inside a surrogate pair and join to the text", () => {
    const text = bigLine();
    const pieces = [...textPieces(text)];
    assert.ok(pieces.length >= 3);
    assert.equal(pieces.join(""), text);
    for (const piece of pieces) {
      const last = piece.charCodeAt(piece.length - 1);
      assert.ok(last < 0xd800 || last > 0xdbff, "no piece ends with a high surrogate");
      assert.equal(Buffer.from(piece, "utf8").toString("utf8"), piece, "each piece encodes on its own");
    }
    assert.deepEqual([...textPieces("")], []);
  });

  test("a stream's big first line arrives whole, a message sent meanwhile follows it, and the event loop turned in between", async () => {
    events.length = 0;
    const { body } = await get(listener.port, "/test/big-first-line");
    const [first, second] = body.split("\n");
    assert.equal(`${first}\n`, bigLine());
    // no keep-alive inside or right after the line: the held-back message comes next
    assert.equal(second, '{"after":true}');
    assert.deepEqual(events.slice(0, 2), ["other work", "first line written"]);
  });

  test("a big single answer arrives whole, in chunks, while the event loop serves others", async () => {
    events.length = 0;
    const { body, headers } = await get(listener.port, "/test/big-single");
    assert.equal(body, bigLine());
    assert.equal(headers["transfer-encoding"], "chunked");
    assert.deepEqual(events, ["other work", "answer written"]);
  });
});
