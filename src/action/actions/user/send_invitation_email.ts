// user.send_invitation_email: mails each user the access data from the meeting's (or, without
// meeting_id, the organization's) users_email_* templates and sets last_email_sent. Failures are
// reported per item in the results ({sent, message, type, ...}), never raised; schema and
// permission checks run per item inside the action for that reason.
import { DatabaseError } from "../../../db/types.js";
import {
  findMeetingUser,
  hasOrganizationManagementLevel,
  hasPerm,
  isCommitteeManager,
  MissingPermissionError,
} from "../../../permissions/index.js";
import { PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { optionalIdSchema, updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { compileValidator } from "../../framework/validation.js";
import {
  emailSettings,
  formatTemplate,
  isValidEmail,
  MailError,
  openMailConnection,
  type Mailbox,
  SENDER_NAME_FORBIDDEN_CHARS,
  type MailConnection,
} from "../../shared/mail.js";
import { nowTimestamp } from "../../shared/clock.js";

type ErrorType = "user_error" | "settings_error" | "configuration_error" | "other_error";

interface MailResult {
  sent: boolean;
  recipient_user_id?: unknown;
  recipient_meeting_id?: unknown;
  recipient?: string;
  message?: string;
  type?: ErrorType;
}

const ACTION_NAME = "user.send_invitation_email";
const SCHEMA = updateSchema("user", { additionalOptional: { meeting_id: optionalIdSchema } });
const validateItem = compileValidator(SCHEMA);

/** Ends the handling of one item with a result that is not sent. */
class ItemFailure extends Error {
  constructor(
    message: string,
    readonly type?: ErrorType,
  ) {
    super(message);
  }
}

function initialResult(item: Instance): MailResult {
  return { sent: false, recipient_user_id: item.id ?? null, recipient_meeting_id: item.meeting_id ?? null };
}

function verboseName(user: Instance): string {
  const first = String(user.first_name ?? "").trim();
  const last = String(user.last_name ?? "").trim();
  let name = first && last ? `${first} ${last}` : first || last || String(user.username ?? "");
  const title = String(user.title ?? "").trim();
  if (title) name = `${title} ${name}`;
  return name;
}

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  if (ctx.internal) return;
  const meetingId = item.meeting_id ? Number(item.meeting_id) : undefined;
  if (meetingId) {
    if (await hasPerm(ctx.db, ctx.userId, "user.can_update", meetingId)) return;
    throw MissingPermissionError.single("user.can_update");
  }
  if (await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_users")) return;
  const user = await ctx.db.get(`user/${Number(item.id)}`, ["committee_ids"]);
  const committeeIds = ((user.committee_ids as number[] | undefined) ?? []).map(Number);
  for (const committeeId of committeeIds) {
    if (await isCommitteeManager(ctx.db, ctx.userId, committeeId)) return;
  }
  throw MissingPermissionError.anyOf([
    ["can_manage_users", 1],
    ["can_manage", committeeIds],
  ]);
}

async function checkArchived(ctx: ActionContext, meetingId: number): Promise<void> {
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["is_active_in_organization_id", "name"]);
  if (!meeting.is_active_in_organization_id) {
    throw new Error(`Meeting ${String(meeting.name ?? "")}/${meetingId} cannot be changed, because it is archived.`);
  }
}

async function templateSource(ctx: ActionContext, meetingId: number | undefined): Promise<Instance> {
  const fields = ["name", "users_email_sender", "users_email_replyto", "users_email_subject", "users_email_body"];
  if (!meetingId) return ctx.db.get("organization/1", [...fields, "url"]);
  const meeting = await ctx.db.get(`meeting/${meetingId}`, fields);
  const organization = await ctx.db.get("organization/1", ["url"]);
  return { ...meeting, url: organization.url ?? "" };
}

/** One item: the checks, then the mail; returns the sent result (failures are thrown). */
async function sendOne(ctx: ActionContext, connection: MailConnection, item: Instance, defaultFrom: string): Promise<MailResult> {
  const schemaError = validateItem(item);
  if (schemaError) throw new ItemFailure(`JsonSchema: ${schemaError}`, "other_error");
  const userId = Number(item.id);
  const meetingId = item.meeting_id ? Number(item.meeting_id) : undefined;
  if (meetingId) await checkArchived(ctx, meetingId);
  await checkPermissions(ctx, item);

  const user = await ctx.db.get(`user/${userId}`, ["meeting_ids", "email", "username", "last_name", "first_name", "title", "default_password"]);
  const username = String(user.username ?? "");
  const to = typeof user.email === "string" ? user.email : "";
  if (!to) throw new ItemFailure(`'${username}' has no email address.`, "user_error");
  if (!isValidEmail(to)) throw new ItemFailure(`'${username}' has no valid email address.`, "user_error");
  const result: MailResult = { ...initialResult(item), recipient: to };
  const fail = (message: string, type: ErrorType) => Object.assign(new ItemFailure(message, type), { partial: result });
  if (meetingId && !((user.meeting_ids as number[] | undefined) ?? []).includes(meetingId)) {
    throw fail(`'${username}' does not belong to meeting/${meetingId}.`, "user_error");
  }

  const source = await templateSource(ctx, meetingId);
  const from: Mailbox = { address: defaultFrom };
  const senderName = String(source.users_email_sender ?? "").trim();
  if (senderName) {
    if (SENDER_NAME_FORBIDDEN_CHARS.some((character) => senderName.includes(character))) {
      throw fail(
        `Invalid characters in the sender name configuration of meeting '${String(source.name ?? "")}', forbidden characters: '${SENDER_NAME_FORBIDDEN_CHARS.join("', '")}'.`,
        "settings_error",
      );
    }
    from.name = senderName;
  }
  const replyTo = String(source.users_email_replyto ?? "");
  if (replyTo && !isValidEmail(replyTo)) throw fail(`The given reply_to address '${replyTo}' is not valid.`, "settings_error");

  const subjectValues: Record<string, unknown> = {
    event_name: source.name ?? "",
    name: verboseName(user),
    username,
    title: user.title ?? "",
    first_name: user.first_name ?? "",
    last_name: user.last_name ?? "",
  };
  if (meetingId) {
    const meetingUser = await findMeetingUser(ctx.db, meetingId, userId, ["structure_level_ids", "group_ids"]);
    for (const collection of ["group", "structure_level"]) {
      const ids = ((meetingUser?.[`${collection}_ids`] as number[] | undefined) ?? []).map(Number);
      const models = ids.length > 0 ? await ctx.db.getMany(collection, ids, ["name"]) : new Map<number, Instance>();
      subjectValues[`${collection}s`] = ids.filter((id) => models.has(id)).map((id) => String(models.get(id)!.name ?? "")).join(", ");
    }
  }
  const bodyValues = { password: user.default_password ?? "", url: source.url ?? "", ...subjectValues };
  await connection.send({
    from,
    to,
    subject: formatTemplate(String(source.users_email_subject ?? ""), subjectValues),
    text: formatTemplate(String(source.users_email_body ?? ""), bodyValues),
    replyTo,
  });
  return { ...result, sent: true };
}

/** The result of a failed item, as upstream's exception branches word it. */
function failedResult(item: Instance, error: unknown): MailResult {
  const result: MailResult = { ...initialResult(item), ...((error as { partial?: MailResult } | undefined)?.partial ?? {}) };
  if (error instanceof ItemFailure) {
    result.message = error.message;
    if (error.type) result.type = error.type;
  } else if (error instanceof MailError && ["SMTPRecipientsRefused", "SMTPDataError", "SMTPServerDisconnected"].includes(error.kind)) {
    result.message = error.kind === "SMTPServerDisconnected" ? `${error.describe()} during transmission` : error.describe();
    result.type = "configuration_error";
  } else if (error instanceof DatabaseError) {
    result.message = `DatabaseException: ${error.message}`;
    result.type = "other_error";
  } else if (error instanceof MissingPermissionError || error instanceof PermissionDeniedError) {
    result.message = error.message;
    result.type = "user_error";
  } else {
    result.message = `Exception: ${error instanceof Error ? error.message : String(error)}`;
  }
  return result;
}

/** All items over one connection; the instances carry their result and, when sent, the new last_email_sent. */
async function sendAll(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const settings = emailSettings();
  const outcome: Instance[] = [];
  if (!isValidEmail(settings.defaultFromEmail)) {
    const result = { sent: false, message: `email ${settings.defaultFromEmail} is not a valid sender email address.`, type: "configuration_error" };
    return [{ result }];
  }
  let global: MailResult | undefined;
  let connection: MailConnection | undefined;
  try {
    connection = await openMailConnection(settings);
    for (const [index, item] of data.entries()) {
      let result: MailResult;
      try {
        result = await sendOne(ctx, connection, item, settings.defaultFromEmail);
      } catch (error) {
        if (error instanceof MailError && (error.kind === "SMTPSenderRefused" || error.kind === "SMTPAuthenticationError")) throw error;
        result = failedResult(item, error);
      }
      if (result.sent) {
        outcome.push({ id: Number(item.id), last_email_sent: nowTimestamp(), result });
      } else {
        result.message = `${result.message ?? ""} Mail ${index + 1} from ${data.length}`;
        outcome.push({ result });
      }
    }
  } catch (error) {
    const mailError = error instanceof MailError ? error : undefined;
    if (mailError && mailError.kind !== "Exception" && mailError.kind !== "SMTPServerDisconnected") {
      global = { sent: false, message: mailError.describe(), type: "configuration_error" } as MailResult;
    } else {
      const text = error instanceof Error ? error.message : String(error);
      global = {
        sent: false,
        message: `Unspecified mail connection exception on sending invitation email to server ${settings.host}, port ${settings.port}: ${text}`,
        type: "configuration_error",
      };
    }
  } finally {
    connection?.close();
  }
  if (global) outcome.push({ result: global });
  return outcome;
}

export default defineAction({
  name: ACTION_NAME,
  collection: "user",
  kind: "custom",
  // Upstream validates each item inside the action and reports schema errors as results.
  schema: { $schema: SCHEMA.$schema, title: SCHEMA.title, description: SCHEMA.description, type: "object" },
  skipArchivedMeetingCheck: true,
  checkPermissions: () => undefined,
  instances: sendAll,
  instancesAreOriginal: true,
  createEvents: (_ctx, instance) =>
    instance.last_email_sent === undefined ? [] : [{ type: "update", fqid: `user/${Number(instance.id)}`, fields: { last_email_sent: instance.last_email_sent } }],
  result: (_ctx, instance) => instance.result as Record<string, unknown>,
});
