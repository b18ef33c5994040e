// Rules shared by group.create and group.update: user.can_manage, and the external id only for
// meeting admins.
import { isAdmin } from "../../permissions/index.js";
import { PermissionDeniedError } from "../errors.js";
import { hasPerm, missingPermission } from "../framework/permissions.js";
import type { ActionContext, Instance } from "../framework/types.js";

export async function checkGroupPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const meetingId = await ctx.meetingIdOf(item);
  if (!(await hasPerm(ctx.db, ctx.userId, "user.can_manage", meetingId))) throw missingPermission("user.can_manage");
  if ("external_id" in item && !(await isAdmin(ctx.db, ctx.userId, meetingId))) {
    throw new PermissionDeniedError("Missing permission: Not admin of this meeting");
  }
}
