// The auth routes over real HTTP, on a real PostgreSQL database and a real Redis (under a
// unique key prefix, so the upstream session layout can be checked key by key).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { createTestDatabase, LEGACY_ADMIN_HASH, USERS, type TestDatabase } from "./support/database.js";
import { redisTarget, startAuthServer, type AuthServer } from "./support/auth-server.js";
import { call, expiredJwt, keys, login, payloadOf, refreshCookieOf, signedJwt, withCredentials } from "./support/client.js";

const prefix = `test:auth-routes:${randomBytes(6).toString("hex")}:`;
let database: TestDatabase;
let server: AuthServer;
let redis: Redis;
let url: string;

before(async () => {
  database = await createTestDatabase("auth_routes");
  server = await startAuthServer({ databaseName: database.name, redisPrefix: prefix });
  url = server.url;
  redis = new Redis(redisTarget);
});

after(async () => {
  await server?.close();
  await database?.drop();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const ENVELOPE = { message: "Action handled successfully", success: true };
const ANONYMOUS = { message: "anonymous", success: true, userId: 0, sessionId: "0" };

describe("health and conventions", () => {
  test("GET /system/auth and /system/auth/secure", async () => {
    const index = await call(url, "/system/auth", { method: "GET" });
    assert.equal(index.status, 200);
    assert.deepEqual(index.body, { message: "Authentication service is available", success: true });
    assert.match(index.headers.get("content-type")!, /^application\/json/);
    const secure = await call(url, "/system/auth/secure/", { method: "GET" });
    assert.deepEqual(secure.body, { message: "Yeah! A secure route!", success: true });
  });

  test("CORS: the server's own origin may read answers with credentials, a foreign origin may not", async () => {
    const foreign = await call(url, "/system/auth/login", { json: {}, headers: { origin: "https://example.org" } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get("access-control-allow-origin"), null);
    assert.equal(foreign.headers.get("access-control-allow-credentials"), null);
    assert.equal(foreign.headers.get("access-control-allow-methods"), "GET, OPTIONS, POST, DELETE, PUT");
    assert.equal(
      foreign.headers.get("access-control-allow-headers"),
      "Origin, X-Requested-With, Content-Type, X-Content-Type, Authentication, Authorization, X-Access-Token, Accept",
    );
    const own = await call(url, "/system/auth/login", { json: {}, headers: { origin: url } });
    assert.equal(own.headers.get("access-control-allow-origin"), url);
    assert.equal(own.headers.get("access-control-allow-credentials"), "true");
  });

  test("paths match case-insensitively with an optional trailing slash; GET login is 404", async () => {
    assert.equal((await call(url, "/system/auth/WHO-AM-I/")).status, 200);
    assert.equal((await call(url, "/system/auth/who-am-i")).status, 200);
    const getLogin = await call(url, "/system/auth/login", { method: "GET" });
    assert.equal(getLogin.status, 404);
    assert.equal((await call(url, "/system/auth/unknown")).status, 404);
  });
});

describe("login", () => {
  test("JSON login answers the envelope, the token header and the refresh cookie", async () => {
    const answer = await call(url, "/system/auth/login/", { json: { username: USERS.superadmin.username, password: USERS.superadmin.password } });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, ENVELOPE);
    const token = answer.headers.get("authentication")!;
    assert.match(token, /^bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const payload = payloadOf(token);
    assert.equal(payload.userId, USERS.superadmin.id);
    assert.match(String(payload.sessionId), /^[0-9a-f]{32}$/);
    assert.equal(Number(payload.exp) - Number(payload.iat), 600);
    assert.deepEqual(Object.keys(payload), ["sessionId", "userId", "iat", "exp"]);
    // The client decodes the payload with atob, which rejects base64url's "-" and "_".
    assert.doesNotMatch(token.split(".")[1]!, /[-_]/);

    const setCookie = answer.headers.getSetCookie();
    assert.equal(setCookie.length, 1);
    assert.match(setCookie[0]!, /^refreshId=bearer%20[\w-]+\.[\w-]+\.[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const cookiePayload = payloadOf(decodeURIComponent(refreshCookieOf(answer).slice("refreshId=".length)));
    assert.equal(cookiePayload.sessionId, payload.sessionId);
    assert.equal(Number(cookiePayload.exp) - Number(cookiePayload.iat), 30 * 24 * 3600);

    const rows = await database.db.query<{ last_login: Date | null }>("SELECT last_login FROM user_t WHERE id = $1", [USERS.superadmin.id]);
    assert.ok(rows[0]!.last_login instanceof Date && Date.now() - rows[0]!.last_login.getTime() < 60_000);
  });

  test("form-encoded login works too", async () => {
    const answer = await call(url, "/system/auth/login", { form: { username: USERS.superadmin.username, password: USERS.superadmin.password } });
    assert.equal(answer.status, 200);
    assert.ok(answer.headers.get("authentication"));
  });

  test("missing or empty fields", async () => {
    const expected = { message: "Authentication failed! Username or password is not provided!" };
    for (const json of [{}, { username: "admin" }, { password: "x" }, { username: "", password: "x" }, { username: 5, password: "x" }]) {
      const answer = await call(url, "/system/auth/login", { json });
      assert.equal(answer.status, 403);
      assert.deepEqual(answer.body, expected);
    }
    assert.equal((await call(url, "/system/auth/login")).status, 403);
  });

  test("wrong password, unknown user and a user without password fail alike", async () => {
    const expected = { message: "Username or password is incorrect." };
    for (const [username, password] of [
      [USERS.superadmin.username, "wrong"],
      ["nobody", "whatever"],
      [USERS.saml.username, "anything"],
    ]) {
      const answer = await call(url, "/system/auth/login", { json: { username, password } });
      assert.equal(answer.status, 403);
      assert.deepEqual(answer.body, expected);
      assert.equal(answer.headers.get("authentication"), null);
    }
  });

  test("an inactive user with the right password is refused", async () => {
    const answer = await call(url, "/system/auth/login", { json: { username: USERS.inactive.username, password: USERS.inactive.password } });
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, { message: "The account is deactivated." });
  });

  test("a legacy SHA-512 hash verifies and is replaced by argon2id", async () => {
    const before = await database.db.query<{ password: string }>("SELECT password FROM user_t WHERE id = 1");
    assert.equal(before[0]!.password, LEGACY_ADMIN_HASH);
    await login(url, USERS.admin.username, USERS.admin.password);
    const after = await database.db.query<{ password: string }>("SELECT password FROM user_t WHERE id = 1");
    assert.match(after[0]!.password, /^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    await login(url, USERS.admin.username, USERS.admin.password);
  });

  test("the session is stored in upstream's Redis layout", async () => {
    const credentials = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const sessionId = String(payloadOf(credentials.token).sessionId);
    assert.equal(await redis.hget(`${prefix}auth:session:sessions`, `auth:session:sessions:${sessionId}`), String(USERS.superadmin.id));
    assert.equal(await redis.sismember(`${prefix}auth:session:sessions:index`, sessionId), 1);
    const userSessions = JSON.parse((await redis.hget(`${prefix}auth:session:users`, `auth:session:users:${USERS.superadmin.id}`))!);
    assert.ok(userSessions.includes(sessionId));
    assert.equal(await redis.sismember(`${prefix}auth:session:users:index`, String(USERS.superadmin.id)), 1);
  });
});

describe("login rate limit", () => {
  test("5 failures are free, the 6th starts a 1 s wait that refuses even the right password, then it works again", async () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      const answer = await call(url, "/system/auth/login", { json: { username: USERS.limited.username, password: "wrong" } });
      assert.equal(answer.status, 403, `failure ${attempt + 1}`);
    }
    const blocked = await call(url, "/system/auth/login", { json: { username: USERS.limited.username, password: USERS.limited.password } });
    assert.equal(blocked.status, 429);
    assert.equal(blocked.headers.get("retry-after"), "1");
    assert.deepEqual(blocked.body, { message: "Too many login attempts. Please try again in 1 seconds.", success: false });
    // Other users are not affected.
    assert.equal((await call(url, "/system/auth/login", { json: { username: USERS.superadmin.username, password: USERS.superadmin.password } })).status, 200);
    await sleep(1100);
    assert.equal((await call(url, "/system/auth/login", { json: { username: USERS.limited.username, password: USERS.limited.password } })).status, 200);
  });
});

describe("who-am-i", () => {
  test("without a cookie: anonymous, cookie cleared", async () => {
    const answer = await call(url, "/system/auth/who-am-i/");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, ANONYMOUS);
    assert.equal(answer.headers.get("authentication"), null);
    assert.deepEqual(answer.headers.getSetCookie(), ["refreshId=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"]);
    assert.deepEqual((await call(url, "/system/auth/who-am-i", { headers: { cookie: 'refreshId=""' } })).body, ANONYMOUS);
  });

  test("refreshId=null: Wrong cookie", async () => {
    const answer = await call(url, "/system/auth/who-am-i", { headers: { cookie: "refreshId=null" } });
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, { message: "Wrong cookie" });
  });

  test("a valid cookie gives a new access token of the same session", async () => {
    const credentials = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    for (const cookie of [credentials.cookie, credentials.cookie.replace("bearer%20", "bearer "), `refreshId="${decodeURIComponent(credentials.cookie.slice(10))}"`]) {
      const answer = await call(url, "/system/auth/who-am-i/", { headers: { cookie } });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, ENVELOPE);
      const renewed = payloadOf(answer.headers.get("authentication")!);
      assert.equal(renewed.sessionId, payloadOf(credentials.token).sessionId);
      assert.equal(renewed.userId, USERS.superadmin.id);
    }
  });

  test("an expired cookie is anonymous; a forged one is a 500 with the JWT error", async () => {
    const claims = { sessionId: "a".repeat(32), userId: 2 };
    const expired = await call(url, "/system/auth/who-am-i", { headers: { cookie: `refreshId=bearer%20${await expiredJwt(claims, keys.cookieKey)}` } });
    assert.equal(expired.status, 200);
    assert.deepEqual(expired.body, ANONYMOUS);
    const forged = await call(url, "/system/auth/who-am-i", { headers: { cookie: `refreshId=bearer%20${await signedJwt(claims, "not-the-key")}` } });
    assert.equal(forged.status, 500);
    assert.deepEqual(forged.body, { message: "JsonWebTokenError: invalid signature" });
    const malformed = await call(url, "/system/auth/who-am-i", { headers: { cookie: "refreshId=bearer%20abc" } });
    assert.deepEqual(malformed.body, { message: "JsonWebTokenError: jwt malformed" });
  });

  test("after logout: Not signed in", async () => {
    const credentials = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const logout = await call(url, "/system/auth/secure/logout/", { headers: withCredentials(credentials) });
    assert.equal(logout.status, 200);
    assert.deepEqual(logout.body, ENVELOPE);
    assert.deepEqual(logout.headers.getSetCookie(), ["refreshId=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"]);
    const answer = await call(url, "/system/auth/who-am-i/", { headers: { cookie: credentials.cookie } });
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, { message: "Not signed in" });
  });
});

describe("secure routes (ticket middleware)", () => {
  test("without credentials: the anonymous envelope, the route does not run", async () => {
    const answer = await call(url, "/system/auth/secure/logout");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, ANONYMOUS);
  });

  test("wrong formats, forged tokens and mismatched sessions", async () => {
    const credentials = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const other = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const cases: [Record<string, string>, string][] = [
      [{ authentication: "token", cookie: credentials.cookie }, "AccessToken has wrong format"],
      [{ authentication: credentials.token, cookie: "refreshId=token" }, "RefreshId has wrong format!"],
      [{ authentication: `bearer ${await signedJwt({ sessionId: "x", userId: 2 }, "wrong")}`, cookie: credentials.cookie }, "invalid signature"],
      [{ authentication: "bearer abc", cookie: credentials.cookie }, "jwt malformed"],
      [{ authentication: other.token, cookie: credentials.cookie }, "Mismatched session"],
    ];
    for (const [headers, message] of cases) {
      const answer = await call(url, "/system/auth/secure/list-sessions", { method: "GET", headers });
      assert.equal(answer.status, 403, message);
      assert.deepEqual(answer.body, { message, success: false });
    }
  });

  test("list-sessions, clear-session-by-id, clear-all-sessions-except-themselves, clear-all-sessions", async () => {
    const first = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const second = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const third = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const idOf = (credentials: { token: string }) => String(payloadOf(credentials.token).sessionId);

    const list = await call(url, "/system/auth/secure/list-sessions", { method: "GET", headers: withCredentials(first) });
    assert.equal(list.status, 200);
    for (const credentials of [first, second, third]) assert.ok(list.body.sessions.includes(idOf(credentials)));

    const byId = await call(url, "/system/auth/secure/clear-session-by-id", { headers: withCredentials(first), json: { sessionId: idOf(third) } });
    assert.deepEqual(byId.body, ENVELOPE);
    assert.equal((await call(url, "/system/auth/who-am-i", { headers: { cookie: third.cookie } })).status, 403);

    const fourth = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const except = await call(url, "/system/auth/secure/clear-all-sessions-except-themselves", { headers: withCredentials(first) });
    assert.deepEqual(except.body, ENVELOPE);
    assert.equal((await call(url, "/system/auth/who-am-i", { headers: { cookie: first.cookie } })).status, 200);
    assert.equal((await call(url, "/system/auth/who-am-i", { headers: { cookie: second.cookie } })).status, 403);
    assert.equal((await call(url, "/system/auth/who-am-i", { headers: { cookie: fourth.cookie } })).status, 403);

    const all = await call(url, "/system/auth/secure/clear-all-sessions", { headers: withCredentials(first) });
    assert.deepEqual(all.body, ENVELOPE);
    assert.equal((await call(url, "/system/auth/who-am-i", { headers: { cookie: first.cookie } })).status, 403);
    assert.equal(await redis.hget(`${prefix}auth:session:users`, `auth:session:users:${USERS.superadmin.id}`), null);
  });

  test("every revocation appends sessionId to the logout stream", async () => {
    const credentials = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const sessionId = String(payloadOf(credentials.token).sessionId);
    await call(url, "/system/auth/secure/logout", { headers: withCredentials(credentials) });
    const entries = await redis.xrevrange(`${prefix}logout`, "+", "-", "COUNT", 20);
    assert.ok(entries.some(([, fields]) => fields[0] === "sessionId" && fields[1] === sessionId));
  });

  test("an expired access token with a valid cookie is renewed by the middleware", async () => {
    const credentials = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const claims = payloadOf(credentials.token);
    const expired = `bearer ${await expiredJwt({ sessionId: claims.sessionId, userId: claims.userId }, keys.tokenKey)}`;
    const answer = await call(url, "/internal/auth/authenticate", { headers: { authentication: expired, cookie: credentials.cookie } });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { ...ENVELOPE, userId: USERS.superadmin.id, sessionId: claims.sessionId });
    const renewed = answer.headers.get("authentication")!;
    assert.equal(payloadOf(renewed).sessionId, claims.sessionId);
    assert.ok(Number(payloadOf(renewed).exp) > Date.now() / 1000);
    assert.equal(answer.headers.get("access-control-expose-header"), "Authentication");
  });
});

describe("internal routes", () => {
  test("authenticate: valid ticket, anonymous, revoked session", async () => {
    const credentials = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const sessionId = payloadOf(credentials.token).sessionId;
    const valid = await call(url, "/internal/auth/authenticate", { headers: withCredentials(credentials) });
    assert.deepEqual(valid.body, { ...ENVELOPE, userId: USERS.superadmin.id, sessionId });
    assert.equal(valid.headers.get("authentication"), null);
    assert.deepEqual((await call(url, "/internal/auth/authenticate")).body, ANONYMOUS);
    await call(url, "/system/auth/secure/logout", { headers: withCredentials(credentials) });
    const revoked = await call(url, "/internal/auth/authenticate", { headers: withCredentials(credentials) });
    assert.equal(revoked.status, 403);
    assert.deepEqual(revoked.body, { message: "Not signed in", success: false });
  });

  test("hash and is-equals", async () => {
    const hashed = await call(url, "/internal/auth/hash", { json: { toHash: "pw" } });
    assert.equal(hashed.status, 200);
    assert.match(hashed.body.hash, /^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    assert.equal(hashed.body.success, true);
    assert.equal((await call(url, "/internal/auth/hash", { form: { toHash: "" } })).body.hash, "");
    const equal = async (toHash: string, toCompare: string) => (await call(url, "/internal/auth/is-equals", { form: { toHash, toCompare } })).body.isEquals;
    assert.equal(await equal("pw", hashed.body.hash), true);
    assert.equal(await equal("other", hashed.body.hash), false);
    assert.equal(await equal("admin", LEGACY_ADMIN_HASH), true);
    assert.equal(await equal("", hashed.body.hash), false);
    assert.equal(await equal("pw", "plain"), false);
  });

  test("authorization tokens: form-encoded create, verify once, then already used", async () => {
    const created = await call(url, "/internal/auth/create-authorization-token", { form: { userId: "2", email: "a@example.org" } });
    assert.equal(created.status, 200);
    assert.deepEqual(created.body, ENVELOPE);
    const token = created.headers.get("authorization")!;
    assert.match(token, /^bearer /);
    const claims = payloadOf(token);
    assert.equal(claims.userId, "2");
    assert.equal(claims.email, "a@example.org");

    const verified = await call(url, "/internal/auth/verify-authorization-token", { headers: { authorization: token } });
    assert.equal(verified.status, 200);
    assert.equal(verified.body.userId, "2");
    assert.equal(verified.body.email, "a@example.org");
    assert.equal(verified.body.success, true);
    assert.equal(typeof verified.body.exp, "number");

    const again = await call(url, "/internal/auth/verify-authorization-token", { headers: { authorization: token } });
    assert.equal(again.status, 403);
    assert.deepEqual(again.body, { message: "Token is already used" });
    assert.equal(await redis.hget(`${prefix}auth:tokens`, `auth:tokens:${token}`), "true");
  });

  test("verify-authorization-token: missing, unprefixed, forged", async () => {
    assert.deepEqual((await call(url, "/internal/auth/verify-authorization-token")).body, { message: "You are not authorized" });
    const unprefixed = await call(url, "/internal/auth/verify-authorization-token", { headers: { authorization: "abc" } });
    assert.equal(unprefixed.status, 403);
    assert.deepEqual(unprefixed.body, { message: "Wrong token" });
    const forged = await call(url, "/internal/auth/verify-authorization-token", {
      headers: { authorization: `bearer ${await signedJwt({ userId: "1" }, "wrong")}` },
    });
    assert.equal(forged.status, 500);
    assert.deepEqual(forged.body, { message: "JsonWebTokenError: invalid signature" });
  });

  test("clear-sessions-by-user-id with a form-encoded string id", async () => {
    const credentials = await login(url, USERS.superadmin.username, USERS.superadmin.password);
    const answer = await call(url, "/internal/auth/clear-sessions-by-user-id", { form: { userId: String(USERS.superadmin.id) } });
    assert.deepEqual(answer.body, ENVELOPE);
    assert.equal((await call(url, "/system/auth/who-am-i", { headers: { cookie: credentials.cookie } })).status, 403);
  });

  test("a broken JSON body is a 400 with a message, not a crash", async () => {
    const response = await fetch(`${url}/internal/auth/hash`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /^Invalid JSON body/);
  });
});

describe("SAML routes with SAML disabled", () => {
  test("index and getUrl say disabled; metadata, acs, send, idplogout are 404; logout redirects", async () => {
    const disabled = { message: "SAML SP service is disabled", success: true };
    assert.deepEqual((await call(url, "/system/saml", { method: "GET" })).body, disabled);
    assert.deepEqual((await call(url, "/system/saml/getUrl", { method: "GET" })).body, disabled);
    for (const [method, path] of [
      ["GET", "/system/saml/metadata"],
      ["GET", "/system/saml/send"],
      ["POST", "/system/saml/acs"],
      ["POST", "/system/saml/idplogout"],
    ] as const) {
      const answer = await call(url, path, { method });
      assert.equal(answer.status, 404, path);
      assert.equal(answer.body, "SAML SP service is disabled");
    }
    const logout = await fetch(`${url}/system/saml/logout`, { redirect: "manual" });
    assert.equal(logout.status, 302);
    assert.equal(logout.headers.get("location"), "/");
  });

  test("with saml_enabled the routes say SAML is not supported here", async () => {
    await database.db.query("UPDATE organization_t SET saml_enabled = true WHERE id = 1");
    try {
      const answer = await call(url, "/system/saml", { method: "GET" });
      assert.equal(answer.status, 501);
      assert.deepEqual(answer.body, { message: "SAML SP service is not supported by this server", success: false });
    } finally {
      await database.db.query("UPDATE organization_t SET saml_enabled = false WHERE id = 1");
    }
  });
});
