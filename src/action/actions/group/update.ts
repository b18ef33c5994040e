// group.update: permissions implied by another one are dropped; user.can_manage may not go to a
// group with locked-out members; the anonymous group keeps its name and gets only the
// permissions anonymous may hold. The external id is for meeting admins only.
import { permissionsForbiddenForAnonymous, withoutImpliedPermissions } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkGroupPermissions } from "../../shared/group-rules.js";

async function checkLockedMembers(ctx: ActionContext, permissions: string[], meetingUserIds: number[]): Promise<void> {
  if (meetingUserIds.length === 0 || !permissions.includes("user.can_manage")) return;
  const meetingUsers = await ctx.db.getMany("meeting_user", meetingUserIds, ["locked_out"]);
  if ([...meetingUsers.values()].some((meetingUser) => meetingUser.locked_out === true)) {
    throw new ActionError("Cannot give user manage permissions to a group with locked users.");
  }
}

async function updateGroup(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const group = await ctx.db.get(`group/${Number(instance.id)}`, ["anonymous_group_for_meeting_id", "meeting_user_ids"]);
  if ("permissions" in instance) {
    instance.permissions = withoutImpliedPermissions((instance.permissions as string[] | null) ?? []);
    await checkLockedMembers(ctx, instance.permissions as string[], (group.meeting_user_ids as number[] | undefined) ?? []);
  }
  if (group.anonymous_group_for_meeting_id) {
    const forbidden = permissionsForbiddenForAnonymous((instance.permissions as string[] | undefined) ?? []);
    if (forbidden.length > 0) {
      throw new ActionError(`The following permissions may not be set for the anonymous group: {${forbidden.map((permission) => `'${permission}'`).join(", ")}}`);
    }
    if ("name" in instance) throw new ActionError("Cannot change name of anonymous group.");
  }
  return instance;
}

export default defineAction({
  name: "group.update",
  collection: "group",
  kind: "update",
  schema: updateSchema("group", { optional: ["external_id", "name", "permissions"] }),
  permission: "user.can_manage",
  checkPermissions: checkGroupPermissions,
  updateInstance: updateGroup,
});
