// /internal/auth/... (spec B6.5): for other services of the deployment, not proxied and not
// authenticated (protection is network isolation).
import { JwtError, verifyJwt } from "../jwt.js";
import { hashPassword, verifyPassword } from "../passwords.js";
import { AUTHORIZATION_HEADER, createAuthorizationToken, hasBearerPrefix, withoutBearerPrefix } from "../tokens.js";
import { idField } from "./request-body.js";
import { AuthRouteError, envelope } from "./responses.js";
import { guarded, headerValue, type AuthCall, type AuthRoute, type AuthRouteDependencies } from "./route-kit.js";

/** Used authorization tokens, as the auth service marks them (hash auth:tokens). */
const USED_TOKENS = "auth:tokens";

export function internalRoutes(deps: AuthRouteDependencies): AuthRoute[] {
  const { auth } = deps;
  return [
    {
      method: "POST",
      path: "/internal/auth/authenticate",
      handle: guarded(auth, async ({ res }, token) => res.json(envelope({ userId: token.userId, sessionId: token.sessionId }))),
    },
    {
      method: "POST",
      path: "/internal/auth/hash",
      handle: async ({ res, fields }) => res.json(envelope({ hash: await hashPassword(textOf((await fields()).toHash)) })),
    },
    {
      method: "POST",
      path: "/internal/auth/is-equals",
      handle: async ({ res, fields }) => {
        const body = await fields();
        res.json(envelope({ isEquals: await verifyPassword(textOf(body.toHash), textOf(body.toCompare)) }));
      },
    },
    {
      method: "POST",
      path: "/internal/auth/create-authorization-token",
      handle: async ({ res, fields }) => {
        res.header(AUTHORIZATION_HEADER, await createAuthorizationToken(auth.keys, await fields()));
        res.json(envelope());
      },
    },
    { method: "POST", path: "/internal/auth/verify-authorization-token", handle: (call) => verifyAuthorizationToken(deps, call) },
    {
      method: "POST",
      path: "/internal/auth/clear-sessions-by-user-id",
      handle: async ({ res, fields }) => {
        const userId = idField(await fields(), "userId");
        if (userId !== undefined) await auth.sessions.removeAllOfUser(userId);
        res.json(envelope());
      },
    },
  ];
}

async function verifyAuthorizationToken({ auth }: AuthRouteDependencies, { req, res }: AuthCall): Promise<void> {
  const token = headerValue(req, AUTHORIZATION_HEADER);
  if (!token) throw new AuthRouteError("You are not authorized");
  const usedField = `${USED_TOKENS}:${token}`;
  if (await auth.cache.hashGet(USED_TOKENS, usedField)) throw new AuthRouteError("Token is already used");
  if (!hasBearerPrefix(token)) throw new AuthRouteError("Wrong token");
  let payload: Record<string, unknown>;
  try {
    payload = await verifyJwt(withoutBearerPrefix(token), auth.keys.tokenKey);
  } catch (error) {
    if (error instanceof JwtError) throw new AuthRouteError(error.describe(), 500);
    throw error;
  }
  await auth.cache.hashSet(USED_TOKENS, usedField, "true");
  res.json(envelope(payload));
}

/** Strings as given; other values as their text; absent as "". */
function textOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
}
