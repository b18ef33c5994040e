// Which browser pages may read the auth service's answers with credentials (CORS), and how the
// refresh cookie is limited to our own site (SameSite). The official client is served from the
// same origin as the server, so nothing beyond same-origin is needed by default.
import type { HttpRequest } from "../../http/types.js";

export type SameSite = "Strict" | "Lax" | "None";

export interface BrowserAccess {
  /** Origins (`https://host[:port]`) allowed besides the server's own; `*` allows every origin. */
  corsOrigins: readonly string[];
  cookieSameSite: SameSite;
}

export const DEFAULT_BROWSER_ACCESS: BrowserAccess = { corsOrigins: [], cookieSameSite: "Lax" };

function firstValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(",")[0]?.trim() || undefined;
}

/** The host the browser asked for: a proxy's X-Forwarded-Host, else Host (or HTTP/2's :authority). */
function requestedHost(req: HttpRequest): string | undefined {
  return firstValue(req.headers["x-forwarded-host"]) ?? firstValue(req.headers.host) ?? firstValue(req.headers[":authority"]);
}

function hostOfOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** The Origin to echo in Access-Control-Allow-Origin, or undefined when that origin may not read the answer. */
export function allowedOrigin(req: HttpRequest, access: BrowserAccess): string | undefined {
  const origin = req.headers.origin;
  if (typeof origin !== "string" || origin.length === 0 || origin.length > 2048) return undefined;
  if (access.corsOrigins.includes("*")) return origin;
  const normalized = origin.toLowerCase().replace(/\/$/, "");
  if (access.corsOrigins.includes(normalized)) return origin;
  const host = requestedHost(req);
  return host !== undefined && hostOfOrigin(origin) === host.toLowerCase() ? origin : undefined;
}

/** OPENSLIDES_CORS_ORIGINS: a comma list of origins, lower-cased, without a trailing slash. */
export function parseCorsOrigins(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((origin) => origin.trim().toLowerCase().replace(/\/$/, ""))
    .filter((origin) => origin.length > 0);
}

export function parseSameSite(text: string | undefined): SameSite {
  const value = (text ?? "").trim().toLowerCase();
  if (value === "") return DEFAULT_BROWSER_ACCESS.cookieSameSite;
  if (value === "strict") return "Strict";
  if (value === "lax") return "Lax";
  if (value === "none") return "None";
  throw new Error(`OPENSLIDES_COOKIE_SAMESITE must be Strict, Lax or None, not "${text}"`);
}
