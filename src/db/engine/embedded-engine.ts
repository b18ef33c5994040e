// The embedded engine: the native PostgreSQL server of a local data folder (embedded-server.ts),
// used through the same `pg` code path as an external server.
import { startEmbeddedServer, stopIfUnused, type EmbeddedServerOptions } from "./embedded-server.js";
import { PostgresEngine } from "./postgres-engine.js";

export interface EmbeddedEngineOptions extends EmbeddedServerOptions {
  poolMax?: number;
}

export async function openEmbeddedEngine(options: EmbeddedEngineOptions): Promise<PostgresEngine> {
  const address = await startEmbeddedServer(options);
  return new PostgresEngine(
    {
      host: address.socketDir,
      port: address.port,
      database: options.database,
      user: options.user,
      password: options.password,
      poolMax: options.poolMax,
    },
    { kind: "embedded", afterClose: () => stopIfUnused(options.dataDir, options) },
  );
}
