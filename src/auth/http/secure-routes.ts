// /system/auth/secure/... (spec B6.4), guarded by the ticket middleware.
import { stringField } from "./request-body.js";
import { clearRefreshCookie, envelope } from "./responses.js";
import { guarded, type AuthRoute, type AuthRouteDependencies } from "./route-kit.js";

export function secureRoutes({ auth }: AuthRouteDependencies): AuthRoute[] {
  return [
    {
      // Unguarded upstream too: its guard only covers sub-paths.
      method: "GET",
      path: "/system/auth/secure",
      handle: async ({ res }) => res.json(envelope({}, "Yeah! A secure route!")),
    },
    {
      // SAML single logout (the IdP logout URL as message) is not supported; see docs/auth.md.
      method: "POST",
      path: "/system/auth/secure/logout",
      handle: guarded(auth, async ({ res }, token) => {
        await auth.sessions.remove(String(token.sessionId));
        clearRefreshCookie(res);
        res.json(envelope());
      }),
    },
    {
      method: "GET",
      path: "/system/auth/secure/list-sessions",
      handle: guarded(auth, async ({ res }) => res.json({ sessions: await auth.sessions.list() })),
    },
    {
      method: "POST",
      path: "/system/auth/secure/clear-all-sessions",
      handle: guarded(auth, async ({ res }, token) => {
        await auth.sessions.removeAllOfUser(Number(token.userId));
        res.json(envelope());
      }),
    },
    {
      method: "POST",
      path: "/system/auth/secure/clear-all-sessions-except-themselves",
      handle: guarded(auth, async ({ res }, token) => {
        await auth.sessions.removeAllOfUserExcept(String(token.sessionId));
        res.json(envelope());
      }),
    },
    {
      // No ownership check, as upstream.
      method: "POST",
      path: "/system/auth/secure/clear-session-by-id",
      handle: guarded(auth, async ({ res, fields }) => {
        const sessionId = stringField(await fields(), "sessionId");
        if (sessionId) await auth.sessions.remove(sessionId);
        res.json(envelope());
      }),
    },
  ];
}
