// organization_tag.update: plain update of name and color for organization managers.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "organization_tag.update",
  collection: "organization_tag",
  kind: "update",
  schema: updateSchema("organization_tag", { optional: ["name", "color"] }),
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
});
