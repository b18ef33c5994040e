// theme.update: plain update of any color of a theme for organization managers.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import { THEME_OPTIONAL_FIELDS, THEME_REQUIRED_FIELDS } from "../../shared/theme-fields.js";

export default defineAction({
  name: "theme.update",
  collection: "theme",
  kind: "update",
  schema: updateSchema("theme", { optional: [...THEME_REQUIRED_FIELDS, ...THEME_OPTIONAL_FIELDS] }),
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
});
