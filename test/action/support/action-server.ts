// A started server with the action and auth components on a fresh test database holding
// seed/example-data.json (meeting 1; admin/admin is superadmin, a/delegate a delegate), plus an
// HTTP client that logs in like the web client. Until the project's server and
// test/support/server.ts exist, routes are served by the auth tests' small route server.
import { readFileSync } from "node:fs";
import { createBuses } from "../../../src/bus/create-bus.js";
import { createAuthContext } from "../../../src/auth/context.js";
import { authRoutes } from "../../../src/auth/routes.js";
import { hashPassword } from "../../../src/auth/passwords.js";
import { loadConfig } from "../../../src/config.js";
import type { Database } from "../../../src/db/types.js";
import { STORAGE } from "../../../src/meta/generated/storage.js";
import { actionPortAliases, actionRoutes } from "../../../src/action/routes.js";
import { openTestDatabase } from "../../support/database.js";
import { DEV_KEYS } from "../../auth/support/auth-server.js";
import { startRouteServer } from "../../auth/support/route-server.js";

export interface ActionServer {
  url: string;
  db: Database;
  close(): Promise<void>;
}

export interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

export async function startActionServer(env: Record<string, string> = {}, options: { empty?: boolean } = {}): Promise<ActionServer> {
  const database = await openTestDatabase("external");
  if (!options.empty) {
    await loadExampleData(database.db);
    const delegatePassword = await hashPassword("delegate");
    await database.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/2", fields: { password: delegatePassword } }]));
  }
  const config = loadConfig({ OPENSLIDES_DEVELOPMENT: "1", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1", ...env });
  const buses = createBuses({});
  const auth = createAuthContext({ keys: DEV_KEYS, cache: buses.cache, messageBus: buses.messageBus });
  await auth.revocations.ready;
  const app = { config, db: database.db, auth, log: { error: () => undefined } };
  const server = await startRouteServer([
    ...authRoutes({ auth, db: database.db }, { log: () => undefined }),
    ...actionRoutes(app),
    ...actionPortAliases(app),
  ]);
  return {
    url: server.url,
    db: database.db,
    close: async () => {
      await server.close();
      auth.close();
      await buses.close();
      await database.close();
    },
  };
}

/** Every model of the example data through the database layer, then the id sequences behind them. */
async function loadExampleData(db: Database): Promise<void> {
  const path = new URL("../../../../seed/example-data.json", import.meta.url);
  const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, Record<string, Record<string, unknown>>>;
  const collections = Object.keys(data).filter((name) => !name.startsWith("_"));
  await db.transaction(async (tx) => {
    await tx.write(
      collections.flatMap((collection) =>
        Object.entries(data[collection]!).map(([id, fields]) => ({ type: "create" as const, fqid: `${collection}/${id}`, fields })),
      ),
    );
    for (const collection of collections) {
      const maxId = Math.max(...Object.keys(data[collection]!).map(Number));
      await tx.query(`SELECT setval('${STORAGE[collection]!.idSequence}', $1)`, [maxId]);
    }
  });
}

export interface Client {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  get(path: string): Promise<Answer>;
  /** POST /system/action/handle_request with one action. */
  request(action: string, data: unknown[]): Promise<Answer>;
}

export function anonymousClient(url: string): Client {
  return clientWith(url, {});
}

/** Logs in through /system/auth/login and sends the token and cookie with every request. */
export async function loggedInClient(url: string, username: string, password: string): Promise<Client> {
  const response = await fetch(`${url}/system/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`);
  const token = response.headers.get("authentication") ?? "";
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
  return clientWith(url, { authentication: token, cookie });
}

function clientWith(url: string, credentials: Record<string, string>): Client {
  const send = async (method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(url + path, { method, headers: { ...credentials, ...headers }, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const client: Client = {
    post: (path, body, headers = {}) =>
      send("POST", path, typeof body === "string" ? body : JSON.stringify(body), { "content-type": "application/json", ...headers }),
    get: (path) => send("GET", path),
    request: (action, data) => client.post("/system/action/handle_request", [{ action, data }]),
  };
  return client;
}

/** A request to the internal action route (the backend's internal password, "openslides" in development). */
export function runInternal(url: string, action: string, data: unknown[]): Promise<{ status: number; body: any }> {
  return fetch(`${url}/internal/handle_request`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: Buffer.from("openslides").toString("base64") },
    body: JSON.stringify([{ action, data }]),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));
}

export interface ActionSuite {
  server: ActionServer;
  admin: Client;
  delegate: Client;
  /** Sends one action with one data item as the given client. */
  run(client: Client, action: string, data: Record<string, unknown>): Promise<Answer>;
}

/**
 * Registers before/after hooks that start a server on the example data with the superadmin
 * (admin/admin) and the delegate (a/delegate) logged in; the returned object is filled before the tests run.
 */
export function useActionSuite(hooks: { before: (fn: () => Promise<void>) => void; after: (fn: () => Promise<void>) => void }): ActionSuite {
  const suite = {
    run: (client: Client, action: string, data: Record<string, unknown>) => client.post("/system/action/handle_request", [{ action, data: [data] }]),
  } as ActionSuite;
  hooks.before(async () => {
    suite.server = await startActionServer();
    suite.admin = await loggedInClient(suite.server.url, "admin", "admin");
    suite.delegate = await loggedInClient(suite.server.url, "a", "delegate");
  });
  hooks.after(async () => suite.server?.close());
  return suite;
}
