// The routes of the action component (spec action-service 2.1-2.3, 2.9) and, for the seed's
// curl examples, its un-prefixed aliases on the action port (GET /health, POST /).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AuthContext } from "../auth/context.js";
import type { Config } from "../config.js";
import type { Database } from "../db/types.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { loadActions } from "./actions/load.js";
import { authenticateRequest } from "./authenticate.js";
import { bodyLimitFor } from "../auth/signed-credentials.js";
import { SMALL_BODY_BYTES } from "../http/body-limits.js";
import { BadRequestError } from "./errors.js";
import { registeredActions } from "./framework/registry.js";
import { NotFoundError, sendActionError, ServerError, UnauthorizedError, WERKZEUG_TEXTS } from "./http-errors.js";
import { assertMigrationIndex } from "./migration-check.js";
import { migrationCommand } from "./migrations.js";
import { assertJsonContentType, isFalsyJson, readJsonBody } from "./request-body.js";
import { watchActionRequest } from "./worker.js";
import { configurePasswordResetTokens } from "./shared/password-reset-tokens.js";
import { checkInternalPassword, MALFORMED_INTERNAL_PASSWORD } from "../http/internal-password.js";

/** How long a successful answer waits for the process's state to apply its writes (normally milliseconds). */
const READ_YOUR_WRITES_WAIT_MS = 5_000;

type ActionHandlerClass = typeof import("./handler.js").ActionHandler;

// The actions (about 300 modules) and the machinery that runs them (schema validation, HTML
// sanitizer, ...) are loaded by the first request that needs them, not at start.
let machinery: Promise<ActionHandlerClass> | undefined;
function loadMachinery(): Promise<ActionHandlerClass> {
  machinery ??= loadActions().then(async () => (await import("./handler.js")).ActionHandler);
  return machinery;
}

/** What the action component needs from the application. */
export interface ActionApp {
  config: Config;
  db: Database;
  auth: AuthContext;
  log?: { error(message: string, error?: unknown): void };
}

type Mode = "public" | "internal" | "development-default-user";

/** The example data's superadmin, acting for credential-less requests on the development alias. */
const DEVELOPMENT_DEFAULT_USER = 1;

function hasCredentials(req: HttpRequest): boolean {
  return Boolean(req.headers["authentication"] || req.headers["cookie"]);
}

const VERSION_FILE = fileURLToPath(new URL("../../../version.txt", import.meta.url));

export function actionRoutes(app: ActionApp): Route[] {
  // Password reset tokens are the auth service's: its key, and its used-token marks (shared through the cache).
  configurePasswordResetTokens({ tokenKey: app.auth.keys.tokenKey, cache: app.auth.cache });
  const action = (mode: Mode) => (req: HttpRequest, res: HttpResponse) => handleActionRequest(app, req, res, mode);
  const get = (handler: () => unknown) => async (_req: HttpRequest, res: HttpResponse) => res.json(await handler());
  const migrations = async (req: HttpRequest, res: HttpResponse) => {
    try {
      requireInternalPassword(app.config, req);
      assertJsonContentType(req);
      res.json(await migrationCommand(app.db, await readJsonBody(req)));
    } catch (error) {
      sendActionError(res, error, app.log?.error.bind(app.log));
    }
  };
  const routes: Array<[string, string, Route["handler"]]> = [
    ["POST", "/system/action/handle_request", action("public")],
    ["POST", "/system/action/handle_separately", action("public")],
    ["POST", "/internal/handle_request", action("internal")],
    ["POST", "/internal/migrations", migrations],
    ["GET", "/system/action/health", get(() => ({ status: "running" }))],
    ["GET", "/system/action/info", get(async () => ({ healthinfo: { actions: await actionsInfo() } }))],
    ["GET", "/system/action/version", get(() => ({ version: readVersion() }))],
  ];
  // One trailing slash is allowed on every route (upstream's ^<path>/?$).
  return routes.flatMap(([method, path, handler]) => [
    { method, path, component: "action" as const, handler },
    { method, path: `${path}/`, component: "action" as const, handler },
  ]);
}

/**
 * The seed's un-prefixed aliases, for the action component's own port only: GET /health lists
 * the actions with their schemas as the seed describes (plus upstream's status), POST / is
 * handle_request. The seed's curl examples send no credentials; as the development setup they
 * were written for, POST / in development mode treats a request without any credentials as
 * the example data's superadmin (user 1). Outside development it is plain handle_request.
 */
export function actionPortAliases(app: ActionApp): Route[] {
  return [
    {
      method: "GET",
      path: "/health",
      component: "action",
      handler: async (_req, res) => {
        res.json({ status: "running", healthinfo: { actions: await actionsInfo() } });
      },
    },
    {
      method: "POST",
      path: "/",
      component: "action",
      handler: async (req, res) => {
        await handleActionRequest(app, req, res, app.config.development && !hasCredentials(req) ? "development-default-user" : "public");
      },
    },
  ];
}

/** Processing order of spec 2.2. */
async function handleActionRequest(app: ActionApp, req: HttpRequest, res: HttpResponse, mode: Mode): Promise<void> {
  try {
    const rawUrl = req.raw.url ?? req.path;
    if (rawUrl.includes("?")) throw new NotFoundError();
    assertJsonContentType(req);
    const payload = await readJsonBody(req, actionBodyLimit(app, req, mode));
    await assertMigrationIndex(app.db);
    let userId = -1;
    if (mode === "internal") requireInternalPassword(app.config, req);
    else if (mode === "development-default-user") userId = DEVELOPMENT_DEFAULT_USER;
    else userId = await authenticateRequest(app.auth, req, res);
    if (isFalsyJson(payload)) throw new BadRequestError(WERKZEUG_TEXTS.badRequest);
    const atomic = mode === "internal" || !rawUrl.endsWith("handle_separately");
    const ActionHandler = await loadMachinery();
    const handler = new ActionHandler({
      db: app.db,
      development: app.config.development,
      sessions: { clearAllOfUser: (userId) => app.auth.sessions.removeAllOfUser(userId) },
    });
    const response = await watchActionRequest(() => handler.handleRequest(payload, userId, { atomic, internal: mode === "internal", acceptLanguage: firstHeader(req.headers["accept-language"]) }), {
      db: app.db,
      timeoutSeconds: app.config.threadWatchTimeoutSeconds,
      userId,
      payload,
      log: app.log?.error.bind(app.log),
    });
    // Read-your-writes: this process's state has the writes before the client learns of them
    // (the handler's transactions sent their change-feed barriers with their COMMITs).
    if (response.status_code === 200) await app.db.ownCommitsAppliedWithin(READ_YOUR_WRITES_WAIT_MS);
    res.json(response, response.status_code);
  } catch (error) {
    sendActionError(res, error, app.log?.error.bind(app.log));
  }
}

/** The configured limit for internal calls with the right password, development defaults and signed credentials; a small one otherwise. */
function actionBodyLimit(app: ActionApp, req: HttpRequest, mode: Mode): number | undefined {
  if (mode === "development-default-user") return undefined;
  if (mode === "internal") {
    const password = app.config.internalAuthPassword;
    return password && checkInternalPassword(req.headers["authorization"], password) === "ok" ? undefined : SMALL_BODY_BYTES;
  }
  return bodyLimitFor(req, app.auth.keys);
}

/** Authorization: <base64(password)>; the development password is "openslides". */
function requireInternalPassword(config: Config, req: HttpRequest): void {
  if (!config.internalAuthPassword) throw new ServerError("Missing INTERNAL_AUTH_PASSWORD_FILE.");
  const check = checkInternalPassword(req.headers["authorization"], config.internalAuthPassword);
  if (check === "malformed") throw new BadRequestError(MALFORMED_INTERNAL_PASSWORD);
  if (check !== "ok") throw new UnauthorizedError();
}

async function actionsInfo(): Promise<Record<string, { schema: Record<string, unknown> }>> {
  await loadActions();
  const info: Record<string, { schema: Record<string, unknown> }> = {};
  for (const action of registeredActions()) {
    const schema: Record<string, unknown> = {
      $schema: "http://json-schema.org/draft-07/schema#",
      title: "Action data",
      type: "array",
      items: action.schema,
    };
    if (action.singular) schema.maxItems = 1;
    info[action.name] = { schema };
  }
  return info;
}

/** The release in version.txt (as upstream's deployments write it), "dev" without one; not the package's version. */
function readVersion(): string {
  return existsSync(VERSION_FILE) ? readFileSync(VERSION_FILE, "utf8").trim() : "dev";
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
