// user.reset_password_to_default: the password becomes the hash of the stored default_password;
// refused for SSO users. Scope rule with user.can_update.
import { hashPassword } from "../../../auth/passwords.js";
import { defineAction } from "../../framework/define.js";
import { clearOwnSessionsIfOwnPassword } from "../../shared/session-clearing.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { ssoNoPasswordError } from "../../shared/user-rules.js";
import { checkUserCanUpdate } from "./set_password.js";

async function reset(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const user = await ctx.db.get(`user/${Number(instance.id)}`, ["default_password", "saml_id"]);
  if (user.saml_id) throw ssoNoPasswordError(user.saml_id);
  // Upstream hashes str(None) for a user without default password.
  instance.password = await hashPassword(user.default_password === undefined ? "None" : String(user.default_password));
  return instance;
}

export default defineAction({
  name: "user.reset_password_to_default",
  collection: "user",
  kind: "update",
  schema: updateSchema("user", {}),
  skipArchivedMeetingCheck: true,
  checkPermissions: checkUserCanUpdate,
  updateInstance: reset,
  onSuccess: clearOwnSessionsIfOwnPassword,
});
