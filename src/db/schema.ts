// Creates the OpenSlides 4.3 schema on first start: when the `version` table is missing, the
// generated schema is applied in one transaction and the migration marker is written.
import { readSchemaSql } from "../meta/sql/schema-file.js";
import type { SqlEngine } from "./engine/engine.js";

/** Highest migration of the upstream backend this schema corresponds to. */
export const MIGRATION_INDEX = 100;

// Any constant works; it only has to be the same in every process of a deployment.
const SCHEMA_LOCK_KEY = 4_300_100;

async function hasSchema(engine: SqlEngine): Promise<boolean> {
  const { rows } = await engine.query<{ present: boolean }>("SELECT to_regclass('public.version') IS NOT NULL AS present");
  return rows[0]?.present === true;
}

export async function ensureSchema(engine: SqlEngine): Promise<boolean> {
  if (await hasSchema(engine)) return false;
  const marker = `INSERT INTO version (migration_index, migration_state) VALUES (${MIGRATION_INDEX}, 'finalized');`;
  // Several processes may start at once on one database: the first creates, the others wait.
  return engine.withTransaction(async (session) => {
    await session.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`);
    const { rows } = await session.query<{ present: boolean }>("SELECT to_regclass('public.version') IS NOT NULL AS present");
    if (rows[0]?.present) return false;
    await session.query(`${readSchemaSql()}\n${marker}`);
    return true;
  });
}
