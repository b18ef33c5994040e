// Tickets, JWT failure texts, cookies and password hashes.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { SignJWT } from "jose";
import { JwtError, verifyJwt } from "../../src/auth/jwt.js";
import { createAccessToken, createAuthorizationToken, createRefreshCookieValue, hasBearerPrefix } from "../../src/auth/tokens.js";
import { clearedRefreshCookieHeader, parseCookies, refreshCookieHeader } from "../../src/auth/cookies.js";
import { hashPassword, isLegacyHash, verifyPassword } from "../../src/auth/passwords.js";
import { LEGACY_ADMIN_HASH } from "./support/database.js";
import { expiredJwt, keys, payloadOf } from "./support/client.js";

async function failureOf(jwt: string, key: string = keys.tokenKey): Promise<JwtError> {
  try {
    await verifyJwt(jwt, key);
  } catch (error) {
    if (error instanceof JwtError) return error;
    throw error;
  }
  assert.fail("verification succeeded");
}

describe("tickets", () => {
  test("access token, refresh cookie and authorization token", async () => {
    const claims = { sessionId: "0123456789abcdef0123456789abcdef", userId: 3 };
    const token = await createAccessToken(keys, claims);
    const cookie = await createRefreshCookieValue(keys, claims);
    assert.ok(token.startsWith("bearer ") && cookie.startsWith("bearer "));
    assert.deepEqual(JSON.parse(Buffer.from(token.slice(7).split(".")[0]!, "base64url").toString()), { alg: "HS256", typ: "JWT" });
    assert.equal((await verifyJwt(token.slice(7), keys.tokenKey)).userId, 3);
    assert.equal((await verifyJwt(cookie.slice(7), keys.cookieKey)).sessionId, claims.sessionId);
    assert.equal((await failureOf(cookie.slice(7), keys.tokenKey)).message, "invalid signature");

    const authorization = await createAuthorizationToken(keys, { userId: "3", email: "x@example.org", exp: 1 });
    const payload = payloadOf(authorization);
    assert.equal(payload.userId, "3");
    assert.equal(Number(payload.exp) - Number(payload.iat), 600);
  });

  test("failures are worded as upstream's JWT library words them", async () => {
    const expired = await failureOf(await expiredJwt({ userId: 1 }, keys.tokenKey));
    assert.equal(expired.describe(), "TokenExpiredError: jwt expired");
    assert.equal((await failureOf("abc")).describe(), "JsonWebTokenError: jwt malformed");
    assert.equal((await failureOf("")).describe(), "JsonWebTokenError: jwt must be provided");
    assert.equal((await failureOf("!!.e30.abc")).describe(), "JsonWebTokenError: invalid token");
    const hs512 = await new SignJWT({ userId: 1 }).setProtectedHeader({ alg: "HS512" }).sign(new TextEncoder().encode(keys.tokenKey));
    assert.equal((await failureOf(hs512)).describe(), "JsonWebTokenError: invalid algorithm");
    const unsigned = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"userId":1}').toString("base64url")}.`;
    assert.equal((await failureOf(unsigned)).describe(), "JsonWebTokenError: jwt signature is required");
  });

  test("rightly signed tokens with unusual claims get the same answers as from the JWT library", async () => {
    const secret = new TextEncoder().encode(keys.tokenKey);
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: "HS256" }) =>
      new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(secret);
    assert.equal((await verifyJwt(await sign({ userId: 4, exp: now + 60 }), keys.tokenKey)).userId, 4);
    assert.equal((await verifyJwt(await sign({ userId: 5 }), keys.tokenKey)).userId, 5, "no expiry at all is accepted");
    assert.equal((await verifyJwt(await sign({ userId: 6, exp: now + 60 }, { alg: "HS256", kid: "k" }), keys.tokenKey)).userId, 6);
    assert.equal((await failureOf(await sign({ userId: 1, exp: now + 60, nbf: now + 60 }))).describe(), "NotBeforeError: jwt not active");
    assert.equal((await failureOf(await sign({ userId: 1, exp: "soon" }))).describe(), "JsonWebTokenError: invalid token");
    assert.equal((await failureOf(await sign({ userId: 1, exp: now }))).describe(), "TokenExpiredError: jwt expired");
    const valid = await sign({ userId: 1, exp: now + 60 });
    const [header, payload, signature] = valid.split(".") as [string, string, string];
    const otherPayload = Buffer.from(JSON.stringify({ userId: 2, exp: now + 60 })).toString("base64url");
    assert.equal((await failureOf(`${header}.${otherPayload}.${signature}`)).describe(), "JsonWebTokenError: invalid signature");
  });

  test("a token verified before is checked again for its key and its expiry, and its payload cannot be altered through a caller", async () => {
    const secret = new TextEncoder().encode(keys.tokenKey);
    const expiresAt = Math.floor(Date.now() / 1000) + 2;
    const token = await new SignJWT({ userId: 7, exp: expiresAt }).setProtectedHeader({ alg: "HS256" }).sign(secret);
    const first = await verifyJwt(token, keys.tokenKey);
    assert.equal(first.userId, 7);
    first.userId = 99;
    assert.equal((await verifyJwt(token, keys.tokenKey)).userId, 7, "the second verification answers the token's own payload");
    assert.equal((await failureOf(token, keys.cookieKey)).describe(), "JsonWebTokenError: invalid signature", "another key still refuses it");
    assert.equal((await verifyJwt(token, keys.tokenKey)).userId, 7);
    while (Date.now() < expiresAt * 1000 + 50) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await failureOf(token)).describe(), "TokenExpiredError: jwt expired", "expired after it was verified");
  });

  test("the bearer prefix is accepted in any case by the auth service", () => {
    assert.equal(hasBearerPrefix("Bearer abc"), true);
    assert.equal(hasBearerPrefix("bearerabc"), false);
  });
});

describe("cookies", () => {
  test("written percent-encoded, read unquoted and decoded", () => {
    assert.equal(refreshCookieHeader("bearer a.b.c"), "refreshId=bearer%20a.b.c; Path=/; HttpOnly; Secure; SameSite=Lax");
    assert.equal(refreshCookieHeader("bearer a.b.c", "None"), "refreshId=bearer%20a.b.c; Path=/; HttpOnly; Secure; SameSite=None");
    assert.equal(clearedRefreshCookieHeader(), "refreshId=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
    const cookies = parseCookies('anonymous-auth=; refreshId="bearer%20a.b.c"; other=%E0%A4%A; refreshId=second');
    assert.equal(cookies.get("refreshId"), "bearer a.b.c");
    assert.equal(cookies.get("anonymous-auth"), "");
    assert.equal(cookies.get("other"), "%E0%A4%A");
  });
});

describe("passwords", () => {
  test("argon2id hashes with upstream's parameters", async () => {
    const hash = await hashPassword("pw");
    assert.match(hash, /^\$argon2id\$v=19\$m=65536,t=3,p=4\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.equal(await verifyPassword("pw", hash), true);
    assert.equal(await verifyPassword("PW", hash), false);
    assert.equal(await hashPassword(""), "");
  });

  test("the legacy SHA-512 test vector", async () => {
    assert.equal(isLegacyHash(LEGACY_ADMIN_HASH), true);
    assert.equal(await verifyPassword("admin", LEGACY_ADMIN_HASH), true);
    assert.equal(await verifyPassword("admin ", LEGACY_ADMIN_HASH), false);
  });

  test("empty values, unknown formats and malformed argon2 strings never match", async () => {
    assert.equal(await verifyPassword("", LEGACY_ADMIN_HASH), false);
    assert.equal(await verifyPassword("admin", ""), false);
    assert.equal(await verifyPassword("admin", "admin"), false);
    assert.equal(await verifyPassword("admin", "$argon2id$nonsense"), false);
  });
});
