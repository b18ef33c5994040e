// gender.delete: deletes a gender (its users lose gender_id); the default genders 1-4 stay.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";
import { checkGenderPermissions } from "../../shared/gender-rules.js";

export default defineAction({
  name: "gender.delete",
  collection: "gender",
  kind: "delete",
  schema: deleteSchema("gender"),
  permission: { organizationManagementLevel: "can_manage_users" },
  checkPermissions: checkGenderPermissions,
  skipArchivedMeetingCheck: true,
});
