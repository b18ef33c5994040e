// topic.import: second step of the topic CSV import. Creates a topic (with agenda item) per
// preview row through topic.create, or only aborts with import=false; the preview is deleted.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { hasPerm, missingPermission } from "../../framework/permissions.js";
import type { Instance } from "../../framework/types.js";
import { deleteImportPreview, flattenRows, ImportState, importSchema, loadImportPreview, type ImportRow, assertSingularData } from "../../shared/import-preview.js";
import topicCreate from "./create.js";

const PERMISSION = "agenda_item.can_manage";

export default defineAction({
  name: "topic.import",
  collection: "import_preview",
  kind: "custom",
  singular: true,
  schema: importSchema,
  meetingOf: async (ctx, item) => {
    const preview = await ctx.db.get(`import_preview/${Number(item.id)}`, ["name", "result"]);
    if (preview.name !== "topic") throw new ActionError("Import data cannot be found.");
    const rows = ((preview.result as Record<string, any> | undefined)?.rows ?? []) as ImportRow[];
    return rows[0]?.data.meeting_id as number;
  },
  prefetch: async (ctx, data) => {
    assertSingularData(data);
    const id = data[0]?.id;
    if (typeof id === "number") await loadImportPreview(ctx, id, "topic");
  },
  checkPermissions: async (ctx, item) => {
    if (!(await hasPerm(ctx.db, ctx.userId, PERMISSION, await ctx.meetingIdOf(item)))) throw missingPermission(PERMISSION);
  },
  updateInstance: async (ctx, instance) => {
    const id = instance.id as number;
    const { rows } = await loadImportPreview(ctx, id, "topic");
    if (instance.import) {
      const payload = flattenRows(rows).map((row) => row.data);
      if (payload.length > 0) await ctx.execute(topicCreate, payload);
    }
    deleteImportPreview(ctx, id);
    return { __result: { rows, state: ImportState.DONE } } as Instance;
  },
  result: (_ctx, instance) => instance.__result as Record<string, unknown>,
});
