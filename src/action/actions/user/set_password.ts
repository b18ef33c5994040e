// user.set_password: stores the hash of the given password (refused for SSO users), with
// set_as_default also the plain text as default_password. Scope rule with user.can_update.
// History "Password changed".
import { checkPermissionsForScope } from "../../../permissions/index.js";
import { defineAction } from "../../framework/define.js";
import { clearOwnSessionsIfOwnPassword } from "../../shared/session-clearing.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { setPassword } from "../../shared/user-rules.js";

export async function checkUserCanUpdate(ctx: ActionContext, item: Instance): Promise<void> {
  await checkPermissionsForScope(ctx.db, ctx.userId, Number(item.id), { meetingPermission: "user.can_update", actionName: ctx.action.name });
}

export default defineAction({
  name: "user.set_password",
  collection: "user",
  kind: "update",
  schema: updateSchema("user", { required: ["password"], additionalOptional: { set_as_default: { type: "boolean" } } }),
  skipArchivedMeetingCheck: true,
  checkPermissions: checkUserCanUpdate,
  updateInstance: (ctx, instance) => setPassword(ctx, instance),
  history: "Password changed",
  onSuccess: clearOwnSessionsIfOwnPassword,
});
