// The request-authentication helper of every service, in both verifier flavours, over real
// HTTP (probe routes that answer with what the helper made of the request), on the
// in-process bus.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createTestDatabase, USERS, type TestDatabase } from "./support/database.js";
import { startAuthServer, type AuthServer } from "./support/auth-server.js";
import { call, expiredJwt, keys, login, payloadOf, signedJwt, withCredentials, type Credentials } from "./support/client.js";
import { SessionRevokedError } from "../../src/auth/revocations.js";

let database: TestDatabase;
let server: AuthServer;
let url: string;

before(async () => {
  database = await createTestDatabase("auth_helper");
  server = await startAuthServer({ databaseName: database.name });
  url = server.url;
});

after(async () => {
  await server?.close();
  await database?.drop();
});

const python = (headers: Record<string, string> = {}) => call(url, "/test/authenticate/python", { headers });
const go = (headers: Record<string, string> = {}) => call(url, "/test/authenticate/go", { headers });
const superadmin = () => login(url, USERS.superadmin.username, USERS.superadmin.password);
const sessionOf = (credentials: Credentials) => String(payloadOf(credentials.token).sessionId);

async function expiredTokenOf(credentials: Credentials): Promise<string> {
  const claims = payloadOf(credentials.token);
  return `bearer ${await expiredJwt({ sessionId: claims.sessionId, userId: claims.userId }, keys.tokenKey)}`;
}

describe("both flavours", () => {
  test("no credentials: anonymous", async () => {
    for (const probe of [python, go]) {
      const answer = await probe();
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { userId: 0, sessionId: null });
    }
  });

  test("a valid ticket: the user and session", async () => {
    const credentials = await superadmin();
    for (const probe of [python, go]) {
      const answer = await probe(withCredentials(credentials));
      assert.deepEqual(answer.body, { userId: USERS.superadmin.id, sessionId: sessionOf(credentials) });
      assert.equal(answer.headers.get("authentication"), null);
    }
  });

  test("an expired token with a valid cookie is renewed in-process and exposed in the response header", async () => {
    const credentials = await superadmin();
    const expired = await expiredTokenOf(credentials);
    for (const probe of [python, go]) {
      const answer = await probe({ authentication: expired, cookie: credentials.cookie });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { userId: USERS.superadmin.id, sessionId: sessionOf(credentials) });
      const renewed = answer.headers.get("authentication")!;
      assert.match(renewed, /^bearer /);
      assert.equal(payloadOf(renewed).sessionId, sessionOf(credentials));
      assert.ok(Number(payloadOf(renewed).exp) > Date.now() / 1000);
      assert.match(answer.headers.get("access-control-expose-headers")!, /authentication/i);
    }
  });

  test("a token of a revoked session is refused at once, renewal of it too", async () => {
    const credentials = await superadmin();
    const expired = await expiredTokenOf(credentials);
    await call(url, "/system/auth/secure/logout", { headers: withCredentials(credentials) });

    const pythonValid = await python(withCredentials(credentials));
    assert.equal(pythonValid.status, 400);
    assert.deepEqual(pythonValid.body, { error: "The session is invalid" });
    const goValid = await go(withCredentials(credentials));
    assert.equal(goValid.status, 403);
    assert.deepEqual(goValid.body, { error: "invalid session" });

    const pythonExpired = await python({ authentication: expired, cookie: credentials.cookie });
    assert.equal(pythonExpired.status, 400);
    assert.deepEqual(pythonExpired.body, { error: "Authentication service sends HTTP 403. " });
    const goExpired = await go({ authentication: expired, cookie: credentials.cookie });
    assert.equal(goExpired.status, 403);
    assert.deepEqual(goExpired.body, { error: "Invalid Session" });
  });
});

describe("python flavour (action, presenter, media)", () => {
  test("a token or a cookie alone is anonymous", async () => {
    const credentials = await superadmin();
    assert.deepEqual((await python({ authentication: credentials.token })).body, { userId: 0, sessionId: null });
    assert.deepEqual((await python({ cookie: credentials.cookie })).body, { userId: 0, sessionId: null });
  });

  test("wrong formats and forged or broken tokens", async () => {
    const credentials = await superadmin();
    const forged = `bearer ${await signedJwt({ sessionId: sessionOf(credentials), userId: 1 }, "not-the-key")}`;
    const cases: [Record<string, string>, string][] = [
      [{ authentication: "xyz", cookie: credentials.cookie }, "The credentials are not valid. Reason: Wrong format of token: xyz"],
      [{ authentication: credentials.token, cookie: "refreshId=xyz" }, "The credentials are not valid. Reason: Wrong format of cookie: xyz"],
      [{ authentication: forged, cookie: credentials.cookie }, "The credentials are not valid. Reason: The signature of the jwt is invalid"],
      [{ authentication: "bearer abc", cookie: credentials.cookie }, "The credentials are not valid. Reason: The jwt is invalid"],
    ];
    for (const [headers, error] of cases) {
      const answer = await python(headers);
      assert.equal(answer.status, 400, error);
      assert.deepEqual(answer.body, { error });
    }
  });

  test("a token whose userId is no integer", async () => {
    const credentials = await superadmin();
    const token = `bearer ${await signedJwt({ sessionId: sessionOf(credentials), userId: "2" }, keys.tokenKey)}`;
    assert.deepEqual((await python({ authentication: token, cookie: credentials.cookie })).body, { error: "user_id is not an int" });
  });

  test("an expired cookie falls back to the ticket check and ends anonymous", async () => {
    const credentials = await superadmin();
    const cookieJwt = await expiredJwt({ sessionId: sessionOf(credentials), userId: USERS.superadmin.id }, keys.cookieKey);
    const answer = await python({ authentication: credentials.token, cookie: `refreshId=bearer%20${cookieJwt}` });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { userId: 0, sessionId: null });
  });

  test("cookie-only check (media downloads)", async () => {
    const credentials = await superadmin();
    const cookieOnly = (cookie?: string) =>
      call(url, "/test/authenticate/cookie-only", { method: "GET", headers: cookie ? { cookie } : {} });
    assert.deepEqual((await cookieOnly()).body, { userId: 0 });
    assert.deepEqual((await cookieOnly(credentials.cookie)).body, { userId: USERS.superadmin.id });
    const expiredCookie = await expiredJwt({ sessionId: sessionOf(credentials), userId: 2 }, keys.cookieKey);
    assert.deepEqual((await cookieOnly(`refreshId=bearer%20${expiredCookie}`)).body, {
      error: "The credentials are not valid. Reason: The jwt is expired",
    });
    await call(url, "/system/auth/secure/logout", { headers: withCredentials(credentials) });
    assert.deepEqual((await cookieOnly(credentials.cookie)).body, { error: "The session is invalid" });
  });
});

describe("go flavour (autoupdate, icc, vote, projector, search)", () => {
  test("a token alone is an error; a cookie without any token is anonymous (beyond upstream)", async () => {
    const credentials = await superadmin();
    const tokenOnly = await go({ authentication: credentials.token });
    assert.equal(tokenOnly.status, 403);
    assert.deepEqual(tokenOnly.body, { error: "Can not find auth cookie" });
    // The client's shared worker sends this right after a login, before its who-am-i gave it a token.
    assert.deepEqual((await go({ cookie: credentials.cookie })).body, { userId: 0, sessionId: null });
    assert.deepEqual((await go({ authentication: "", cookie: credentials.cookie })).body, { userId: 0, sessionId: null });
    // A header without the prefix counts as no token.
    assert.deepEqual((await go({ authentication: "xyz" })).body, { userId: 0, sessionId: null });
    assert.deepEqual((await go({ authentication: "xyz", cookie: credentials.cookie })).body, { error: "Can not find auth token" });
  });

  test("forged tokens and cookies, and an expired cookie, are invalid", async () => {
    const credentials = await superadmin();
    const claims = { sessionId: sessionOf(credentials), userId: USERS.superadmin.id };
    const forgedToken = `bearer ${await signedJwt(claims, "not-the-key")}`;
    const forgedCookie = `refreshId=bearer%20${await signedJwt(claims, "not-the-key")}`;
    const expiredCookie = `refreshId=bearer%20${await expiredJwt(claims, keys.cookieKey)}`;
    for (const headers of [
      { authentication: forgedToken, cookie: credentials.cookie },
      { authentication: credentials.token, cookie: forgedCookie },
      { authentication: credentials.token, cookie: expiredCookie },
    ]) {
      const answer = await go(headers);
      assert.equal(answer.status, 403);
      assert.deepEqual(answer.body, { error: "Invalid auth token" });
    }
  });

  test("an expired token with an expired cookie: invalid (Go reads the cookie first)", async () => {
    const credentials = await superadmin();
    const claims = { sessionId: sessionOf(credentials), userId: USERS.superadmin.id };
    const answer = await go({ authentication: await expiredTokenOf(credentials), cookie: `refreshId=bearer%20${await expiredJwt(claims, keys.cookieKey)}` });
    assert.deepEqual(answer.body, { error: "Invalid auth token" });
  });

  test("the session signal of a long request aborts when the session is revoked", async () => {
    const credentials = await superadmin();
    const sessionId = sessionOf(credentials);
    const request = new AbortController();
    const signal = server.auth.authenticator("go").sessionSignal({ userId: USERS.superadmin.id, sessionId }, request.signal);
    assert.equal(signal.aborted, false);
    const aborted = new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    await call(url, "/system/auth/secure/logout", { headers: withCredentials(credentials) });
    await aborted;
    assert.ok(signal.reason instanceof SessionRevokedError);
    request.abort();
  });
});
