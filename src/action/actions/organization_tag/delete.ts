// organization_tag.delete: plain delete for organization managers; the tagged committees and
// meetings lose the tag (relation maintenance).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "organization_tag.delete",
  collection: "organization_tag",
  kind: "delete",
  schema: deleteSchema("organization_tag"),
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
});
