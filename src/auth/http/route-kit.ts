// The small vocabulary the auth route files share: a route entry, what a handler gets, and
// the ticket middleware (spec B5) that guards secure routes and /internal/auth/authenticate.
import type { HttpRequest, HttpResponse } from "../../http/types.js";
import type { AuthContext } from "../context.js";
import type { BrowserAccess } from "./browser-access.js";
import { readRefreshCookie } from "../cookies.js";
import type { JwtPayload } from "../jwt.js";
import type { AuthDatabase } from "../users.js";
import { AUTHENTICATION_HEADER, AUTHORIZATION_HEADER } from "../tokens.js";
import { readRequestFields, type RequestFields } from "./request-body.js";
import { anonymousEnvelope, clearRefreshCookie, envelope, exposeRenewedToken } from "./responses.js";

export interface AuthRouteDependencies {
  auth: AuthContext;
  db: AuthDatabase;
  /** CORS origins and the refresh cookie's SameSite. */
  browserAccess: BrowserAccess;
}

export interface AuthCall {
  req: HttpRequest;
  res: HttpResponse;
  fields(): Promise<RequestFields>;
}

export interface AuthRoute {
  method: "GET" | "POST";
  /** Lowercase, without trailing slash. */
  path: string;
  handle(call: AuthCall): Promise<void>;
}

export function headerValue(req: HttpRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Runs handle with the verified token claims, or answers as the ticket middleware does. */
export function guarded(
  auth: AuthContext,
  handle: (call: AuthCall, token: JwtPayload) => Promise<void>,
): (call: AuthCall) => Promise<void> {
  return async (call) => {
    const { req, res } = call;
    const token = headerValue(req, AUTHENTICATION_HEADER) || headerValue(req, AUTHORIZATION_HEADER);
    const result = await auth.tickets.checkTicket(token, readRefreshCookie(req.headers));
    if (result.kind === "anonymous") {
      if (result.clearCookie) clearRefreshCookie(res);
      return res.json(anonymousEnvelope());
    }
    if (result.kind === "refused") return res.json(envelope({}, result.message, false), 403);
    if (result.renewedToken) exposeRenewedToken(res, result.renewedToken);
    await handle(call, result.payload);
  };
}
