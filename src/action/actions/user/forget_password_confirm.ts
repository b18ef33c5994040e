// user.forget_password_confirm (anyone, also anonymous): checks the reset token of
// user.forget_password (for this user and e-mail address, 10 minutes, once: see
// shared/password-reset-tokens.ts), stores the new password's hash and ends the user's
// sessions. Refused for SSO users.
import { hashPassword } from "../../../auth/passwords.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema, requiredIdSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { markPasswordResetTokenUsed, verifyPasswordResetToken } from "../../shared/password-reset-tokens.js";
import { clearSessionsOnSuccess } from "../../shared/session-clearing.js";

async function setForgottenPassword(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const userId = Number(instance.user_id);
  const user = await ctx.db.get(`user/${userId}`, ["saml_id", "email", "password"]);
  if (user.saml_id) {
    throw new ActionError(`user ${String(user.saml_id)} is a Single Sign On user and has no local OpenSlides password.`);
  }
  let token = String(instance.authorization_token);
  try {
    token = decodeURIComponent(token);
  } catch {
    // Python's unquote leaves malformed escapes as they are
  }
  const owner = { id: userId, email: String(user.email ?? ""), passwordHash: String(user.password ?? "") };
  const verdict = await verifyPasswordResetToken(owner, token);
  // The auth service's own answer for a token accepted before reaches the caller as it is.
  if (verdict === "used") throw new ActionError("Token is already used");
  if (verdict !== "ok") throw new ActionError("Failed to verify token.");
  ctx.request.onSuccess.push(() => markPasswordResetTokenUsed(token));
  // Upstream ends the sessions of the caller (clear_all_sessions); the reset user's sessions end too.
  clearSessionsOnSuccess(ctx, userId);
  if (ctx.userId > 0 && ctx.userId !== userId) clearSessionsOnSuccess(ctx, ctx.userId);
  return { id: userId, password: await hashPassword(String(instance.new_password)) };
}

export default defineAction({
  name: "user.forget_password_confirm",
  collection: "user",
  kind: "update",
  schema: itemSchema(
    "user",
    { additionalRequired: { new_password: { type: "string" }, user_id: requiredIdSchema, authorization_token: { type: "string" } } },
    "user forget password confirm schema",
  ),
  skipArchivedMeetingCheck: true,
  checkPermissions: () => undefined,
  // The instance has no id until the token is checked: its id is the payload's user_id.
  instances: (_ctx, data) => data.map((item) => ({ ...item, id: item.user_id })),
  instancesAreOriginal: true,
  updateInstance: setForgottenPassword,
});
