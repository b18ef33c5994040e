// Large request bodies are read only from clients that logged in once: a request whose access
// token or refresh cookie carries this deployment's signature (expired or not; the session is
// checked later, in the usual order). Anonymous and forged requests get a small limit, so that
// nobody without an account can make the process read and parse a 100 MiB body.
import { SMALL_BODY_BYTES } from "../http/body-limits.js";
import type { HttpRequest } from "../http/types.js";
import { readRefreshCookie } from "./cookies.js";
import { hasValidSignature } from "./jwt.js";
import type { AuthKeys } from "./tokens.js";


const BEARER = "bearer ";

export function carriesSignedCredential(req: HttpRequest, keys: AuthKeys): boolean {
  const header = req.headers["authentication"];
  const token = Array.isArray(header) ? header[0] : header;
  if (token?.startsWith(BEARER) && hasValidSignature(token.slice(BEARER.length), keys.tokenKey)) return true;
  const cookie = readRefreshCookie(req.headers);
  if (cookie === undefined) return false;
  return hasValidSignature(cookie.startsWith(BEARER) ? cookie.slice(BEARER.length) : cookie, keys.cookieKey);
}

/** The body limit of a request: undefined (the server's configured limit) with signed credentials, else SMALL_BODY_BYTES. */
export function bodyLimitFor(req: HttpRequest, keys: AuthKeys): number | undefined {
  return carriesSignedCredential(req, keys) ? undefined : SMALL_BODY_BYTES;
}
