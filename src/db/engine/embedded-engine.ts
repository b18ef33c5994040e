// The embedded engine: the native PostgreSQL server of a local data folder (embedded-server.ts),
// used through the same `pg` code path as an external server. A watchdog starts the server again
// when it dies (killed, crashed); meanwhile requests get 503 and the pool and change feed
// reconnect by themselves once it is back.
import { embeddedServerRunning, startEmbeddedServer, stopIfUnused, type EmbeddedServerOptions } from "./embedded-server.js";
import { PostgresEngine } from "./postgres-engine.js";

export interface EmbeddedEngineOptions extends EmbeddedServerOptions {
  poolMax?: number;
  /** Reports restarts and failed attempts. */
  log?: (message: string, error?: unknown) => void;
}

/** How often the watchdog looks whether the server process is alive. */
const WATCH_INTERVAL_MS = 500;

export async function openEmbeddedEngine(options: EmbeddedEngineOptions): Promise<PostgresEngine> {
  const address = await startEmbeddedServer(options);
  const watchdog = watchServer(options);
  return new PostgresEngine(
    {
      host: address.socketDir,
      port: address.port,
      database: options.database,
      user: options.user,
      password: options.password,
      poolMax: options.poolMax,
    },
    {
      kind: "embedded",
      afterClose: () => {
        watchdog.stop();
        return stopIfUnused(options.dataDir, options);
      },
    },
  );
}

/** Starts the server again whenever its process is gone (one attempt at a time; a failed one is repeated). */
function watchServer(options: EmbeddedEngineOptions): { stop(): void } {
  let restarting = false;
  const timer = setInterval(() => {
    if (restarting || embeddedServerRunning(options.dataDir)) return;
    restarting = true;
    options.log?.("the embedded PostgreSQL is not running; starting it again");
    startEmbeddedServer(options)
      .then(() => options.log?.("the embedded PostgreSQL runs again"))
      .catch((error) => options.log?.("starting the embedded PostgreSQL again failed; retrying", error))
      .finally(() => (restarting = false));
  }, WATCH_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
