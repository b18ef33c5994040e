// check_database_all (spec presenter A5.15): the whole database as one models map through the
// checker (mode all, current migration index); superadmins only.
import { checkModels } from "../../checker/checker.js";
import { MIGRATION_INDEX } from "../../db/schema.js";
import type { Model } from "../../db/types.js";
import { exportFields } from "../../export/export-meeting.js";
import { collectionNames } from "../../meta/registry.js";
import type { Presenter } from "../types.js";
import { assertSuperadminForCheck } from "./check_database.js";

const SKIPPED = new Set(["action_worker", "import_preview"]);

export const checkDatabaseAll: Presenter = {
  name: "check_database_all",
  schema: { type: "object", title: "check database", description: "check database", properties: {} },
  async run({ db, userId }) {
    await assertSuperadminForCheck(db, userId);
    const data: Record<string, unknown> = { _migration_index: MIGRATION_INDEX };
    try {
      for (const collection of collectionNames()) {
        if (SKIPPED.has(collection)) continue;
        const models = await db.filter(collection, undefined, exportFields(collection));
        if (models.size === 0) continue;
        data[collection] = Object.fromEntries(
          [...models].map(([id, model]) => [String(id), Object.fromEntries(Object.entries(model).filter(([, value]) => value !== null && value !== undefined)) as Model]),
        );
      }
      checkModels(data, { mode: "all" });
      return { ok: true };
    } catch (error) {
      return { ok: false, errors: error instanceof Error ? error.message : String(error) };
    }
  },
};
