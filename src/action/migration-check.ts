// Step 4 of the action request (spec action-service 2.2): the database must carry the
// migration index this server is written for (upstream's assert_migration_index).
import type { Database } from "../db/types.js";
import { ActionError } from "./errors.js";

/** The migration index of the OpenSlides 4.3 relational schema (migration 0100_init_reldb). */
export const BACKEND_MIGRATION_INDEX = 100;

export async function assertMigrationIndex(db: Database): Promise<void> {
  const [row] = await db.query<{ max: number | null }>("SELECT MAX(migration_index) AS max FROM version WHERE migration_state = $1", ["finalized"]);
  const databaseIndex = row?.max;
  // A database without a finalized version row has not been set up by an importer yet; upstream fails with a 500 there.
  if (databaseIndex === null || databaseIndex === undefined) return;
  if (BACKEND_MIGRATION_INDEX > databaseIndex) {
    throw new ActionError(`Missing ${BACKEND_MIGRATION_INDEX - databaseIndex} migrations to apply.`);
  }
  if (BACKEND_MIGRATION_INDEX < databaseIndex) {
    throw new ActionError(`Migration indices do not match: Database has ${databaseIndex} and the backend has ${BACKEND_MIGRATION_INDEX}`);
  }
}
