// gender.create: a gender of organization 1 for user managers; names are unique (database constraint).
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import type { Instance } from "../../framework/types.js";

export default defineAction({
  name: "gender.create",
  collection: "gender",
  kind: "create",
  schema: createSchema("gender", { required: ["name"] }),
  permission: { organizationManagementLevel: "can_manage_users" },
  skipArchivedMeetingCheck: true,
  updateInstance: (_ctx, instance: Instance) => ({ ...instance, organization_id: 1 }),
});
