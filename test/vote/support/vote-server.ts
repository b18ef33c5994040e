// A server with the auth, action and vote components on a fresh example-data database, and
// logged-in clients for the example users (passwords set here).
import { createBuses } from "../../../src/bus/create-bus.js";
import { createAuthContext } from "../../../src/auth/context.js";
import { authRoutes } from "../../../src/auth/routes.js";
import { hashPassword } from "../../../src/auth/passwords.js";
import { loadConfig } from "../../../src/config.js";
import type { AppContext } from "../../../src/app.js";
import { actionRoutes } from "../../../src/action/routes.js";
import { voteRoutes } from "../../../src/vote/routes.js";
import { DEV_KEYS } from "../../auth/support/auth-server.js";
import { startRouteServer } from "../../auth/support/route-server.js";
import { loggedInClient, startActionServer, type Client } from "../../action/support/action-server.js";
import type { SqlDatabase } from "../../../src/db/database.js";

export interface VoteServer {
  url: string;
  db: SqlDatabase;
  login(username: string): Promise<Client>;
  close(): Promise<void>;
}

export async function startVoteServer(): Promise<VoteServer> {
  // The action server's database (example data), with a second route server on it that adds the vote routes.
  const base = await startActionServer();
  const db = base.db as SqlDatabase;
  const password = await hashPassword("pw");
  await db.transaction((tx) => tx.write([1, 2, 3].map((id) => ({ type: "update" as const, fqid: `user/${id}`, fields: { password } }))));
  const config = loadConfig({ OPENSLIDES_DEVELOPMENT: "1", OPENSLIDES_BACKEND_THREAD_WATCH_TIMEOUT: "-1" });
  const buses = createBuses({});
  const auth = createAuthContext({ keys: DEV_KEYS, cache: buses.cache, messageBus: buses.messageBus });
  await auth.revocations.ready;
  const app = { config, db, buses, auth, log: { error: () => undefined, info: () => undefined, warn: () => undefined, debug: () => undefined }, version: "test", shutdownHooks: [] } as unknown as AppContext;
  const server = await startRouteServer([...authRoutes({ auth, db }, { log: () => undefined }), ...actionRoutes(app), ...voteRoutes(app)]);
  return {
    url: server.url,
    db,
    login: (username) => loggedInClient(server.url, username, "pw"),
    close: async () => {
      await server.close();
      auth.close();
      await buses.close();
      await base.close();
    },
  };
}
