// Writes a models map (the upstream JSON data format: _migration_index + collection -> id ->
// model) into an empty database in one transaction, as upstream's organization.initial_import.
import type { SqlDatabase } from "../db/database.js";
import { MIGRATION_INDEX } from "../db/schema.js";
import { advanceIdSequences } from "../db/writer.js";
import { DatabaseError, type CreateEvent, type Transaction } from "../db/types.js";
import { STORAGE } from "../meta/generated/storage.js";

export type ModelsMap = { _migration_index?: number } & Record<string, unknown>;

export interface ImportResult {
  data_migration_index: number;
  backend_migration_index: number;
  message: string;
  migration_needed: boolean;
}

export function toCreateEvents(data: ModelsMap): CreateEvent[] {
  const events: CreateEvent[] = [];
  for (const [collection, models] of Object.entries(data)) {
    if (collection === "_migration_index") continue;
    if (!STORAGE[collection]) throw new DatabaseError(`Collection '${collection}' does not exist in the database`, "invalid_request");
    for (const [key, model] of Object.entries(models as Record<string, Record<string, unknown>>)) {
      if (String(model.id) !== key) throw new DatabaseError(`${collection}/${key}: id ${String(model.id)} does not match its key`, "invalid_format");
      events.push({ type: "create", fqid: `${collection}/${key}`, fields: model });
    }
  }
  return events;
}

async function isEmpty(tx: Transaction): Promise<boolean> {
  const rows = await tx.query<{ count: number }>("SELECT count(*)::integer AS count FROM organization_t");
  return rows[0]?.count === 0;
}

export async function importModels(db: SqlDatabase, data: ModelsMap): Promise<ImportResult> {
  const index = Number(data._migration_index ?? MIGRATION_INDEX);
  if (index > MIGRATION_INDEX) {
    throw new DatabaseError(`Migration index of the data (${index}) is higher than the backend's (${MIGRATION_INDEX}).`, "invalid_request");
  }
  const events = toCreateEvents(data);
  await db.transaction(async (tx) => {
    if (!(await isEmpty(tx))) throw new DatabaseError("Datastore is not empty.", "invalid_request");
    await tx.write(events);
    await advanceIdSequences(tx);
  });
  const migrationNeeded = index < MIGRATION_INDEX;
  return {
    data_migration_index: index,
    backend_migration_index: MIGRATION_INDEX,
    message: migrationNeeded ? "Data imported, but must be migrated!" : `Data imported, Migration Index set to ${MIGRATION_INDEX}`,
    migration_needed: migrationNeeded,
  };
}
