// account.import: second step of the account CSV import. Re-checks every preview row against the
// current accounts and rights, then runs user.create for new rows and user.update for the others
// (fields marked "remove" dropped); the preview is deleted unless the import ends in error.
import { defineAction } from "../../framework/define.js";
import type { Instance } from "../../framework/types.js";
import { deleteImportPreview, ImportState, importSchema, loadImportPreview, assertSingularData } from "../../shared/import-preview.js";
import { UserImport } from "../../shared/user-import.js";

export default defineAction({
  name: "account.import",
  collection: "import_preview",
  kind: "custom",
  singular: true,
  schema: importSchema,
  permission: { organizationManagementLevel: "can_manage_users" },
  skipArchivedMeetingCheck: true,
  prefetch: async (ctx, data) => {
    assertSingularData(data);
    const id = data[0]?.id;
    if (typeof id === "number") await loadImportPreview(ctx, id, "account");
  },
  updateInstance: async (ctx, instance) => {
    const id = instance.id as number;
    const { rows } = await loadImportPreview(ctx, id, "account");
    const userImport = new UserImport(ctx, "account", rows);
    if (instance.import) {
      await userImport.setupLookups();
      for (const row of rows) {
        userImport.validateEntry(row);
        if (!(await userImport.checkFieldFailures(row.data, row.messages, "ADEFGHIJ"))) row.state = ImportState.ERROR;
        if (row.state === ImportState.ERROR && userImport.importState === ImportState.DONE) userImport.importState = ImportState.ERROR;
      }
      if (userImport.importState !== ImportState.ERROR) await userImport.createOtherActions(userImport.flatten());
    }
    if (userImport.importState !== ImportState.ERROR) deleteImportPreview(ctx, id);
    return { __result: { rows, state: userImport.importState } } as Instance;
  },
  result: (_ctx, instance) => instance.__result as Record<string, unknown>,
});
