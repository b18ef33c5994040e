// user.forget_password (anyone, also anonymous): mails every user whose e-mail equals the given
// one (case-insensitive) a link with a 10-minute reset token and sets their last_email_sent.
// Unknown address: silent success (the mail server is still contacted, as upstream); SSO users
// and connection failures: error.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { emailSettings, formatTemplate, isValidEmail, MailError, openMailConnection, type MailConnection } from "../../shared/mail.js";
import { createPasswordResetToken } from "../../shared/password-reset-tokens.js";
import { nowTimestamp } from "../../shared/clock.js";
import { translate } from "../../shared/translations.js";
import { requestLanguage } from "../../framework/request.js";

const SUBJECT = "Reset your OpenSlides password";
const BODY = `You are receiving this email because you have requested a new password for your OpenSlides account.

Please open the following link and choose a new password:
{url}/login/forget-password-confirm?user_id={user_id}&token={token}

The link will be valid for 10 minutes.`;

const IMPROPER_CONFIGURATION = "The server was configured improperly. Please contact your administrator.";

/** Python's urllib.parse.quote (safe "/"). */
function quote(value: string): string {
  return encodeURIComponent(value).replace(/%2F/g, "/").replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

async function mailEveryOwner(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const updates: Instance[] = [];
  const settings = emailSettings();
  for (const item of data) {
    const email = String(item.email);
    if (!isValidEmail(settings.defaultFromEmail)) throw new ActionError(IMPROPER_CONFIGURATION);
    if (!isValidEmail(email)) throw new ActionError(`'${email}' is not a valid email adress.`);
    const users = await ctx.db.filter("user", { field: "email", operator: "~=", value: email }, ["id", "username", "saml_id", "email", "password"]);
    const organization = await ctx.db.get("organization/1", ["url"]);
    const url = String(organization.url ?? "");
    const language = await requestLanguage(ctx.request);
    let connection: MailConnection | undefined;
    try {
      connection = await openMailConnection(settings);
      for (const user of users.values()) {
        if (user.saml_id) {
          throw new ActionError(`user ${String(user.saml_id)} is a Single Sign On user and has no local OpenSlides password.`);
        }
        const token = quote(
          await createPasswordResetToken({ id: Number(user.id), email: String(user.email), passwordHash: String(user.password ?? "") }),
        );
        const text = formatTemplate(translate(BODY, language), { user_id: user.id, token, username: user.username, url });
        try {
          await connection.send({ from: { address: settings.defaultFromEmail }, to: String(user.email), subject: `${translate(SUBJECT, language)}: ${String(user.username)}`, text });
        } catch (error) {
          // upstream send_email_safe: an SMTP error of one mail is logged, that user is skipped.
          if (error instanceof MailError && error.kind !== "Exception" && error.kind !== "ConnectionRefusedError" && error.kind !== "SSLCertVerificationError") {
            continue;
          }
          throw error;
        }
        updates.push({ id: user.id, last_email_sent: nowTimestamp() });
      }
    } catch (error) {
      if (error instanceof ActionError) throw error;
      throw new ActionError(IMPROPER_CONFIGURATION);
    } finally {
      connection?.close();
    }
  }
  return updates;
}

export default defineAction({
  name: "user.forget_password",
  collection: "user",
  kind: "update",
  schema: itemSchema("user", { additionalRequired: { email: { type: "string" } } }, "user forget password schema"),
  skipArchivedMeetingCheck: true,
  checkPermissions: () => undefined,
  instances: mailEveryOwner,
});
