// Issue 13, item 6: credentialed CORS only for the server's own origin unless
// OPENSLIDES_CORS_ORIGINS allows others, and SameSite on the refreshId cookie
// (OPENSLIDES_COOKIE_SAMESITE). Against the real server in development mode.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Client } from "../support/http.js";
import { startServer, type StartedServer } from "../support/server.js";

const login = (server: StartedServer, origin?: string) =>
  new Client(server.url).post("/system/auth/login", { username: "admin", password: "admin" }, origin ? { origin } : {});

describe("default: same origin only, SameSite=Lax", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => server?.stop());

  test("a foreign page gets no credentialed CORS answer, the server's own origin does", async () => {
    const foreign = await login(server, "https://evil.example");
    assert.equal(foreign.status, 200);
    assert.equal(foreign.headers.get("access-control-allow-origin"), null);
    assert.equal(foreign.headers.get("access-control-allow-credentials"), null);
    const own = await login(server, server.url);
    assert.equal(own.headers.get("access-control-allow-origin"), server.url);
    assert.equal(own.headers.get("access-control-allow-credentials"), "true");
  });

  test("a proxy's X-Forwarded-Host counts as the server's own host; malformed origins are not echoed", async () => {
    const proxied = await new Client(server.url).post("/system/auth/who-am-i", {}, { origin: "https://meeting.example", "x-forwarded-host": "meeting.example" });
    assert.equal(proxied.headers.get("access-control-allow-origin"), "https://meeting.example");
    const malformed = await new Client(server.url).post("/system/auth/who-am-i", {}, { origin: "not a url" });
    assert.equal(malformed.headers.get("access-control-allow-origin"), null);
  });

  test("the refresh cookie is HttpOnly, Secure and SameSite=Lax", async () => {
    const answer = await login(server);
    assert.match(answer.headers.get("set-cookie")!, /; HttpOnly; Secure; SameSite=Lax$/);
  });
});

describe("configured: an allow-list and SameSite=Strict", () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({ env: { OPENSLIDES_CORS_ORIGINS: "https://Allowed.example/, https://other.example", OPENSLIDES_COOKIE_SAMESITE: "strict" } });
  });
  after(async () => server?.stop());

  test("listed origins are answered with credentials, others are not", async () => {
    const allowed = await login(server, "https://allowed.example");
    assert.equal(allowed.headers.get("access-control-allow-origin"), "https://allowed.example");
    assert.equal(allowed.headers.get("access-control-allow-credentials"), "true");
    const other = await login(server, "https://other.example");
    assert.equal(other.headers.get("access-control-allow-origin"), "https://other.example");
    const unlisted = await login(server, "https://unlisted.example");
    assert.equal(unlisted.headers.get("access-control-allow-origin"), null);
    assert.match(allowed.headers.get("set-cookie")!, /; SameSite=Strict$/);
  });
});
