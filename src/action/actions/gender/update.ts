// gender.update: renames a gender; the default genders 1-4 are immutable.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import { checkGenderPermissions } from "../../shared/gender-rules.js";

export default defineAction({
  name: "gender.update",
  collection: "gender",
  kind: "update",
  schema: updateSchema("gender", { required: ["name"] }),
  permission: { organizationManagementLevel: "can_manage_users" },
  checkPermissions: checkGenderPermissions,
  skipArchivedMeetingCheck: true,
});
