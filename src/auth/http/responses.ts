// The auth service's wire conventions (spec B2): envelopes, error bodies and the headers
// every answer carries.
import type { HttpRequest, HttpResponse } from "../../http/types.js";
import { clearedRefreshCookieHeader } from "../cookies.js";
import { AUTHENTICATION_HEADER } from "../tokens.js";
import { allowedOrigin, type BrowserAccess } from "./browser-access.js";

export const SUCCESS_MESSAGE = "Action handled successfully";

/** `{"message", "success", ...data}`, data keys after message and success. */
export function envelope(data: Record<string, unknown> = {}, message = SUCCESS_MESSAGE, success = true): Record<string, unknown> {
  return { message, success, ...data };
}

export function anonymousEnvelope(): Record<string, unknown> {
  return envelope({ userId: 0, sessionId: "0" }, "anonymous");
}

/** An error raised inside a route: answered as `{"message": ...}` with its status. */
export class AuthRouteError extends Error {
  constructor(
    message: string,
    readonly status = 403,
  ) {
    super(message);
  }
}

/** Upstream's CORS headers, but the origin is echoed (with credentials) only when it may read the answer. */
export function setCorsHeaders(req: HttpRequest, res: HttpResponse, access: BrowserAccess): void {
  res.header("Vary", "Origin");
  const origin = allowedOrigin(req, access);
  if (origin !== undefined) {
    res.header("Access-Control-Allow-Origin", origin);
    res.header("Access-Control-Allow-Credentials", "true");
  }
  res.header("Access-Control-Allow-Methods", "GET, OPTIONS, POST, DELETE, PUT");
  res.header(
    "Access-Control-Allow-Headers",
    "Origin, X-Requested-With, Content-Type, X-Content-Type, Authentication, Authorization, X-Access-Token, Accept",
  );
}

export function clearRefreshCookie(res: HttpResponse): void {
  res.header("Set-Cookie", clearedRefreshCookieHeader());
}

/** A renewed access token on an answer of the ticket middleware. */
export function exposeRenewedToken(res: HttpResponse, token: string): void {
  res.header(AUTHENTICATION_HEADER, token);
  res.header("Access-Control-Expose-Header", "Authentication"); // sic, as upstream
  res.header("Access-Control-Expose-Headers", "Authentication");
}
