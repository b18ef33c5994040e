// HS256 JSON web tokens (jose), with failures named and worded as upstream's auth service
// reports them (its JWT library: "JsonWebTokenError: invalid signature", "TokenExpiredError:
// jwt expired", ...), because those texts reach clients in 500 answers.
import { createHmac, timingSafeEqual, webcrypto } from "node:crypto";
import type { JWTPayload } from "jose";

export type JwtPayload = JWTPayload & Record<string, unknown>;

export type JwtFailure = "expired" | "not-active" | "signature" | "algorithm" | "malformed" | "invalid";

export class JwtError extends Error {
  constructor(
    readonly failure: JwtFailure,
    message: string,
  ) {
    super(message);
  }

  /** The upstream error class name. */
  override get name(): string {
    if (this.failure === "expired") return "TokenExpiredError";
    if (this.failure === "not-active") return "NotBeforeError";
    return "JsonWebTokenError";
  }

  /** "<ErrorName>: <text>", the body message of upstream's 500 answers. */
  describe(): string {
    return `${this.name}: ${this.message}`;
  }
}

// jose is loaded by the first token signed or checked the slow way, not at start: an idle server
// needs neither.
type Jose = typeof import("jose");
let jose: Promise<Jose> | undefined;
const loadJose = (): Promise<Jose> => (jose ??= import("jose"));

const ALGORITHM = "HS256";
const encoder = new TextEncoder();

/** Imported keys by secret; a deployment has two or three secrets, the bound only guards against misuse. */
const hmacKeys = new Map<string, Promise<webcrypto.CryptoKey>>();
const MAX_CACHED_KEYS = 16;

/**
 * The HMAC key of a secret, imported once: importing it on every verification cost about a
 * tenth of the CPU of a server answering many authenticated requests (bench/votes.md).
 */
function hmacKey(secret: string): Promise<webcrypto.CryptoKey> | Uint8Array {
  // WebCrypto refuses empty HMAC keys; jose reports them as before.
  if (!secret) return encoder.encode(secret);
  let key = hmacKeys.get(secret);
  if (!key) {
    if (hmacKeys.size >= MAX_CACHED_KEYS) hmacKeys.clear();
    key = webcrypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    hmacKeys.set(secret, key);
  }
  return key;
}

export async function signJwt(payload: Record<string, unknown>, key: string, lifetimeSeconds: number): Promise<string> {
  const { SignJWT } = await loadJose();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...payload })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(await hmacKey(key));
}

/** Verifies signature and time claims; throws JwtError. */
export async function verifyJwt(jwt: string, key: string): Promise<JwtPayload> {
  const valid = plainlyValid(jwt, key);
  if (valid) return valid;
  checkStructure(jwt);
  const { errors, jwtVerify } = await loadJose();
  try {
    const { payload } = await jwtVerify(jwt, await hmacKey(key), { algorithms: [ALGORITHM] });
    return payload as JwtPayload;
  } catch (error) {
    throw toJwtError(errors, error);
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const HEADER_FIELDS = new Set(["alg", "typ"]);

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function jsonObjectOf(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(Buffer.from(segment, "base64url")));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The payload of a token that is plainly valid: canonical base64url segments, a header of only
 * alg HS256 (and typ), the right signature, an expiry in the future, no nbf in the future.
 * Checked synchronously with node's HMAC (microseconds); WebCrypto's asynchronous verify cost
 * about a millisecond of the event loop per token when 2,000 streams opened at once
 * (bench/autoupdate.md). Anything else (also every failure) goes through jose, which words it.
 */
function plainlyValid(jwt: string, secret: string): JwtPayload | undefined {
  if (!secret) return undefined;
  const known = verifiedTokens.get(jwt);
  if (known && known.secret === secret) return timely(known.claims) ? { ...known.claims } : undefined;
  const claims = checkedClaims(jwt, secret);
  if (!claims) return undefined;
  if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) verifiedTokens.delete(verifiedTokens.keys().next().value!);
  verifiedTokens.set(jwt, { secret, claims });
  return { ...claims };
}

/**
 * Tokens whose signature and structure were checked, by their text: a user's tabs and devices
 * send the same token with every request (a thousand streams of one user opening at once), and
 * only the time claims can change their verdict. Bounded; the oldest entry goes first.
 */
const verifiedTokens = new Map<string, { secret: string; claims: JwtPayload }>();
const MAX_VERIFIED_TOKENS = 4096;

const numeric = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** The time claims hold now: an expiry in the future, no nbf in the future. */
function timely(claims: JwtPayload): boolean {
  const now = Math.floor(Date.now() / 1000);
  if (!numeric(claims.exp) || claims.exp <= now) return false;
  return claims.nbf === undefined || (numeric(claims.nbf) && claims.nbf <= now);
}

function checkedClaims(jwt: string, secret: string): JwtPayload | undefined {
  if (!signatureMatches(jwt, secret)) return undefined;
  const [header, payload] = jwt.split(".") as [string, string, string];
  const protectedHeader = jsonObjectOf(header);
  if (!protectedHeader || protectedHeader.alg !== ALGORITHM || Object.keys(protectedHeader).some((field) => !HEADER_FIELDS.has(field))) return undefined;
  const claims = jsonObjectOf(payload);
  if (!claims || !timely(claims)) return undefined;
  if (claims.iat !== undefined && !numeric(claims.iat)) return undefined;
  return claims as JwtPayload;
}

/** Canonical base64url segments and the right HS256 signature of the secret. */
function signatureMatches(jwt: string, secret: string): boolean {
  const parts = jwt.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${parts[0]}.${parts[1]}`).digest("base64url"));
  const given = Buffer.from(parts[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Whether the token carries the right HS256 signature of the secret; no claim (expiry or other)
 * is looked at. Synchronous and linear in the token's length; a token verified before costs a
 * map lookup.
 */
export function hasValidSignature(jwt: string, secret: string): boolean {
  if (!secret) return false;
  if (verifiedTokens.get(jwt)?.secret === secret) return true;
  return signatureMatches(jwt, secret);
}

/** The payload without any check (used for an expired token whose signature was verified). */
export function decodeJwtPayload(jwt: string): JwtPayload | undefined {
  try {
    const payload: unknown = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
    return payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as JwtPayload) : undefined;
  } catch {
    return undefined;
  }
}

function checkStructure(jwt: string): void {
  if (!jwt) throw new JwtError("malformed", "jwt must be provided");
  const parts = jwt.split(".");
  if (parts.length !== 3) throw new JwtError("malformed", "jwt malformed");
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, "base64url").toString("utf8"));
  } catch {
    throw new JwtError("invalid", "invalid token");
  }
  if (!header || typeof header !== "object") throw new JwtError("invalid", "invalid token");
  if (!parts[2]) throw new JwtError("signature", "jwt signature is required");
  if ((header as { alg?: unknown }).alg !== ALGORITHM) throw new JwtError("algorithm", "invalid algorithm");
}

function toJwtError(errors: Jose["errors"], error: unknown): JwtError {
  if (error instanceof errors.JWTExpired) return new JwtError("expired", "jwt expired");
  if (error instanceof errors.JWSSignatureVerificationFailed) return new JwtError("signature", "invalid signature");
  if (error instanceof errors.JOSEAlgNotAllowed) return new JwtError("algorithm", "invalid algorithm");
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "nbf") return new JwtError("not-active", "jwt not active");
  return new JwtError("invalid", "invalid token");
}
