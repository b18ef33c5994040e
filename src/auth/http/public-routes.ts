// /system/auth, /system/auth/login, /system/auth/who-am-i (spec B6.1-B6.3).
import { setTimeout as sleep } from "node:timers/promises";
import { readRefreshCookie, refreshCookieHeader } from "../cookies.js";
import type { LoginPermission } from "../login-rate-limit.js";
import { hashPassword, isLegacyHash, verifyAgainstDummy, verifyPassword } from "../passwords.js";
import { AUTHENTICATION_HEADER, createAccessToken, createRefreshCookieValue } from "../tokens.js";
import { findUsersByUsername, recordLogin, replacePasswordHash, type LoginUser } from "../users.js";
import { stringField } from "./request-body.js";
import { anonymousEnvelope, AuthRouteError, clearRefreshCookie, envelope } from "./responses.js";
import type { AuthCall, AuthRoute, AuthRouteDependencies } from "./route-kit.js";

export function publicRoutes(deps: AuthRouteDependencies): AuthRoute[] {
  return [
    {
      method: "GET",
      path: "/system/auth",
      handle: async ({ res }) => res.json(envelope({}, "Authentication service is available")),
    },
    { method: "POST", path: "/system/auth/login", handle: (call) => login(deps, call) },
    { method: "POST", path: "/system/auth/who-am-i", handle: (call) => whoAmI(deps, call) },
  ];
}

async function login({ auth, db, browserAccess }: AuthRouteDependencies, { req, res, fields }: AuthCall): Promise<void> {
  const body = await fields();
  const username = stringField(body, "username");
  const password = stringField(body, "password");
  if (!username || !password) throw new AuthRouteError("Authentication failed! Username or password is not provided!");

  // Counts as a failure from here on, until the login succeeds.
  const permission = await reserveLoginAttempt(auth, username, req.clientAddress);
  if (!permission.allowed) {
    res.header("Retry-After", String(permission.retryAfterSeconds));
    const message = `Too many login attempts. Please try again in ${permission.retryAfterSeconds} seconds.`;
    return res.json(envelope({}, message, false), 429);
  }

  const claims = await logIn(db, auth, username, password).catch(async (error: unknown) => {
    // Wrong password, deactivated account or a broken database: the attempt counts, its delay starts now.
    await permission.attempt.failed();
    throw error;
  });
  await permission.attempt.succeeded();
  res.header(AUTHENTICATION_HEADER, await createAccessToken(auth.keys, claims));
  res.header("Set-Cookie", refreshCookieHeader(await createRefreshCookieValue(auth.keys, claims), browserAccess.cookieSameSite));
  res.json(envelope());
}

/** How long a login waits for a running attempt of the same username and address before it is refused. */
const MAX_WAIT_BEHIND_RUNNING_MS = 10_000;
const WAIT_STEP_MS = 50;

/**
 * A login that arrives while another attempt of the same username and address has its password
 * checked waits for that attempt's end instead of being refused: the same person logging in from
 * several tabs or devices behind one address at once is no guessing. If the running attempt fails,
 * the pair's delay applies to the waiting ones as to any other.
 */
async function reserveLoginAttempt(auth: AuthRouteDependencies["auth"], username: string, address: string): Promise<LoginPermission> {
  const giveUpAt = Date.now() + MAX_WAIT_BEHIND_RUNNING_MS;
  for (;;) {
    const permission = await auth.loginRateLimiter.reserve(username, address);
    if (permission.allowed || !permission.behindRunningAttempt || Date.now() >= giveUpAt) return permission;
    await sleep(WAIT_STEP_MS);
  }
}

async function logIn(db: AuthRouteDependencies["db"], auth: AuthRouteDependencies["auth"], username: string, password: string): Promise<{ sessionId: string; userId: number }> {
  const user = await checkCredentials(db, username, password);
  if (!user) throw new AuthRouteError("Username or password is incorrect.");
  if (!user.is_active) throw new AuthRouteError("The account is deactivated.");
  if (isLegacyHash(user.password!)) await replacePasswordHash(db, user.id, await hashPassword(password));
  const sessionId = await auth.sessions.add(user.id);
  await recordLogin(db, user.id);
  return { sessionId, userId: user.id };
}

/** The user when the password matches; unknown users cost a dummy verification. */
async function checkCredentials(db: AuthRouteDependencies["db"], username: string, password: string): Promise<LoginUser | undefined> {
  const users = await findUsersByUsername(db, username);
  if (users.length > 1) throw new AuthRouteError("Multiple users with same credentials!");
  const user = users[0];
  if (!user?.password) return verifyAgainstDummy(password).then(() => undefined);
  return (await verifyPassword(password, user.password)) ? user : undefined;
}

async function whoAmI({ auth }: AuthRouteDependencies, { req, res }: AuthCall): Promise<void> {
  const result = await auth.tickets.whoAmI(readRefreshCookie(req.headers));
  if (result.kind === "renewed") {
    res.header(AUTHENTICATION_HEADER, result.token);
    return res.json(envelope());
  }
  clearRefreshCookie(res);
  if (result.kind === "anonymous") return res.json(anonymousEnvelope());
  if (result.kind === "refused") throw new AuthRouteError(result.message);
  throw new AuthRouteError(result.error.describe(), 500);
}
