// organization.initial_import (stack-internal, singular): fills an empty database with a models
// map (or the initial data when `data` is empty) after the models checker accepted it, and
// reports the migration state.
import { CheckError, checkModels } from "../../../checker/checker.js";
import { MIGRATION_INDEX } from "../../../db/schema.js";
import { advanceIdSequences } from "../../../db/writer.js";
import { getField } from "../../../meta/registry.js";
import { readSeed } from "../../../setup/first-start.js";
import { toCreateEvents, type ModelsMap } from "../../../setup/import-models.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";

/** Timestamps travel as ISO strings in the models map; anything else cannot be converted. */
function checkTimestamps(data: ModelsMap): void {
  for (const [collection, models] of Object.entries(data)) {
    if (collection.startsWith("_") || typeof models !== "object" || models === null) continue;
    for (const model of Object.values(models as Record<string, Record<string, unknown>>)) {
      for (const [name, value] of Object.entries(model ?? {})) {
        if (getField(collection, name)?.type !== "timestamp" || value === null || typeof value === "string") continue;
        throw new ActionError(`Could not convert value of field ${collection}/${name}. Message: fromisoformat: argument must be str`);
      }
    }
  }
}

async function importData(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const existing = await ctx.request.tx.query<{ count: number }>("SELECT count(*)::integer AS count FROM organization_t");
  if ((existing[0]?.count ?? 0) > 0) throw new ActionError("Datastore is not empty.");
  let data = instance.data as ModelsMap;
  if (Object.keys(data).length === 0) data = readSeed("initial-data.json");
  checkTimestamps(data);
  try {
    checkModels(data, { mode: "all", migrationMode: "permissive" });
  } catch (error) {
    if (error instanceof CheckError) throw new ActionError(error.message);
    throw error;
  }
  await ctx.request.tx.write(toCreateEvents(data));
  await advanceIdSequences(ctx.request.tx);
  const index = Number(data._migration_index);
  const migrationNeeded = MIGRATION_INDEX > index;
  return {
    data_migration_index: index,
    backend_migration_index: MIGRATION_INDEX,
    message: migrationNeeded ? "Data imported, but must be migrated!" : `Data imported, Migration Index set to ${MIGRATION_INDEX}`,
    migration_needed: migrationNeeded,
  };
}

export default defineAction({
  name: "organization.initial_import",
  collection: "organization",
  kind: "custom",
  visibility: "stack_internal",
  singular: true,
  schema: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    title: "Import initial data.",
    description: "Import an initial data json in an empty datastore.",
    properties: { data: { type: "object" } },
    required: ["data"],
    additionalProperties: false,
  },
  skipArchivedMeetingCheck: true,
  updateInstance: importData,
  result: (_ctx, instance) => instance,
});
