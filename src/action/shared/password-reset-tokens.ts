// The password reset token of user.forget_password / user.forget_password_confirm: the auth
// service's authorization token ("bearer <HS256 JWT>" with claims userId and email, valid 10
// minutes) signed with the auth token key, accepted once (used tokens marked as the auth service
// marks them, in the hash auth:tokens).
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

let backend: PasswordResetTokenBackend | undefined;
/** Used tokens when no shared cache is configured (process-local; tokens live 10 minutes). */
const locallyUsed = new Map<string, number>();

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

export async function createPasswordResetToken(userId: number, email: string): Promise<string> {
  return createAuthorizationToken({ tokenKey: tokenKey(), cookieKey: "" }, { userId, email });
}

/**
 * "ok" when the token is genuine, unexpired, unused and made for the user; "used" when it was
 * accepted before; else "invalid". A genuine token is marked used, as the auth service does.
 */
export async function verifyPasswordResetToken(userId: number, token: string): Promise<"ok" | "used" | "invalid"> {
  const field = `${USED_TOKENS}:${token}`;
  const cache = backend?.cache;
  const now = Date.now();
  for (const [used, expires] of locallyUsed) if (expires < now) locallyUsed.delete(used);
  if (cache ? await cache.hashGet(USED_TOKENS, field) : locallyUsed.has(field)) return "used";
  if (!hasBearerPrefix(token)) return "invalid";
  let payload: Record<string, unknown>;
  try {
    payload = await verifyJwt(withoutBearerPrefix(token), tokenKey());
  } catch {
    return "invalid";
  }
  if (cache) await cache.hashSet(USED_TOKENS, field, "true");
  else locallyUsed.set(field, now + 11 * 60 * 1000);
  return Number(payload.userId) === userId ? "ok" : "invalid";
}
