// The application context of one process: everything a component needs to build its routes.
import type { AuthContext } from "./auth/context.js";
import type { Buses } from "./bus/create-bus.js";
import type { Config } from "./config.js";
import type { SqlDatabase } from "./db/database.js";
import type { Logger } from "./log.js";

export interface AppContext {
  config: Config;
  db: SqlDatabase;
  buses: Buses;
  auth: AuthContext;
  log: Logger;
  version: string;
  /** Run on shutdown after the listeners stopped, before the bus and database close. */
  shutdownHooks: Array<() => void | Promise<void>>;
}
