// Fresh databases for tests: the embedded engine (its own PostgreSQL server) in a temporary
// folder, or a new database on the external PostgreSQL (TEST_DATABASE_HOST/PORT/USER/PASSWORD,
// default localhost:5432 openslides/openslides) that is dropped again when the test closes it.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openEmbeddedEngine } from "../../src/db/engine/embedded-engine.js";
import { PostgresEngine } from "../../src/db/engine/postgres-engine.js";
import { SqlDatabase } from "../../src/db/database.js";

export type EngineKind = "embedded" | "external";
export const ENGINES: EngineKind[] = ["embedded", "external"];

export interface ExternalServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

export function externalServer(): ExternalServer {
  return {
    host: process.env.TEST_DATABASE_HOST ?? "localhost",
    port: Number(process.env.TEST_DATABASE_PORT ?? 5432),
    user: process.env.TEST_DATABASE_USER ?? "openslides",
    password: process.env.TEST_DATABASE_PASSWORD ?? "openslides",
  };
}

/** Runs one statement on the server's `postgres` database (CREATE / DROP DATABASE). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ ...externalServer(), database: "postgres" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty database on the external server; returns its name and a drop function. */
export async function createExternalDatabase(prefix = "test"): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  return { name, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export interface TestDatabase {
  db: SqlDatabase;
  kind: EngineKind;
  /**
   * Environment for another process on the same database: DATABASE_* and PGPASSWORD for the
   * external engine, OPENSLIDES_DATA_DIR (whose postgres/ folder holds the server) for the embedded one.
   */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Credentials of the embedded test servers (the embedded engine's defaults). */
export const EMBEDDED_CREDENTIALS = { user: "openslides", password: "openslides", database: "openslides" } as const;

/** A temporary data folder: the embedded database lives in its postgres/ subfolder. */
export function temporaryDataDir(prefix = "openslides-db-"): { dataDir: string; remove: () => void } {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  // As root, the embedded server runs as another user, which must be able to enter the folder.
  chmodSync(dataDir, 0o755);
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export async function openTestDatabase(kind: EngineKind): Promise<TestDatabase> {
  const options = { maxRetries: 3, retryPauseMs: 50 };
  if (kind === "embedded") {
    const { dataDir, remove } = temporaryDataDir();
    try {
      const engine = await openEmbeddedEngine({ ...EMBEDDED_CREDENTIALS, dataDir: join(dataDir, "postgres"), poolMax: 5, volatile: true });
      const db = await SqlDatabase.open(engine, options);
      return {
        db,
        kind,
        env: { OPENSLIDES_DATA_DIR: dataDir },
        close: async () => {
          await db.close();
          remove();
        },
      };
    } catch (error) {
      remove();
      throw error;
    }
  }
  const server = externalServer();
  const created = await createExternalDatabase();
  const db = await SqlDatabase.open(new PostgresEngine({ ...server, database: created.name, poolMax: 5 }), options);
  return {
    db,
    kind,
    env: {
      DATABASE_HOST: server.host,
      DATABASE_PORT: String(server.port),
      DATABASE_NAME: created.name,
      DATABASE_USER: server.user,
      PGPASSWORD: server.password,
    },
    close: async () => {
      await db.close();
      await created.drop();
    },
  };
}
