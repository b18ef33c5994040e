// account.json_upload: first step of the account CSV import. Finds existing accounts by username,
// saml_id, names + email or member number, generates usernames and passwords, checks gender,
// e-mail, home committee, vote weight and the per-field rights, and stores an import_preview.
import { defineAction } from "../../framework/define.js";
import { modelFieldSchema } from "../../framework/schemas.js";
import type { Instance } from "../../framework/types.js";
import {
  convertUploadCells,
  generateStatistics,
  ImportState,
  jsonUploadSchema,
  storeImportPreview,
  type HeaderEntry,
  assertSingularData,
} from "../../shared/import-preview.js";
import { userHeaders, UserJsonUpload, userRowSchema } from "../../shared/user-import.js";

export const accountHeaders: HeaderEntry[] = [...userHeaders, { property: "default_vote_weight", type: "decimal", is_object: true }];

export default defineAction({
  name: "account.json_upload",
  collection: "import_preview",
  kind: "custom",
  singular: true,
  schema: jsonUploadSchema(userRowSchema({ default_vote_weight: modelFieldSchema("user", "default_vote_weight") })),
  permission: { organizationManagementLevel: "can_manage_users" },
  skipArchivedMeetingCheck: true,
  prefetch: async (ctx, data) => {
    assertSingularData(data);
    for (const item of data) await convertUploadCells(ctx, item, accountHeaders);
  },
  updateInstance: async (ctx, instance) => {
    const data = instance.data as Record<string, any>[];
    const upload = new UserJsonUpload(ctx, "account");
    await upload.prepare(data);
    const rows = [];
    for (const entry of data) {
      const row = await upload.validateEntry(entry);
      const weight = row.data.default_vote_weight;
      if (weight) {
        if (weight === "0.000000") {
          row.data.default_vote_weight = { value: weight, info: ImportState.ERROR };
          row.messages.push("default_vote_weight must be bigger than or equal to 0.000001.");
          row.state = ImportState.ERROR;
        } else row.data.default_vote_weight = { value: weight, info: ImportState.DONE };
      }
      await upload.checkFieldFailures(
        row.data,
        row.messages,
        "Account is updated, but changes to the following field(s) are not possible:",
        "ADEFGHIJ",
      );
      rows.push(row);
    }
    const { statistics, state } = generateStatistics(rows);
    const id = await storeImportPreview(ctx, "account", rows, state);
    return { __result: { id, headers: accountHeaders, rows, statistics, state } } as Instance;
  },
  result: (_ctx, instance) => instance.__result as Record<string, unknown>,
});
