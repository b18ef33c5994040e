// A second process writing to the same external database: applies the write events given as
// JSON in argv[2] in one transaction, then exits. Connection from DATABASE_* / PGPASSWORD.
import { SqlDatabase } from "../../../src/db/database.js";
import { PostgresEngine } from "../../../src/db/engine/postgres-engine.js";
import type { WriteEvent } from "../../../src/db/types.js";

const events = JSON.parse(process.argv[2] ?? "[]") as WriteEvent[];
const engine = new PostgresEngine({
  host: process.env.DATABASE_HOST ?? "localhost",
  port: Number(process.env.DATABASE_PORT ?? 5432),
  database: process.env.DATABASE_NAME ?? "openslides",
  user: process.env.DATABASE_USER ?? "openslides",
  password: process.env.PGPASSWORD ?? "openslides",
  poolMax: 2,
});
const db = await SqlDatabase.open(engine, { maxRetries: 3, retryPauseMs: 50 });
try {
  await db.transaction((tx) => tx.write(events));
} finally {
  await db.close();
}
