// user.generate_new_password: a new random password becomes the default password and the
// password (hashed); refused for SSO users. Scope rule with user.can_update.
import { defineAction } from "../../framework/define.js";
import { clearOwnSessionsIfOwnPassword } from "../../shared/session-clearing.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { randomPassword, setPassword } from "../../shared/user-rules.js";
import { checkUserCanUpdate } from "./set_password.js";

async function generate(ctx: ActionContext, instance: Instance): Promise<Instance> {
  instance.password = randomPassword();
  instance.set_as_default = true;
  await setPassword(ctx, instance);
  return instance;
}

export default defineAction({
  name: "user.generate_new_password",
  collection: "user",
  kind: "update",
  schema: updateSchema("user", {}),
  skipArchivedMeetingCheck: true,
  checkPermissions: checkUserCanUpdate,
  updateInstance: generate,
  onSuccess: clearOwnSessionsIfOwnPassword,
});
