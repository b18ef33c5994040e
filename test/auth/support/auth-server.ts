// An HTTP server with the auth component and two probe routes that answer with what the
// request-authentication helper made of a request (one per verifier flavour), on a test
// database and either the in-process bus or Redis under a key prefix.
import { createBuses, type Buses } from "../../../src/bus/create-bus.js";
import { RequestAuthenticationError, type VerifierFlavour } from "../../../src/auth/authenticate-request.js";
import { createAuthContext, type AuthContext } from "../../../src/auth/context.js";
import type { LoginRateLimitOptions } from "../../../src/auth/login-rate-limit.js";
import { authRoutes } from "../../../src/auth/routes.js";
import { DEVELOPMENT_SECRETS } from "../../../src/config.js";
import type { HttpRequest, HttpResponse, Route } from "../../../src/http/types.js";
import { poolFor } from "./database.js";
import { startRouteServer } from "./route-server.js";

export const redisTarget = { host: process.env.TEST_REDIS_HOST ?? "localhost", port: Number(process.env.TEST_REDIS_PORT ?? 6379) };

export const DEV_KEYS = { tokenKey: DEVELOPMENT_SECRETS.authTokenKey, cookieKey: DEVELOPMENT_SECRETS.authCookieKey };

export interface AuthServerOptions {
  databaseName: string;
  /** Redis key prefix; absent = in-process bus. */
  redisPrefix?: string;
  loginRateLimit?: LoginRateLimitOptions;
}

export interface AuthServer {
  url: string;
  auth: AuthContext;
  buses: Buses;
  close(): Promise<void>;
}

export async function startAuthServer(options: AuthServerOptions): Promise<AuthServer> {
  const buses = createBuses(options.redisPrefix === undefined ? {} : { messageBus: redisTarget }, { keyPrefix: options.redisPrefix });
  const auth = createAuthContext({ keys: DEV_KEYS, cache: buses.cache, messageBus: buses.messageBus, loginRateLimit: options.loginRateLimit });
  await auth.revocations.ready;
  const { pool, db } = poolFor(options.databaseName);
  const routes = [...authRoutes({ auth, db }, { log: () => undefined }), ...probeRoutes(auth)];
  const server = await startRouteServer(routes);
  return {
    url: server.url,
    auth,
    buses,
    close: async () => {
      await server.close();
      auth.close();
      await buses.close();
      await pool.end();
    },
  };
}

function probeRoutes(auth: AuthContext): Route[] {
  const probe = (flavour: VerifierFlavour) => async (req: HttpRequest, res: HttpResponse) => {
    try {
      const identity = await auth.authenticator(flavour).authenticate(req, res);
      res.json({ userId: identity.userId, sessionId: identity.sessionId ?? null });
    } catch (error) {
      if (!(error instanceof RequestAuthenticationError)) throw error;
      res.json({ error: error.message }, error.status);
    }
  };
  const cookieOnly = async (req: HttpRequest, res: HttpResponse) => {
    try {
      res.json({ userId: await auth.authenticator("python").authenticateRefreshCookieOnly(req) });
    } catch (error) {
      if (!(error instanceof RequestAuthenticationError)) throw error;
      res.json({ error: error.message }, error.status);
    }
  };
  return [
    { method: "POST", path: "/test/authenticate/python", component: "action", handler: probe("python") },
    { method: "POST", path: "/test/authenticate/go", component: "autoupdate", handler: probe("go") },
    { method: "GET", path: "/test/authenticate/cookie-only", component: "media", handler: cookieOnly },
  ];
}
