// POST /internal/migrations (upstream's migrations route): openslides-ts has no migrations past
// its schema's index, so every command finds the database migrated or reports its state;
// "migrate", "finalize" and "reset" have nothing to do.
import type { Database } from "../db/types.js";
import { BadRequestError } from "./errors.js";
import { BACKEND_MIGRATION_INDEX } from "./migration-check.js";

const COMMANDS = new Set(["migrate", "finalize", "reset", "stats", "progress"]);
/** Upstream's MigrationState, highest priority first. */
const STATES_BY_PRIORITY = ["migration_failed", "migration_running", "migration_required", "finalization_failed", "finalization_running", "finalization_required"];

async function migrationState(db: Database): Promise<string> {
  const rows = await db.query<{ migration_state: string }>("SELECT DISTINCT migration_state FROM version WHERE migration_state <> 'finalized'");
  const states = new Set(rows.map((row) => row.migration_state));
  return STATES_BY_PRIORITY.find((state) => states.has(state)) ?? "finalized";
}

async function currentIndex(db: Database): Promise<number | null> {
  const [row] = await db.query<{ max: number | null }>("SELECT MAX(migration_index) AS max FROM version WHERE migration_state = 'finalized'");
  return row?.max ?? null;
}

export async function migrationCommand(db: Database, payload: unknown): Promise<Record<string, unknown>> {
  const command = (payload as { cmd?: unknown } | null)?.cmd;
  if (!command) throw new BadRequestError("No command provided");
  if (typeof command !== "string" || !COMMANDS.has(command)) throw new BadRequestError(`Unknown command: ${String(command)}`);
  const status = await migrationState(db);
  if (command === "stats") {
    const stats = { status, output: "", current_migration_index: await currentIndex(db), target_migration_index: BACKEND_MIGRATION_INDEX, migratable_models: {} };
    return { success: true, stats };
  }
  if (command !== "progress") {
    const index = (await currentIndex(db)) ?? 0;
    if (index > BACKEND_MIGRATION_INDEX) {
      throw new BadRequestError(`The database has a higher migration index (${index}) than the registered migrations (${BACKEND_MIGRATION_INDEX})`);
    }
  }
  return { success: true, status, output: "" };
}
