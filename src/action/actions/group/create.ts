// group.create: permissions implied by another one of the list are dropped; without a weight the
// group goes last in its meeting. The external id is for meeting admins only.
import { withoutImpliedPermissions } from "../../../permissions/index.js";
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkGroupPermissions } from "../../shared/group-rules.js";
import { inMeeting, nextWeight } from "../../shared/weight.js";

async function prepareGroup(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (Array.isArray(instance.permissions) && instance.permissions.length > 0) {
    instance.permissions = withoutImpliedPermissions(instance.permissions as string[]);
  }
  if (!("weight" in instance)) instance.weight = await nextWeight(ctx, "group", inMeeting(Number(instance.meeting_id)));
  return instance;
}

export default defineAction({
  name: "group.create",
  collection: "group",
  kind: "create",
  schema: createSchema("group", { required: ["name", "meeting_id"], optional: ["permissions", "external_id", "weight"] }),
  permission: "user.can_manage",
  checkPermissions: checkGroupPermissions,
  updateInstance: prepareGroup,
});
