// Reads models for the state from the database views, through the database layer's reader
// (which encodes values as upstream does, spec models-and-database.md 2.8), in batches of ids.
import type { Database, Model } from "../db/types.js";

/** Upstream reads at most this many ids per query. */
export const READ_BATCH_SIZE = 5000;

/** The models with the given fields (plus id); missing ids are absent from the result. */
export async function readModels(
  db: Pick<Database, "getMany">,
  collection: string,
  ids: Iterable<number>,
  fields: readonly string[],
  batchSize = READ_BATCH_SIZE,
): Promise<Map<number, Model>> {
  const sorted = [...ids].sort((a, b) => a - b);
  const withId = fields.includes("id") ? [...fields] : ["id", ...fields];
  const result = new Map<number, Model>();
  for (let start = 0; start < sorted.length; start += batchSize) {
    const batch = await db.getMany(collection, sorted.slice(start, start + batchSize), withId);
    for (const [id, model] of batch) result.set(id, model);
  }
  return result;
}

/** Every id of a collection, ascending. */
export async function readAllIds(db: Pick<Database, "query">, view: string): Promise<number[]> {
  const rows = await db.query<{ id: number }>(`SELECT id FROM "${view}" ORDER BY id`);
  return rows.map((row) => Number(row.id));
}
