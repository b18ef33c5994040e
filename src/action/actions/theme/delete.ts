// theme.delete: plain delete; the organization's current theme cannot go (its required theme_id
// would be emptied, refused by the final required-field check).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "theme.delete",
  collection: "theme",
  kind: "delete",
  schema: deleteSchema("theme"),
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
});
