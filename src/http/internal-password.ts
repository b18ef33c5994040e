// The internal password (INTERNAL_AUTH_PASSWORD_FILE) that upstream services send to each other
// as `Authorization: <base64(password)>`; `basic ` before the base64 is accepted too. The main
// port demands it for every /internal/ path (server.ts), the action service for its internal
// route on any port.
import { createHash, timingSafeEqual } from "node:crypto";

export type InternalPasswordCheck = "ok" | "refused" | "malformed";

/** The message upstream's backend gives for a header that is not base64 of UTF-8 text. */
export const MALFORMED_INTERNAL_PASSWORD = "The internal auth password must be correctly base64-encoded.";

const BASIC_PREFIX = "basic ";

/** Paths that only other services of the deployment may call (any letter case). */
export function isInternalPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === "/internal" || lower.startsWith("/internal/");
}

export function checkInternalPassword(header: string | string[] | undefined, secret: string): InternalPasswordCheck {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || secret === "") return "refused";
  const encoded = value.slice(0, BASIC_PREFIX.length).toLowerCase() === BASIC_PREFIX ? value.slice(BASIC_PREFIX.length) : value;
  const decoded = decodeBase64Strictly(encoded);
  if (decoded === undefined) return "malformed";
  return sameText(decoded, secret) ? "ok" : "refused";
}

/** Compares digests, so the time taken says nothing about the secret, not even its length. */
function sameText(given: string, secret: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * As Python's b64decode, which the backend uses: characters outside the alphabet are dropped,
 * padding is required; the bytes must be UTF-8. Undefined when that fails.
 */
function decodeBase64Strictly(value: string): string | undefined {
  let cleaned = "";
  for (const char of value) if (isBase64Character(char)) cleaned += char;
  const firstPad = cleaned.indexOf("=");
  if (cleaned.length % 4 !== 0) return undefined;
  if (firstPad !== -1 && (firstPad < cleaned.length - 2 || cleaned.slice(firstPad).replaceAll("=", "") !== "")) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(cleaned, "base64"));
  } catch {
    return undefined;
  }
}

function isBase64Character(char: string): boolean {
  return (char >= "A" && char <= "Z") || (char >= "a" && char <= "z") || (char >= "0" && char <= "9") || char === "+" || char === "/" || char === "=";
}
