// Tables of the vote and media services, outside the models schema: the ballot store
// (src/vote/store.ts) and the file bytes (src/media/storage.ts). Created when the database is
// opened (SqlDatabase.open), so the services' requests do not check or create them each time.
import type { SqlEngine } from "./engine/engine.js";

export const VOTE_SCHEMA_SQL = [
  "CREATE SCHEMA IF NOT EXISTS vote",
  `CREATE TABLE IF NOT EXISTS vote.poll (
     id integer PRIMARY KEY,
     stopped boolean NOT NULL DEFAULT false
   )`,
  `CREATE TABLE IF NOT EXISTS vote.voter (
     poll_id integer NOT NULL REFERENCES vote.poll(id) ON DELETE CASCADE,
     user_id integer NOT NULL,
     PRIMARY KEY (poll_id, user_id)
   )`,
  `CREATE TABLE IF NOT EXISTS vote.ballot (
     key text PRIMARY KEY,
     poll_id integer NOT NULL REFERENCES vote.poll(id) ON DELETE CASCADE,
     ballot text NOT NULL
   )`,
  "CREATE INDEX IF NOT EXISTS ballot_poll_idx ON vote.ballot (poll_id)",
];

export const MEDIA_SCHEMA_SQL = [
  "CREATE SCHEMA IF NOT EXISTS media",
  "CREATE TABLE IF NOT EXISTS media.mediafile_data (id int PRIMARY KEY, data bytea, mimetype varchar(255))",
];

// The key of the models schema's lock in schema.ts: one lock for all schema work at start.
const SCHEMA_LOCK_KEY = 4_300_100;

async function present(engine: SqlEngine): Promise<boolean> {
  const { rows } = await engine.query<{ present: boolean }>(
    "SELECT to_regclass('vote.ballot') IS NOT NULL AND to_regclass('vote.voter') IS NOT NULL AND to_regclass('media.mediafile_data') IS NOT NULL AS present",
  );
  return rows[0]?.present === true;
}

/** Creates the missing service tables; several processes starting at once take turns. */
export async function ensureServiceSchemas(engine: SqlEngine): Promise<void> {
  if (await present(engine)) return;
  await engine.withTransaction(async (session) => {
    await session.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`);
    for (const statement of [...VOTE_SCHEMA_SQL, ...MEDIA_SCHEMA_SQL]) await session.query(statement);
  });
}
