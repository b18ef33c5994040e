// Loads seed/example-data.json (upstream's development data set) into a database in one
// transaction of create events, as a realistic meeting to test the state on.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Database, Model, WriteEvent } from "../../../src/db/types.js";
import { STORAGE } from "../../../src/meta/generated/storage.js";

const EXAMPLE_DATA = fileURLToPath(new URL("../../../../seed/example-data.json", import.meta.url));

export type ExampleData = Record<string, Record<string, Model>>;

export function readExampleData(): ExampleData {
  const raw = JSON.parse(readFileSync(EXAMPLE_DATA, "utf8")) as Record<string, unknown>;
  const data: ExampleData = {};
  for (const [collection, models] of Object.entries(raw)) {
    if (STORAGE[collection]) data[collection] = models as Record<string, Model>;
  }
  return data;
}

/**
 * Writes the data and waits until the change feed delivered its transaction, so that a state
 * opened afterwards does not get the whole load as a late change.
 */
export async function loadExampleData(db: Database, data: ExampleData = readExampleData()): Promise<void> {
  const events: WriteEvent[] = [];
  for (const [collection, models] of Object.entries(data)) {
    const storage = STORAGE[collection]!.fields;
    for (const [id, model] of Object.entries(models)) {
      const fields = Object.fromEntries(Object.entries(model).filter(([field]) => storage[field]?.kind !== "calculated"));
      events.push({ type: "create", fqid: `${collection}/${id}`, fields });
    }
  }
  let unsubscribe = () => {};
  const delivered = new Promise<void>((resolve) => {
    unsubscribe = db.onChange((change) => {
      if (change.entries.some((entry) => entry.fqid === "organization/1" && entry.operation === "insert")) resolve();
    });
  });
  try {
    await db.transaction((tx) => tx.write(events));
    await delivered;
  } finally {
    unsubscribe();
  }
}
