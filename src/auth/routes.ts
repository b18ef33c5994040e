// The auth component: every route of upstream's auth service (spec B6), served under the
// prefixes /system/auth, /internal/auth and /system/saml. Paths match case-insensitively
// with an optional trailing slash (upstream's Express routing); every answer carries the
// CORS headers of spec B2.
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { HttpError } from "../http/types.js";
import { internalRoutes } from "./http/internal-routes.js";
import { publicRoutes } from "./http/public-routes.js";
import { readRequestFields, type RequestFields } from "./http/request-body.js";
import { AuthRouteError, setCorsHeaders } from "./http/responses.js";
import type { AuthRoute, AuthRouteDependencies } from "./http/route-kit.js";
import type { AuthContext } from "./context.js";
import type { AuthDatabase } from "./users.js";
import { samlRoutes } from "./http/saml-routes.js";
import { DEFAULT_BROWSER_ACCESS, type BrowserAccess } from "./http/browser-access.js";
import { secureRoutes } from "./http/secure-routes.js";

export type { AuthRouteDependencies } from "./http/route-kit.js";

const PREFIXES = ["/system/auth", "/internal/auth", "/system/saml"];

/** What the auth component needs from the application. */
export interface AuthApp {
  auth: AuthContext;
  db: AuthDatabase;
  config?: { browserAccess: BrowserAccess };
  log?: { error(message: string, error?: unknown): void };
}

/** The component "auth": `(app) => Route[]`. */
export function authComponent(app: AuthApp): Route[] {
  return authRoutes({ auth: app.auth, db: app.db, browserAccess: app.config?.browserAccess ?? DEFAULT_BROWSER_ACCESS }, { log: app.log ? (message, error) => app.log!.error(message, error) : undefined });
}

export function authRoutes(
  given: Omit<AuthRouteDependencies, "browserAccess"> & { browserAccess?: BrowserAccess },
  options: { log?: (message: string, error: unknown) => void } = {},
): Route[] {
  const deps: AuthRouteDependencies = { ...given, browserAccess: given.browserAccess ?? DEFAULT_BROWSER_ACCESS };
  const table = new Map<string, AuthRoute>();
  for (const route of [...publicRoutes(deps), ...secureRoutes(deps), ...internalRoutes(deps), ...samlRoutes(deps)]) {
    table.set(`${route.method} ${route.path}`, route);
  }
  const log = options.log ?? ((message, error) => console.error(message, error));
  const handler = (req: HttpRequest, res: HttpResponse) => dispatch(table, deps.browserAccess, log, req, res);
  return PREFIXES.flatMap((prefix) => [
    { method: "*", path: prefix, component: "auth" as const, handler },
    { method: "*", path: `${prefix}/*`, component: "auth" as const, handler },
  ]);
}

async function dispatch(
  table: Map<string, AuthRoute>,
  browserAccess: BrowserAccess,
  log: (message: string, error: unknown) => void,
  req: HttpRequest,
  res: HttpResponse,
): Promise<void> {
  setCorsHeaders(req, res, browserAccess);
  const path = normalizePath(req.path);
  const method = req.method.toUpperCase();
  if (method === "OPTIONS") return res.send("", "text/plain", 204);
  const route = table.get(`${method === "HEAD" ? "GET" : method} ${path}`);
  if (!route) return res.json({ message: `Cannot ${method} ${req.path}` }, 404);
  let fields: Promise<RequestFields> | undefined;
  try {
    await route.handle({ req, res, fields: () => (fields ??= readRequestFields(req)) });
  } catch (error) {
    if (res.sent) return log(`auth: ${method} ${path} failed after answering`, error);
    if (error instanceof AuthRouteError) return res.json({ message: error.message }, error.status);
    if (error instanceof HttpError) return res.json({ message: error.message }, error.status);
    log(`auth: ${method} ${path} failed`, error);
    const name = error instanceof Error ? error.name : "Error";
    const text = error instanceof Error ? error.message : String(error);
    res.json({ message: `${name}: ${text}` }, 500);
  }
}

/** Lowercase, one trailing slash removed (Express' defaults). */
function normalizePath(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith("/") ? lower.slice(0, -1) : lower;
}
