// The presenter's own port: the seed's un-prefixed `curl localhost:9003/health` and
// `curl localhost:9003 -X GET -d '[...]'`.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startServer, type StartedServer } from "../support/server.js";

function send(port: number, method: string, path: string, body?: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, method, path, headers: body ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } : {} }, (incoming) => {
      let text = "";
      incoming.on("data", (chunk: Buffer) => (text += chunk.toString()));
      incoming.on("end", () => resolve({ status: incoming.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

describe("presenter port aliases", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({ env: { OPENSLIDES_COMPONENT_PORTS: "presenter", PRESENTER_PORT: "0" } });
  });
  after(async () => server.stop());

  test("GET /health and a GET with a presenter body on the presenter port", async () => {
    const port = server.componentPorts.presenter!;
    assert.ok(port);
    assert.deepEqual(await send(port, "GET", "/health"), { status: 200, body: { status: "running" } });
    const removed = await send(port, "GET", "/", '[{"presenter": "whoami"}]');
    assert.deepEqual(removed, { status: 400, body: { success: false, message: "Presenter whoami does not exist." } });
    const anonymousCount = await send(port, "GET", "/", '[{"presenter": "number_of_users", "data": {"number_of_users_to_add_or_activate": 1}}]');
    assert.deepEqual(anonymousCount, { status: 200, body: [{ possible: true }] });
  });

  test("the aliases are not served on the main port", async () => {
    const answer = await fetch(`${server.url}/health`);
    assert.notDeepEqual(await answer.json().catch(() => undefined), { status: "running" });
  });
});
