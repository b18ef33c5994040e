// Request authentication for every service: access token (header `authentication`) +
// refresh cookie → user id (0 = anonymous). An expired token with a valid cookie is renewed
// in-process (where upstream services call POST /internal/auth/authenticate); the new token
// goes into the response header `authentication`. Revoked sessions are refused in every
// process through the `logout` stream (revocations.ts), and on renewal through the session
// store.
//
// Upstream has two verifier libraries whose edge cases differ (spec C1/C2); each service
// uses the one its upstream counterpart uses:
//   "python" (osauthlib): action, presenter, media
//   "go" (openslides-go/auth): autoupdate, icc, vote, projector, search
// Errors carry upstream's text and the status the upstream service answers with (python:
// 400, as the backend renders them; go: 403); the caller renders them in its own shape.
import type { HttpRequest, HttpResponse } from "../http/types.js";
import { readRefreshCookie } from "./cookies.js";
import { JwtError, type JwtPayload } from "./jwt.js";
import type { RevokedSessions } from "./revocations.js";
import type { TicketChecker } from "./ticket-check.js";
import { AUTHENTICATION_HEADER, verifyAccessTokenJwt, verifyRefreshCookieJwt, type AuthKeys } from "./tokens.js";

export type VerifierFlavour = "python" | "go";

export interface RequestIdentity {
  /** 0 for anonymous requests. */
  userId: number;
  sessionId?: string;
  /** "bearer <jwt>" when the access token was renewed (already set on the response). */
  renewedToken?: string;
}

export class RequestAuthenticationError extends Error {
  constructor(
    message: string,
    /** The status the upstream service answers with. */
    readonly status: number,
  ) {
    super(message);
  }
}

export interface RequestAuthenticator {
  readonly flavour: VerifierFlavour;
  /** Throws RequestAuthenticationError. */
  authenticate(req: HttpRequest, res: HttpResponse): Promise<RequestIdentity>;
  /**
   * Python flavour's cookie-only check (osauthlib authenticate_only_refresh_id, used by the
   * media service for downloads): no renewal, an expired cookie is an error.
   */
  authenticateRefreshCookieOnly(req: HttpRequest): Promise<number>;
  /** Aborts when the identity's session is revoked or `until` aborts (Go services end open streams so). */
  sessionSignal(identity: RequestIdentity, until: AbortSignal): AbortSignal;
  /** Runs `callback` once when the identity's session is revoked; returns the function that stops watching. */
  onSessionRevoked(identity: RequestIdentity, callback: () => void): () => void;
  /** Whether the request's access token is one of ours (unexpired) whose session was revoked, with or without a cookie. */
  carriesRevokedSession(req: HttpRequest): Promise<boolean>;
}

export interface AuthenticatorDependencies {
  keys: AuthKeys;
  tickets: TicketChecker;
  revocations: RevokedSessions;
}

const PYTHON_ERROR_STATUS = 400;
const GO_ERROR_STATUS = 403;

export function createRequestAuthenticator(flavour: VerifierFlavour, dependencies: AuthenticatorDependencies): RequestAuthenticator {
  const authenticate = flavour === "python" ? authenticatePython : authenticateGo;
  return {
    flavour,
    authenticate: (req, res) => authenticate(dependencies, readCredentials(req), res),
    authenticateRefreshCookieOnly: (req) => authenticateCookieOnly(dependencies, readRefreshCookie(req.headers)),
    sessionSignal(identity, until) {
      if (!identity.sessionId || identity.userId === 0) return until;
      return dependencies.revocations.watch(identity.sessionId, until);
    },
    onSessionRevoked(identity, callback) {
      if (!identity.sessionId || identity.userId === 0) return () => undefined;
      return dependencies.revocations.onRevoked(identity.sessionId, callback);
    },
    carriesRevokedSession: (req) => carriesRevokedSession(dependencies, readCredentials(req)),
  };
}

async function carriesRevokedSession({ keys, revocations }: AuthenticatorDependencies, { token }: Credentials): Promise<boolean> {
  if (token === undefined || !token.startsWith("bearer ")) return false;
  try {
    const payload = await verifyAccessTokenJwt(keys, token.slice(7));
    return typeof payload.sessionId === "string" && revocations.isRevoked(payload.sessionId);
  } catch (error) {
    if (error instanceof JwtError) return false;
    throw error;
  }
}

interface Credentials {
  token: string | undefined;
  cookie: string | undefined;
}

function readCredentials(req: HttpRequest): Credentials {
  const header = req.headers[AUTHENTICATION_HEADER];
  return { token: Array.isArray(header) ? header[0] : header, cookie: readRefreshCookie(req.headers) };
}

function setRenewedToken(res: HttpResponse, token: string): void {
  res.header(AUTHENTICATION_HEADER, token);
  res.header("Access-Control-Expose-Headers", AUTHENTICATION_HEADER);
}

// Python flavour (spec C1)

function pythonError(message: string): RequestAuthenticationError {
  return new RequestAuthenticationError(message, PYTHON_ERROR_STATUS);
}

function invalidCredentials(reason: string): RequestAuthenticationError {
  return pythonError(`The credentials are not valid. Reason: ${reason}`);
}

function pythonJwtReason(error: JwtError): string {
  if (error.failure === "expired") return "The jwt is expired";
  if (error.failure === "signature" && error.message === "invalid signature") return "The signature of the jwt is invalid";
  return "The jwt is invalid";
}

async function authenticatePython(
  { keys, tickets, revocations }: AuthenticatorDependencies,
  { token, cookie }: Credentials,
  res: HttpResponse,
): Promise<RequestIdentity> {
  if (!token || !cookie) return { userId: 0 };
  if (!token.startsWith("bearer ")) throw invalidCredentials(`Wrong format of token: ${token}`);
  if (!cookie.startsWith("bearer ")) throw invalidCredentials(`Wrong format of cookie: ${cookie}`);
  let payload: JwtPayload;
  try {
    await verifyRefreshCookieJwt(keys, cookie.slice(7));
    payload = await verifyAccessTokenJwt(keys, token.slice(7));
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    if (error.failure !== "expired") throw invalidCredentials(pythonJwtReason(error));
    return renewPython(tickets, token, cookie, res);
  }
  const sessionId = String(payload.sessionId);
  if (revocations.isRevoked(sessionId)) throw pythonError("The session is invalid");
  if (!Number.isInteger(payload.userId)) throw pythonError("user_id is not an int");
  return { userId: payload.userId as number, sessionId };
}

async function renewPython(tickets: TicketChecker, token: string, cookie: string, res: HttpResponse): Promise<RequestIdentity> {
  const result = await tickets.checkTicket(token, cookie);
  if (result.kind === "anonymous") return { userId: 0 };
  if (result.kind === "refused") throw pythonError("Authentication service sends HTTP 403. ");
  if (result.renewedToken) setRenewedToken(res, result.renewedToken);
  return {
    userId: Number(result.payload.userId ?? 0),
    sessionId: typeof result.payload.sessionId === "string" ? result.payload.sessionId : undefined,
    renewedToken: result.renewedToken,
  };
}

async function authenticateCookieOnly({ keys, revocations }: AuthenticatorDependencies, cookie: string | undefined): Promise<number> {
  if (!cookie) return 0;
  if (!cookie.startsWith("bearer ")) throw invalidCredentials(`Wrong format of cookie: ${cookie}`);
  let payload: JwtPayload;
  try {
    payload = await verifyRefreshCookieJwt(keys, cookie.slice(7));
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    throw invalidCredentials(pythonJwtReason(error));
  }
  if (revocations.isRevoked(String(payload.sessionId))) throw pythonError("The session is invalid");
  if (!Number.isInteger(payload.userId)) throw pythonError("user_id is not an int");
  return payload.userId as number;
}

// Go flavour (spec C2)

function goError(message: string): RequestAuthenticationError {
  return new RequestAuthenticationError(message, GO_ERROR_STATUS);
}

async function authenticateGo(
  { keys, tickets, revocations }: AuthenticatorDependencies,
  { token: header, cookie }: Credentials,
  res: HttpResponse,
): Promise<RequestIdentity> {
  const hasToken = header !== undefined && header.startsWith("bearer ");
  if (cookie === undefined && !hasToken) return { userId: 0 };
  if (cookie === undefined) throw goError("Can not find auth cookie");
  // Beyond upstream (403 "Can not find auth token"): no token at all with a cookie is anonymous.
  // The client's shared worker sends exactly that between a login's answer (which sets the
  // cookie) and its own who-am-i (which gives it the token): a 403 there ends the stream's
  // subscriptions for good and the login never finishes.
  if (!header) return { userId: 0 };
  if (!hasToken) throw goError("Can not find auth token");
  // Go strips "bearer%20" from the raw cookie; ours arrives percent-decoded.
  const cookieJwt = cookie.startsWith("bearer ") ? cookie.slice(7) : cookie;
  try {
    await verifyRefreshCookieJwt(keys, cookieJwt);
  } catch (error) {
    if (error instanceof JwtError) throw goError("Invalid auth token");
    throw error;
  }
  let payload: JwtPayload;
  try {
    payload = await verifyAccessTokenJwt(keys, header.slice(7));
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    if (error.failure !== "expired" && error.failure !== "not-active") throw goError("Invalid auth token");
    const renewal = await tickets.checkTicket(header, `bearer ${cookieJwt}`);
    if (renewal.kind === "refused") throw goError("Invalid Session");
    if (renewal.kind === "anonymous" || !renewal.renewedToken) throw goError("anonymous");
    setRenewedToken(res, renewal.renewedToken);
    return goIdentity(revocations, renewal.payload, renewal.renewedToken);
  }
  return goIdentity(revocations, payload);
}

function goIdentity(revocations: RevokedSessions, payload: JwtPayload, renewedToken?: string): RequestIdentity {
  if (!Number.isInteger(payload.userId)) throw goError("Invalid auth token");
  const userId = payload.userId as number;
  if (userId === 0) return { userId: 0 };
  const sessionId = typeof payload.sessionId === "string" ? payload.sessionId : "";
  if (revocations.isRevoked(sessionId)) throw goError("invalid session");
  return { userId, sessionId, renewedToken };
}
