// The password reset token of user.forget_password / user.forget_password_confirm: the auth
// service's authorization token ("bearer <HS256 JWT>" signed with the auth token key, valid 10
// minutes) with the claims userId and email, as upstream, plus two of ours:
// - `passwordState`: an HMAC of the user's stored password hash. Setting the new password
//   changes the hash, so a token works once, and tokens older than the last password change
//   are void. It is checked inside the action's transaction, so two concurrent uses cannot
//   both succeed, and a retried transaction does not trip over its own first attempt.
// - `nonce`: tokens made in the same second for the same user differ.
// A token is accepted only for the user and e-mail address it was made for. Tokens marked used
// in the auth service's hash auth:tokens (by /internal/auth/verify-authorization-token) are
// refused, and a token accepted here is marked there too.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { verifyJwt } from "../../auth/jwt.js";
import { createAuthorizationToken, hasBearerPrefix, withoutBearerPrefix } from "../../auth/tokens.js";
import { loadConfig } from "../../config.js";

const USED_TOKENS = "auth:tokens";

export interface PasswordResetTokenBackend {
  /** AUTH_TOKEN_KEY_FILE's key. */
  tokenKey: string;
  /** The auth service's cache (used-token marks shared with /internal/auth/verify-authorization-token). */
  cache?: {
    hashGet(key: string, field: string): Promise<string | undefined>;
    hashSet(key: string, field: string, value: string): Promise<void>;
  };
}

/** What a token is bound to: the user as stored now. */
export interface ResetTokenOwner {
  id: number;
  email: string;
  /** The stored password hash ("" when the user has none). */
  passwordHash: string;
}

export type ResetTokenVerdict = "ok" | "used" | "invalid";

let backend: PasswordResetTokenBackend | undefined;

/**
 * Lets the application hand over the auth context's key and cache (app wiring:
 * `configurePasswordResetTokens({ tokenKey: auth.keys.tokenKey, cache: auth.cache })`). Without it
 * the key comes from the configuration of this process's environment, as the server's own.
 */
export function configurePasswordResetTokens(given: PasswordResetTokenBackend | undefined): void {
  backend = given;
}

function tokenKey(): string {
  return backend?.tokenKey ?? loadConfig(process.env).authTokenKey;
}

function passwordState(key: string, passwordHash: string): string {
  return createHmac("sha256", key).update(`password-reset:${passwordHash}`).digest("base64url");
}

export async function createPasswordResetToken(owner: ResetTokenOwner): Promise<string> {
  const key = tokenKey();
  const claims = { userId: owner.id, email: owner.email, passwordState: passwordState(key, owner.passwordHash), nonce: randomBytes(12).toString("base64url") };
  return createAuthorizationToken({ tokenKey: key, cookieKey: "" }, claims);
}

/**
 * "ok" when the token is genuine, unexpired, not marked used, and made for this user with this
 * e-mail address and this password hash; "used" when it is marked used; else "invalid".
 */
export async function verifyPasswordResetToken(owner: ResetTokenOwner, token: string): Promise<ResetTokenVerdict> {
  if (await backend?.cache?.hashGet(USED_TOKENS, usedField(token))) return "used";
  if (!hasBearerPrefix(token)) return "invalid";
  const key = tokenKey();
  let payload: Record<string, unknown>;
  try {
    payload = await verifyJwt(withoutBearerPrefix(token), key);
  } catch {
    return "invalid";
  }
  if (typeof payload.exp !== "number") return "invalid";
  if (Number(payload.userId) !== owner.id) return "invalid";
  if (owner.email === "" || payload.email !== owner.email) return "invalid";
  if (typeof payload.passwordState !== "string") return "invalid";
  return sameText(payload.passwordState, passwordState(key, owner.passwordHash)) ? "ok" : "invalid";
}

/** Marks an accepted token as the auth service does, after the new password was stored. */
export async function markPasswordResetTokenUsed(token: string): Promise<void> {
  await backend?.cache?.hashSet(USED_TOKENS, usedField(token), "true");
}

function usedField(token: string): string {
  return `${USED_TOKENS}:${token}`;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
