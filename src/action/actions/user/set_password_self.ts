// user.set_password_self: the caller changes his own password after proving the old one;
// needs can_change_own_password, refused for SSO users.
import { hashPassword, verifyPassword } from "../../../auth/passwords.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { clearOwnSessionsIfOwnPassword } from "../../shared/session-clearing.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { assertNotAnonymous, ssoNoPasswordError } from "../../shared/user-rules.js";

async function checkOwnPassword(ctx: ActionContext, item: Instance): Promise<void> {
  assertNotAnonymous(ctx);
  const user = await ctx.db.get(`user/${ctx.userId}`, ["can_change_own_password"]);
  if (!user.can_change_own_password) throw new PermissionDeniedError("You cannot change your password.");
  void item;
}

async function changeOwnPassword(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const oldPassword = String(instance.old_password);
  const newPassword = String(instance.new_password);
  const user = await ctx.db.get(`user/${ctx.userId}`, ["password", "saml_id"]);
  if (user.saml_id) throw ssoNoPasswordError(user.saml_id);
  if (!(await verifyPassword(oldPassword, String(user.password ?? "")))) throw new ActionError("Wrong password");
  return { id: ctx.userId, password: await hashPassword(newPassword) };
}

export default defineAction({
  name: "user.set_password_self",
  collection: "user",
  kind: "update",
  schema: itemSchema("user", {
    additionalRequired: { old_password: { type: "string", minLength: 1 }, new_password: { type: "string", minLength: 1 } },
  }),
  meetingOf: async () => undefined,
  skipArchivedMeetingCheck: true,
  checkPermissions: checkOwnPassword,
  updateInstance: changeOwnPassword,
  onSuccess: clearOwnSessionsIfOwnPassword,
});
