// theme.create: a color theme of organization 1 (organization_id is always set to 1).
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import type { Instance } from "../../framework/types.js";
import { THEME_OPTIONAL_FIELDS, THEME_REQUIRED_FIELDS } from "../../shared/theme-fields.js";

export default defineAction({
  name: "theme.create",
  collection: "theme",
  kind: "create",
  schema: createSchema("theme", { required: THEME_REQUIRED_FIELDS, optional: THEME_OPTIONAL_FIELDS }),
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
  updateInstance: (_ctx, instance: Instance) => ({ ...instance, organization_id: 1 }),
});
