import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { connect } from "node:http2";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";

function h2cGet(url: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const session = connect(url);
    session.on("error", reject);
    const stream = session.request({ ":path": path, ":method": "GET" });
    let status = 0;
    let body = "";
    stream.on("response", (headers) => (status = Number(headers[":status"])));
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      session.close();
      resolve({ status, body });
    });
    stream.on("error", reject);
  });
}

describe("HTTP server", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({
      env: { OPENSLIDES_COMPONENT_PORTS: "action,auth", ACTION_PORT: "0", AUTH_PORT: "0", OPENSLIDES_MAX_BODY_BYTES: String(2 * 1024 * 1024) },
    });
  });
  after(async () => {
    assert.equal(await server.stop(), 0, "SIGTERM ends the process with 0");
  });

  test("serves HTTP/1.1 with a Date header", async () => {
    const answer = await new Client(server.url).get("/system/health");
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, "running");
    assert.ok(answer.headers.get("date"));
  });

  test("serves cleartext HTTP/2 on the same port", async () => {
    const answer = await h2cGet(server.url, "/system/health");
    assert.equal(answer.status, 200);
    assert.equal(JSON.parse(answer.body).status, "running");
  });

  test("unknown paths and methods get JSON errors", async () => {
    const client = new Client(server.url);
    const missing = await client.get("/system/nothing-here");
    assert.equal(missing.status, 404);
    assert.equal(missing.body.success, false);
    const wrongMethod = await client.request("DELETE", "/system/health");
    assert.equal(wrongMethod.status, 405);
    assert.equal((await client.request("HEAD", "/system/action/health")).status, 405, "HEAD is not GET (upstream action service)");
  });

  test("an oversized body is refused with 413 and the server keeps serving", async () => {
    const client = new Client(server.url);
    const big = JSON.stringify([{ action: "topic.create", data: [{ meeting_id: 1, title: "x".repeat(3 * 1024 * 1024) }] }]);
    const answer = await client.post("/system/action/handle_request", big);
    assert.equal(answer.status, 413);
    assert.equal((await client.get("/system/health")).status, 200);
  });

  test("malformed JSON never produces a 500", async () => {
    const client = new Client(server.url);
    const login = await client.post("/system/auth/login", "{not json");
    assert.ok(login.status >= 400 && login.status < 500, `login answered ${login.status}`);
    const action = await client.post("/system/action/handle_request", "{not json");
    assert.equal(action.status, 400);
  });

  test("component ports serve only their component", async () => {
    const action = new Client(`http://127.0.0.1:${server.componentPorts.action}`);
    const auth = new Client(`http://127.0.0.1:${server.componentPorts.auth}`);
    assert.equal((await action.get("/health")).status, 200, "the seed's GET /health on the action port");
    assert.equal((await action.get("/system/action/health")).status, 200);
    assert.equal((await action.get("/system/auth")).status, 404);
    assert.equal((await auth.get("/system/auth")).status, 200);
    assert.equal((await auth.get("/system/action/health")).status, 404);
    assert.equal((await new Client(server.url).get("/health")).status, 404, "port-only aliases stay off the main port");
  });
});

describe("configuration errors", () => {
  test("a configured secret file that does not exist stops the start with a clear message", async () => {
    await assert.rejects(
      startServer({ env: { OPENSLIDES_DEVELOPMENT: "", AUTH_TOKEN_KEY_FILE: "/nonexistent/auth_token_key" } }),
      /AUTH_TOKEN_KEY_FILE: the file \/nonexistent\/auth_token_key does not exist/,
    );
  });
});
