// Rules shared by the motion actions (upstream motion/mixins.py, set_number_mixin.py,
// payload_validation_mixin.py): submitter checks, the number rule, workflow timestamps, the text
// hash with identical motions, amendment paragraph sanitising and the payload integrity checks.
import { createHash } from "node:crypto";
import { decodeHTML } from "entities";
import type { Filter } from "../../db/types.js";
import { ActionError } from "../errors.js";
import { fqidOf } from "../framework/fqid.js";
import type { ActionContext, Instance } from "../framework/types.js";
import { sanitizeHtmlOffThread } from "../html-off-thread.js";
import { replaceHtmlComments, replaceHtmlTags } from "../../text/html-scan.js";
import { lockNumbering, type NumberingView } from "./numbering.js";
import { nowTimestamp } from "./clock.js";

/** Python's str() of an aware UTC datetime given in unix seconds: "2009-02-13 23:31:30+00:00". */
export function pythonUtcDatetime(seconds: number): string {
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace("T", " ")}+00:00`;
}

/** Python's truthiness of a payload value (upstream's `if instance.get(...)`). */
export const truthy = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== "" && value !== false && value !== 0 && !(typeof value === "object" && Object.keys(value as object).length === 0);

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

/** Whether the caller is one of the motion's submitters (through one of its meeting users). */
export async function isSubmitter(ctx: ActionContext, submitterIds: unknown): Promise<boolean> {
  const submitters = ids(submitterIds);
  if (submitters.length === 0) return false;
  const user = await ctx.db.get(fqidOf("user", ctx.userId), ["meeting_user_ids"], { optional: true });
  const own = new Set(ids(user.meeting_user_ids));
  const models = await ctx.db.getMany("motion_submitter", submitters, ["meeting_user_id"]);
  return [...models.values()].some((submitter) => own.has(submitter.meeting_user_id as number));
}

/** Submitter of the motion while its state has allow_submitter_edit. */
export async function isAllowedAndSubmitter(ctx: ActionContext, submitterIds: unknown, stateId: number): Promise<boolean> {
  if (ids(submitterIds).length === 0) return false;
  const state = await ctx.db.get(fqidOf("motion_state", stateId), ["allow_submitter_edit"]);
  if (!state.allow_submitter_edit) return false;
  return isSubmitter(ctx, submitterIds);
}

/** workflow_timestamp := timestamp if the instance's (new) state has set_workflow_timestamp. */
export async function setWorkflowTimestamp(ctx: ActionContext, instance: Instance, timestamp: number): Promise<void> {
  const state = await ctx.db.get(fqidOf("motion_state", Number(instance.state_id)), ["set_workflow_timestamp"]);
  if (state.set_workflow_timestamp) instance.workflow_timestamp = timestamp;
}

// ---------------------------------------------------------------- number rule

/** `reader`: where to look, by default the request's view (numbering.ts: also the committed state). */
export async function isNumberUnique(
  ctx: ActionContext,
  number: string,
  meetingId: number,
  ownId: number | undefined,
  otherForbidden: string[] = [],
  reader: Pick<NumberingView, "exists"> = ctx.db,
): Promise<boolean> {
  if (otherForbidden.includes(number)) return false;
  const conditions: Filter[] = [
    { field: "meeting_id", operator: "=", value: meetingId },
    { field: "number", operator: "=", value: number },
  ];
  if (ownId) conditions.push({ field: "id", operator: "!=", value: ownId });
  return !(await reader.exists("motion", { and_filter: conditions }));
}

export interface NumberContext {
  meetingId: number;
  stateId: number;
  leadMotionId?: number | null;
  categoryId?: number | null;
  existingNumber?: string | null;
  existingNumberValue?: number | null;
}

/**
 * Upstream's set_number: a given number must be unique; an existing number is kept; otherwise,
 * unless numbering is manual or the state has no set_number, number = prefix + zero-padded value.
 */
export async function setNumber(ctx: ActionContext, instance: Instance, info: NumberContext): Promise<void> {
  const ownId = instance.id as number | undefined;
  if (instance.number !== undefined && instance.number !== null) {
    if (!(await isNumberUnique(ctx, String(instance.number), info.meetingId, ownId))) throw new ActionError("Number is not unique.");
    return;
  }
  if (info.existingNumber) return;
  const meeting = await ctx.db.get(fqidOf("meeting", info.meetingId), [
    "motions_number_type",
    "motions_number_min_digits",
    "motions_number_with_blank",
    "motions_amendments_prefix",
  ]);
  if (meeting.motions_number_type === "manually") return;
  const state = await ctx.db.get(fqidOf("motion_state", info.stateId), ["set_number"]);
  if (!state.set_number) return;
  // From here to the commit, concurrent numbering in this meeting waits (see numbering.ts).
  const numbering = await lockNumbering(ctx, "motion.number", info.meetingId);

  const blank = meeting.motions_number_with_blank ? " " : "";
  let prefix = "";
  if (info.leadMotionId) {
    const lead = await ctx.db.get(fqidOf("motion", info.leadMotionId), ["number"]);
    prefix = `${String(lead.number ?? "")}${blank}${String(meeting.motions_amendments_prefix ?? "")}`;
  } else if (info.categoryId) {
    const category = await ctx.db.get(fqidOf("motion_category", info.categoryId), ["prefix"]);
    if (category.prefix) prefix = `${String(category.prefix)}${blank}`;
  }

  let value: number;
  if (info.existingNumberValue) {
    value = info.existingNumberValue;
  } else {
    let filter: Filter;
    if (info.leadMotionId) {
      filter = { field: "lead_motion_id", operator: "=", value: info.leadMotionId };
    } else if (meeting.motions_number_type === "per_category") {
      filter = {
        and_filter: [
          { field: "category_id", operator: "=", value: info.categoryId ?? null },
          { field: "meeting_id", operator: "=", value: info.meetingId },
        ],
      };
    } else {
      filter = {
        and_filter: [
          { field: "meeting_id", operator: "=", value: info.meetingId },
          { field: "lead_motion_id", operator: "=", value: null },
        ],
      };
    }
    const max = await numbering.max("motion", filter, "number_value");
    value = typeof max === "number" ? max + 1 : 1;
  }
  const digits = typeof meeting.motions_number_min_digits === "number" ? meeting.motions_number_min_digits : 0;
  const format = (n: number) => `${prefix}${String(n).padStart(digits, "0")}`;
  let number = format(value);
  while (!(await isNumberUnique(ctx, number, info.meetingId, ownId, [], numbering))) number = format(++value);
  instance.number = number;
  instance.number_value = value;
}

// ---------------------------------------------------------------- text hash

/** BeautifulSoup's get_text: the text nodes of the HTML, entities decoded, comments dropped. */
export function textFromHtml(html: string): string {
  if (!html) return "";
  const withoutComments = replaceHtmlComments(html, "", true);
  return decodeHTML(replaceHtmlTags(withoutComments, "", isTagOrEndTag));
}

/** `<` then a letter, or `</`: what /<\/?[a-zA-Z][^>]*>|<\/[^>]*>/ would start a match with. */
function isTagOrEndTag(html: string, at: number): boolean {
  const next = html.charCodeAt(at + 1);
  return next === 0x2f || isAsciiLetter(next);
}

const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Python json.dumps(sort_keys=True) of a flat {string: string} object (ASCII only, ", " and ": "). */
function pythonJsonDumps(object: Record<string, string>): string {
  const quote = (text: string) =>
    JSON.stringify(text).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${quote(key)}: ${quote(object[key]!)}`).join(", ")}}`;
}

export function motionTextHash(motion: Instance): string | undefined {
  let text: string;
  if (typeof motion.text === "string" && motion.text) {
    text = textFromHtml(motion.text);
  } else if (motion.amendment_paragraphs && typeof motion.amendment_paragraphs === "object" && Object.keys(motion.amendment_paragraphs).length > 0) {
    const paragraphs = motion.amendment_paragraphs as Record<string, string>;
    text = pythonJsonDumps(Object.fromEntries(Object.entries(paragraphs).map(([key, html]) => [key, textFromHtml(html)])));
  } else {
    return undefined;
  }
  return createHash("md5").update(text, "utf8").digest("hex");
}

/** text_hash and identical_motion_ids (same hash, meeting and lead motion) when the instance has a text. */
export async function setTextHash(ctx: ActionContext, instance: Instance, meetingId: number, leadMotionId: number | null | undefined): Promise<void> {
  const hash = motionTextHash(instance);
  if (!hash) return;
  instance.text_hash = hash;
  const found = await ctx.db.filter(
    "motion",
    {
      and_filter: [
        { field: "text_hash", operator: "=", value: hash },
        { field: "meeting_id", operator: "=", value: meetingId },
        { field: "lead_motion_id", operator: "=", value: leadMotionId ?? null },
      ],
    },
    ["id"],
  );
  instance.identical_motion_ids = [...found.keys()].filter((id) => id !== instance.id);
}

/** Each amendment paragraph is HTML of the strict kind (long ones sanitised off the event loop). */
export async function sanitizeAmendmentParagraphs(instance: Instance): Promise<void> {
  const paragraphs = instance.amendment_paragraphs as Record<string, string>;
  const sanitized: Record<string, string> = {};
  for (const [key, html] of Object.entries(paragraphs)) sanitized[key] = await sanitizeHtmlOffThread(html, "strict");
  instance.amendment_paragraphs = sanitized;
}

// ---------------------------------------------------------------- payload checks

const EXTENSION_REFERENCE = /\[([a-z](?:[a-z_]+[a-z])?\/[1-9][0-9]*)\]/g;

export function extensionReferences(text: string): string[] {
  return [...text.matchAll(EXTENSION_REFERENCE)].map((match) => match[1]!);
}

export async function reasonRequired(ctx: ActionContext, meetingId: number): Promise<boolean> {
  const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["motions_reason_required"]);
  return Boolean(meeting.motions_reason_required);
}

/** Checks for create and update: a given number must be unique, extensions may only reference motions. */
export async function commonPayloadErrors(ctx: ActionContext, instance: Instance, meetingId: number): Promise<string[]> {
  const errors: string[] = [];
  if (instance.number !== undefined && instance.number !== null) {
    if (!(await isNumberUnique(ctx, String(instance.number), meetingId, instance.id as number | undefined))) errors.push("Number is not unique.");
  }
  for (const prefix of ["recommendation", "state"]) {
    const extension = instance[`${prefix}_extension`];
    if (typeof extension !== "string") continue;
    for (const fqid of extensionReferences(extension)) {
      if (!fqid.startsWith("motion/")) errors.push(`Found ${fqid} but only motion is allowed.`);
    }
  }
  return errors;
}

export const DIFF_VERSION_ERROR = "You can define a diff_version only for the lead motion";

// ---------------------------------------------------------------- state changes

/** The motion moves to instance.state_id: its number per the new state, last_modified; answers the time. */
export async function numberForNewState(ctx: ActionContext, instance: Instance, motion: Instance): Promise<number> {
  await setNumber(ctx, instance, {
    meetingId: Number(motion.meeting_id),
    stateId: Number(instance.state_id),
    leadMotionId: motion.lead_motion_id as number | undefined,
    categoryId: motion.category_id as number | undefined,
    existingNumber: motion.number as string | undefined,
    existingNumberValue: motion.number_value as number | undefined,
  });
  const timestamp = nowTimestamp();
  instance.last_modified = timestamp;
  return timestamp;
}

/**
 * The state change of set_state (and follow_recommendation): unless skipped, the new state must be
 * a next or previous state of the current one; then the number rule, last_modified and, while the
 * motion has none, the workflow timestamp.
 */
export async function changeMotionState(ctx: ActionContext, instance: Instance, skipGraphCheck: boolean): Promise<Instance> {
  const fqid = fqidOf("motion", Number(instance.id));
  const motion = await ctx.db.get(fqid, ["state_id", "meeting_id", "lead_motion_id", "category_id", "number", "number_value", "workflow_timestamp"]);
  const stateId = motion.state_id as number;
  if (!skipGraphCheck) {
    const state = await ctx.db.get(fqidOf("motion_state", stateId), ["next_state_ids", "previous_state_ids"]);
    const reachable = [...ids(state.next_state_ids), ...ids(state.previous_state_ids)];
    if (!reachable.includes(Number(instance.state_id))) {
      throw new ActionError(`State '${instance.state_id}' is not in next or previous states of the state '${stateId}'.`);
    }
  }
  const timestamp = await numberForNewState(ctx, instance, motion);
  if (!motion.workflow_timestamp) await setWorkflowTimestamp(ctx, instance, timestamp);
  return instance;
}

/** History "State set to {}" (or "Recommendation set to {}") with the state's fqid, per instance. */
export function stateHistory(ctx: ActionContext, field: string, verbose: string): Record<string, string[]> {
  return Object.fromEntries(
    ctx.instances.map((instance) => [fqidOf("motion", Number(instance.id)), [`${verbose} set to {}`, fqidOf("motion_state", Number(instance[field]))]]),
  );
}
