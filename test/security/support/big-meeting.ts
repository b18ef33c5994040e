// A server on a big seeded meeting for the autoupdate stall tests: `count` users (ids from 1001
// on, usernames bulk<n>), each a participant of meeting 1 with one meeting_user, inserted with SQL
// (triggers off) into a fresh database of the external PostgreSQL, then loaded by a restarted server.
import pg from "pg";
import { externalServer } from "../../support/database.js";
import { startServer, type StartedServer } from "../../support/server.js";

export const FIRST_BULK_USER = 1001;

export async function startBigMeeting(count: number, env: Record<string, string> = {}): Promise<StartedServer> {
  const seeding = await startServer({ database: "external", env });
  await seeding.stop({ keepData: true });
  const client = new pg.Client({ ...externalServer(), database: seeding.env.DATABASE_NAME });
  await client.connect();
  try {
    // Without the notify triggers (superuser only): the server loads everything at its restart.
    await client.query("SET session_replication_role = replica");
    const last = FIRST_BULK_USER + count - 1;
    await client.query(`INSERT INTO user_t (id, username, first_name, last_name) SELECT g, 'bulk' || g, 'First' || g, 'Last' || g FROM generate_series(${FIRST_BULK_USER}, ${last}) g`);
    await client.query(`INSERT INTO meeting_user_t (user_id, meeting_id, number) SELECT g, 1, 'n' || g FROM generate_series(${FIRST_BULK_USER}, ${last}) g`);
    await client.query(`INSERT INTO nm_group_meeting_user_ids_meeting_user_t (group_id, meeting_user_id) SELECT 5, id FROM meeting_user_t WHERE user_id >= ${FIRST_BULK_USER}`);
  } finally {
    await client.end();
  }
  return startServer({ shareWith: seeding, startTimeoutMs: 180_000 });
}
