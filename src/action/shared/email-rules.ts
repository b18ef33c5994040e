// upstream's e-mail checks (send_email_mixin): address syntax and forbidden sender characters.
import { ActionError } from "../errors.js";
import type { Instance } from "../framework/types.js";

const EMAIL_PATTERN = /^[A-Z0-9._+\-ÄÖÜ]+@[A-Z0-9.\-ÄÖÜ]+\.[A-ZÄÖÜ]{2,}$/i;
const SENDER_FORBIDDEN = ["[", "]", "\\"];

export function isValidEmail(email: string): boolean {
  return EMAIL_PATTERN.test(email);
}

/** A non-empty e-mail field is trimmed and must look like an address. */
export function checkEmailField(instance: Instance, field: string): void {
  if (!instance[field]) return;
  instance[field] = String(instance[field]).trim();
  if (!isValidEmail(instance[field] as string)) throw new ActionError(`${field} must be valid email.`);
}

export function checkEmailSender(instance: Instance, field = "users_email_sender"): void {
  const sender = instance[field];
  if (typeof sender === "string" && SENDER_FORBIDDEN.some((character) => sender.includes(character))) {
    throw new ActionError(`${field} must not contain '${SENDER_FORBIDDEN.join("', '")}'.`);
  }
}
