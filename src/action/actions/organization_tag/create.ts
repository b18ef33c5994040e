// organization_tag.create: plain create for organization managers (name, color, organization_id).
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "organization_tag.create",
  collection: "organization_tag",
  kind: "create",
  schema: createSchema("organization_tag", { required: ["name", "color", "organization_id"] }),
  permission: { organizationManagementLevel: "can_manage_organization" },
  // upstream's CheckForArchivedMeetingMixin: no meeting field in the payload, so nothing to check.
  skipArchivedMeetingCheck: true,
});
