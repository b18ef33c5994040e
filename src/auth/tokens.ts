// The three tickets of the auth service (spec B3): the access token (600 s, header
// `authentication`), the refresh cookie (30 days, cookie `refreshId`) and the authorization
// token for password resets (600 s, header `authorization`). All HS256, all "bearer <jwt>".
import { randomBytes } from "node:crypto";
import { signJwt, verifyJwt, type JwtPayload } from "./jwt.js";

export const ACCESS_TOKEN_LIFETIME_SECONDS = 600;
export const REFRESH_COOKIE_LIFETIME_SECONDS = 30 * 24 * 60 * 60;
export const AUTHORIZATION_TOKEN_LIFETIME_SECONDS = 600;

export const AUTHENTICATION_HEADER = "authentication";
export const AUTHORIZATION_HEADER = "authorization";
export const BEARER_PREFIX = "bearer ";

export interface AuthKeys {
  /** Signs access and authorization tokens (AUTH_TOKEN_KEY_FILE). */
  tokenKey: string;
  /** Signs refresh cookies (AUTH_COOKIE_KEY_FILE). */
  cookieKey: string;
}

/** The claims of access tokens and refresh cookies. */
export interface SessionClaims {
  sessionId: string;
  userId: number;
}

/** 16 random bytes as 32 lowercase hex characters. */
export function newSessionId(): string {
  return randomBytes(16).toString("hex");
}

export async function createAccessToken(keys: AuthKeys, claims: SessionClaims): Promise<string> {
  return BEARER_PREFIX + (await signJwt({ sessionId: claims.sessionId, userId: claims.userId }, keys.tokenKey, ACCESS_TOKEN_LIFETIME_SECONDS));
}

export async function createRefreshCookieValue(keys: AuthKeys, claims: SessionClaims): Promise<string> {
  return (
    BEARER_PREFIX +
    (await signJwt({ sessionId: claims.sessionId, userId: claims.userId }, keys.cookieKey, REFRESH_COOKIE_LIFETIME_SECONDS))
  );
}

/** The payload is embedded as given (a form-encoded userId stays a string, as the backend expects). */
export async function createAuthorizationToken(keys: AuthKeys, payload: Record<string, unknown>): Promise<string> {
  const { iat: _iat, exp: _exp, ...claims } = payload;
  return BEARER_PREFIX + (await signJwt(claims, keys.tokenKey, AUTHORIZATION_TOKEN_LIFETIME_SECONDS));
}

/** True for "bearer ..." in any letter case (the auth service's own leniency). */
export function hasBearerPrefix(value: string): boolean {
  return value.slice(0, BEARER_PREFIX.length).toLowerCase() === BEARER_PREFIX;
}

export function withoutBearerPrefix(value: string): string {
  return value.slice(BEARER_PREFIX.length);
}

export function verifyAccessTokenJwt(keys: AuthKeys, jwt: string): Promise<JwtPayload> {
  return verifyJwt(jwt, keys.tokenKey);
}

export function verifyRefreshCookieJwt(keys: AuthKeys, jwt: string): Promise<JwtPayload> {
  return verifyJwt(jwt, keys.cookieKey);
}
