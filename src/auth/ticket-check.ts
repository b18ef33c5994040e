// The two checks of the auth service that turn credentials into a user:
// - whoAmI (spec B6.3): the refresh cookie alone → a new access token;
// - checkTicket (spec B5, the ticket middleware): access token + refresh cookie → the
//   token's claims, renewing an expired token from the cookie.
// Both answer with plain outcomes; routes and the request-authentication helper decide how
// to render them.
import { JwtError, decodeJwtPayload, type JwtPayload } from "./jwt.js";
import type { SessionStore } from "./sessions.js";
import {
  createAccessToken,
  hasBearerPrefix,
  verifyAccessTokenJwt,
  verifyRefreshCookieJwt,
  withoutBearerPrefix,
  type AuthKeys,
  type SessionClaims,
} from "./tokens.js";

export type WhoAmIResult =
  | { kind: "renewed"; token: string; claims: SessionClaims }
  | { kind: "anonymous" }
  /** 403 with this message. */
  | { kind: "refused"; message: string }
  /** The cookie is no valid JWT (bad signature, malformed, ...). */
  | { kind: "broken"; error: JwtError };

export type TicketResult =
  | { kind: "valid"; payload: JwtPayload; renewedToken?: string }
  | { kind: "anonymous"; clearCookie: boolean }
  /** 403 {"message": ..., "success": false} */
  | { kind: "refused"; message: string };

export interface TicketChecker {
  whoAmI(cookie: string | undefined): Promise<WhoAmIResult>;
  checkTicket(token: string | undefined, cookie: string | undefined): Promise<TicketResult>;
}

export function createTicketChecker(keys: AuthKeys, sessions: SessionStore): TicketChecker {
  async function whoAmI(cookie: string | undefined): Promise<WhoAmIResult> {
    if (!cookie) return { kind: "anonymous" };
    if (!hasBearerPrefix(cookie)) return { kind: "refused", message: "Wrong cookie" };
    let payload: JwtPayload;
    try {
      payload = await verifyRefreshCookieJwt(keys, withoutBearerPrefix(cookie));
    } catch (error) {
      if (!(error instanceof JwtError)) throw error;
      return error.failure === "expired" ? { kind: "anonymous" } : { kind: "broken", error };
    }
    const claims = sessionClaimsOf(payload);
    if (!claims || !(await sessions.has(claims.sessionId))) return { kind: "refused", message: "Not signed in" };
    return { kind: "renewed", token: await createAccessToken(keys, claims), claims };
  }

  async function checkTicket(token: string | undefined, cookie: string | undefined): Promise<TicketResult> {
    if (!token || !cookie) return { kind: "anonymous", clearCookie: false };
    if (!hasBearerPrefix(token)) return { kind: "refused", message: "AccessToken has wrong format" };
    if (!hasBearerPrefix(cookie)) return { kind: "refused", message: "RefreshId has wrong format!" };
    const tokenJwt = withoutBearerPrefix(token);
    let tokenPayload: JwtPayload;
    let cookiePayload: JwtPayload;
    try {
      tokenPayload = await verifyAccessTokenJwt(keys, tokenJwt);
      cookiePayload = await verifyRefreshCookieJwt(keys, withoutBearerPrefix(cookie));
    } catch (error) {
      if (!(error instanceof JwtError)) throw error;
      if (error.failure !== "expired") return { kind: "refused", message: error.message };
      return renewExpired(tokenJwt, cookie);
    }
    if (tokenPayload.sessionId !== cookiePayload.sessionId) return { kind: "refused", message: "Mismatched session" };
    if (typeof cookiePayload.sessionId !== "string" || !(await sessions.has(cookiePayload.sessionId))) {
      return { kind: "refused", message: "Not signed in" };
    }
    return { kind: "valid", payload: tokenPayload };
  }

  /** Renews an expired ticket; the request goes on with the old token's claims (as upstream). */
  async function renewExpired(tokenJwt: string, cookie: string): Promise<TicketResult> {
    const renewal = await whoAmI(cookie);
    switch (renewal.kind) {
      case "anonymous":
        return { kind: "anonymous", clearCookie: true };
      case "refused":
        return renewal;
      case "broken":
        return { kind: "refused", message: renewal.error.message };
      case "renewed": {
        // Only reached after the token's signature was verified (expiry is checked last).
        const oldPayload = decodeJwtPayload(tokenJwt) ?? {};
        // Beyond upstream: an expired token of another session is not renewed with this cookie.
        if (oldPayload.sessionId !== renewal.claims.sessionId) return { kind: "refused", message: "Mismatched session" };
        return { kind: "valid", payload: oldPayload, renewedToken: renewal.token };
      }
    }
  }

  return { whoAmI, checkTicket };
}

function sessionClaimsOf(payload: JwtPayload): SessionClaims | undefined {
  const { sessionId, userId } = payload;
  if (typeof sessionId !== "string") return undefined;
  const numericUserId = typeof userId === "number" ? userId : Number(userId);
  if (!Number.isInteger(numericUserId)) return undefined;
  return { sessionId, userId: numericUserId };
}
