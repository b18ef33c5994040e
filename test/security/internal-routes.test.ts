// Issue 13, items 1 and 3: every /internal/ route on the main port needs the internal password
// (Authorization: base64, optionally "basic "); component ports keep upstream's behaviour and
// listen on 127.0.0.1 unless OPENSLIDES_COMPONENT_HOST says otherwise. Against the real server.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loadConfig } from "../../src/config.js";
import { Client } from "../support/http.js";
import { startServer, type StartedServer } from "../support/server.js";

const DEV_PASSWORD = Buffer.from("openslides").toString("base64");

/** Every internal path a service of ours serves, plus letter-case and unknown variants. */
const INTERNAL_PATHS = [
  "/internal/auth/create-authorization-token",
  "/internal/auth/verify-authorization-token",
  "/internal/auth/clear-sessions-by-user-id",
  "/internal/auth/hash",
  "/internal/auth/is-equals",
  "/internal/auth/authenticate",
  "/INTERNAL/Auth/Hash/",
  "/internal/handle_request",
  "/internal/autoupdate",
  "/internal/media/upload_mediafile/",
  "/internal/media/duplicate_mediafile/",
  "/internal/vote/live_votes",
  "/internal/migrations",
  "/internal",
];

let server: StartedServer;

before(async () => {
  server = await startServer({ env: { OPENSLIDES_COMPONENT_PORTS: "auth,action" } });
});
after(async () => server?.stop());

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => new Client(server.url).post(path, body, headers);

describe("the main port", () => {
  test("the reproduction of the issue: no anonymous reset token for user 1", async () => {
    const answer = await post("/internal/auth/create-authorization-token", { userId: 1, email: "x@y.z" });
    assert.equal(answer.status, 401);
    assert.equal(answer.headers.get("authorization"), null);
    assert.equal(answer.body.success, false);
  });

  test("refuses every internal path without the password, with a wrong one and with a malformed one", async () => {
    for (const path of INTERNAL_PATHS) {
      assert.equal((await post(path, { userId: 1 })).status, 401, path);
      assert.equal((await new Client(server.url).get(path)).status, 401, `GET ${path}`);
      assert.equal((await post(path, { userId: 1 }, { authorization: Buffer.from("wrong").toString("base64") })).status, 401, path);
      assert.equal((await post(path, { userId: 1 }, { authorization: `basic ${Buffer.from("openslides!").toString("base64")}` })).status, 401, path);
      const malformed = await post(path, {}, { authorization: "abc" });
      assert.equal(malformed.status, 400, path);
      assert.equal(malformed.body.message, "The internal auth password must be correctly base64-encoded.");
    }
  });

  test("clear-sessions-by-user-id does not log anyone out without the password", async () => {
    const admin = new Client(server.url);
    await admin.login("admin", "admin");
    await post("/internal/auth/clear-sessions-by-user-id", { userId: 1 });
    const whoami = await admin.post("/system/auth/who-am-i", {});
    assert.equal(whoami.status, 200);
    assert.match(whoami.headers.get("authentication") ?? "", /^bearer /, "the session still renews");
  });

  test("serves internal routes to callers with the password, plain or after 'basic '", async () => {
    const plain = await post("/internal/auth/hash", { toHash: "pw" }, { authorization: DEV_PASSWORD });
    assert.equal(plain.status, 200);
    assert.match(plain.body.hash, /^\$argon2id\$/);
    const basic = await post("/internal/auth/is-equals", { toHash: "pw", toCompare: plain.body.hash }, { authorization: `Basic ${DEV_PASSWORD}` });
    assert.equal(basic.status, 200);
    assert.equal(basic.body.isEquals, true);
    const action = await post("/internal/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "by a service" }] }], { authorization: DEV_PASSWORD });
    assert.equal(action.status, 200, action.text);
  });

  test("public routes need no password", async () => {
    assert.equal((await post("/system/auth/who-am-i", {})).status, 200);
    assert.equal((await new Client(server.url).get("/system/action/health")).status, 200);
  });
});

describe("component ports", () => {
  test("keep upstream's behaviour: the auth port's internal routes answer without the password", async () => {
    const auth = new Client(`http://127.0.0.1:${server.componentPorts.auth}`);
    const hashed = await auth.post("/internal/auth/hash", { toHash: "pw" });
    assert.equal(hashed.status, 200);
    const action = new Client(`http://127.0.0.1:${server.componentPorts.action}`);
    assert.equal((await action.post("/internal/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "x" }] }])).status, 401);
  });

  test("listen on 127.0.0.1 unless OPENSLIDES_COMPONENT_HOST is set", () => {
    assert.equal(loadConfig({ OPENSLIDES_DEVELOPMENT: "1" }).componentHost, "127.0.0.1");
    assert.equal(loadConfig({ OPENSLIDES_DEVELOPMENT: "1", OPENSLIDES_COMPONENT_HOST: "0.0.0.0" }).componentHost, "0.0.0.0");
    assert.equal(loadConfig({ OPENSLIDES_DEVELOPMENT: "1" }).host, "0.0.0.0");
  });
});
