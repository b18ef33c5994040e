// The `refreshId` cookie: reading it from requests the way every upstream verifier does
// (quotes removed, percent-decoded) and writing it the way the client and Go verifiers
// expect (`refreshId=bearer%20<jwt>; Path=/; HttpOnly; Secure`), plus SameSite.
import type { IncomingHttpHeaders } from "node:http";

export const REFRESH_COOKIE_NAME = "refreshId";

/** Cookie name → value, first occurrence wins; values unquoted and percent-decoded. */
export function parseCookies(header: string | string[] | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  const text = Array.isArray(header) ? header.join("; ") : (header ?? "");
  for (const part of text.split(";")) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (!name || cookies.has(name)) continue;
    cookies.set(name, decodeCookieValue(part.slice(separator + 1).trim()));
  }
  return cookies;
}

/** The decoded refresh cookie ("bearer <jwt>" when well-formed), or undefined when absent. */
export function readRefreshCookie(headers: IncomingHttpHeaders): string | undefined {
  return parseCookies(headers.cookie).get(REFRESH_COOKIE_NAME);
}

/** SameSite keeps the browser from sending the cookie with other sites' requests (default Lax). */
export function refreshCookieHeader(value: string, sameSite: "Strict" | "Lax" | "None" = "Lax"): string {
  return `${REFRESH_COOKIE_NAME}=${encodeURIComponent(value)}; Path=/; HttpOnly; Secure; SameSite=${sameSite}`;
}

export function clearedRefreshCookieHeader(): string {
  return `${REFRESH_COOKIE_NAME}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
}

function decodeCookieValue(raw: string): string {
  const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!unquoted.includes("%")) return unquoted;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}
