// Rules shared by the user.* actions (upstream user_mixins.py, password_mixins.py,
// send_email_mixin.EmailCheckMixin, util/crypto.py): usernames, the user limit, genders,
// passwords, the meeting fields that go to meeting_user.set_data, the last-admin check.
import { randomInt } from "node:crypto";
import { hashPassword } from "../../auth/passwords.js";
import type { Filter } from "../../db/types.js";
import { ActionError, PermissionDeniedError, pythonList } from "../errors.js";
import { idListSchema, optionalIdSchema } from "../framework/schemas.js";
import type { ActionContext, Instance, JsonSchema } from "../framework/types.js";
import { decimalSchema } from "../validation/schemas.js";
import { checkEmailField } from "./email-rules.js";

/** Meeting-specific fields user.create / user.update accept and hand to meeting_user.set_data. */
export const MEETING_USER_TRANSFER_FIELDS: Record<string, JsonSchema> = {
  comment: { type: "string" },
  number: { type: "string" },
  about_me: { type: "string" },
  vote_weight: decimalSchema,
  structure_level_ids: idListSchema,
  vote_delegated_to_id: optionalIdSchema,
  vote_delegations_from_ids: idListSchema,
  group_ids: idListSchema,
  locked_out: { type: "boolean" },
};

export const PASSWORD_CHARS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPRSTUVWXYZ23456789";

/** Upstream get_random_password: 10 easily told apart characters. */
export function randomPassword(length = 10): string {
  let result = "";
  for (let i = 0; i < length; i++) result += PASSWORD_CHARS[randomInt(PASSWORD_CHARS.length)];
  return result;
}

export function assertNotAnonymous(ctx: ActionContext): void {
  if (ctx.userId === 0) throw new PermissionDeniedError(`Anonymous is not allowed to execute ${ctx.action.name}`);
}

/** Upstream UserMixin.validate_instance. */
export function checkMeetingIdForMeetingFields(item: Instance): void {
  if (!("meeting_id" in item) && Object.keys(item).some((key) => key in MEETING_USER_TRANSFER_FIELDS)) {
    throw new ActionError("Missing meeting_id in instance, because meeting related fields used");
  }
}

export function stripUserFields(instance: Instance): void {
  for (const field of ["username", "first_name", "last_name", "email", "saml_id"]) {
    if (typeof instance[field] === "string" && instance[field]) instance[field] = (instance[field] as string).trim();
  }
}

export function checkUserEmail(instance: Instance): void {
  checkEmailField(instance, "email");
}

/** Upstream UserMixin.update_instance: an empty saml_id / member_number is refused. */
export function checkForbiddenEmptyValues(instance: Instance): void {
  if ("saml_id" in instance && !instance.saml_id) throw new ActionError("This saml_id is forbidden.");
  if (instance.member_number !== undefined && instance.member_number !== null && !instance.member_number) {
    throw new ActionError("This member_number is forbidden.");
  }
}

/** Python's \W removed: the username a user gets from first and last name. */
export function usernameBase(instance: Instance): string {
  return `${String(instance.first_name ?? "")}${String(instance.last_name ?? "")}`.replace(/[^\p{L}\p{N}\p{Mn}_]/gu, "");
}

/** Upstream generate_usernames: appends 1, 2, ... until the name is free (also within the request). */
export async function uniqueUsername(ctx: ActionContext, base: string): Promise<string> {
  let username = base;
  let count = 0;
  for (;;) {
    const taken = await ctx.db.filter("user", { field: "username", operator: "=", value: username }, ["id"]);
    if (taken.size === 0) return username;
    count += 1;
    username = `${base}${count}`;
  }
}

/** Upstream LimitOfUserMixin.check_limit_of_user. */
export async function checkLimitOfUsers(ctx: ActionContext, number: number): Promise<void> {
  const organization = await ctx.db.get("organization/1", ["limit_of_users"]);
  const limit = Number(organization.limit_of_users ?? 0);
  if (!limit) return;
  const active = await ctx.db.count("user", { field: "is_active", operator: "=", value: true });
  if (number + active > limit) throw new ActionError("The number of active users cannot exceed the limit of users.");
}

/** Upstream check_gender_exists (the read raises "Model 'gender/<id>' does not exist."). */
export async function checkGenderExists(ctx: ActionContext, instance: Instance): Promise<void> {
  if (instance.gender_id) await ctx.db.get(`gender/${Number(instance.gender_id)}`, ["id", "name"]);
}

export function ssoNoPasswordError(samlId: unknown): ActionError {
  return new ActionError(`user ${String(samlId)} is a Single Sign On user and has no local OpenSlides password.`);
}

export function ssoNoLocalPasswordError(samlId: unknown): ActionError {
  return new ActionError(
    `user ${String(samlId)} is a Single Sign On user and may not set the local default_passwort or the right to change it locally.`,
  );
}

const hashesAhead = new WeakMap<ActionContext, Map<string, Promise<string>>>();

/**
 * Starts hashing passwords that setPassword will need later in this action, so that a request
 * creating many users hashes them in parallel (within the hashing queue's bound) instead of one
 * after the other.
 */
export function hashAhead(ctx: ActionContext, passwords: string[]): void {
  let ahead = hashesAhead.get(ctx);
  if (!ahead) hashesAhead.set(ctx, (ahead = new Map()));
  for (const password of passwords) {
    if (ahead.has(password)) continue;
    const hash = hashPassword(password);
    hash.catch(() => undefined); // awaited (and reported) by setPassword
    ahead.set(password, hash);
  }
}

function hashOf(ctx: ActionContext, password: string): Promise<string> {
  return hashesAhead.get(ctx)?.get(password) ?? hashPassword(password);
}

/**
 * Upstream SetPasswordMixin.set_password: refused for SSO users; the plain instance.password is
 * replaced by its hash and, with set_as_default, kept as default_password.
 */
export async function setPassword(ctx: ActionContext, instance: Instance, isNew = false): Promise<void> {
  const user = isNew ? instance : await ctx.db.get(`user/${Number(instance.id)}`, ["saml_id"]);
  if (user.saml_id) throw ssoNoPasswordError(user.saml_id);
  const password = String(instance.password ?? "");
  instance.password = await hashOf(ctx, password);
  const asDefault = instance.set_as_default;
  delete instance.set_as_default;
  if (asDefault) instance.default_password = password;
}

/** Splits the meeting fields (and meeting_id) off a user instance; undefined when there are none. */
export function takeMeetingUserData(instance: Instance): Instance | undefined {
  const meetingId = instance.meeting_id;
  delete instance.meeting_id;
  const data: Instance = {};
  for (const field of Object.keys(MEETING_USER_TRANSFER_FIELDS)) {
    if (field in instance) {
      data[field] = instance[field];
      delete instance[field];
    }
  }
  if (Object.keys(data).length === 0) return undefined;
  return { ...data, meeting_id: meetingId ?? null, user_id: instance.id };
}

/**
 * Upstream AdminIntegrityCheckMixin.check_admin_group_integrity: an admin group whose members
 * all match the filter (and which is not added back) would lose its last admin.
 */
export async function checkAdminGroupIntegrity(ctx: ActionContext, meetingUserFilter: Filter, adminGroupIds: number[], addedGroups: Set<number> = new Set()): Promise<void> {
  const meetingUsers = await ctx.db.filter("meeting_user", meetingUserFilter, ["group_ids", "user_id"]);
  const groups = await ctx.db.getMany("group", adminGroupIds, ["meeting_user_ids", "admin_group_for_meeting_id"]);
  const broken: string[] = [];
  for (const [id, group] of groups) {
    if (addedGroups.has(id)) continue;
    const members = (group.meeting_user_ids as number[] | undefined) ?? [];
    if (members.length > 0 && members.every((member) => meetingUsers.has(member))) broken.push(String(group.admin_group_for_meeting_id));
  }
  if (broken.length > 0) throw new ActionError(`Cannot remove last admin from meeting(s) ${broken.sort().join(", ")}`);
}

/** The meetings' admin groups, templates left out (upstream get_meeting_data_from_meeting_ids + filter_templates). */
export async function adminGroupsOfNonTemplateMeetings(ctx: ActionContext, meetingIds: number[]): Promise<{ meetingIds: number[]; adminGroupIds: number[] }> {
  const meetings = await ctx.db.getMany("meeting", meetingIds, ["admin_group_id", "template_for_organization_id"]);
  const kept = [...meetings].filter(([, meeting]) => !meeting.template_for_organization_id);
  return {
    meetingIds: kept.map(([id]) => id),
    adminGroupIds: [...meetings.values()].map((meeting) => meeting.admin_group_id as number | undefined).filter((id): id is number => Boolean(id)),
  };
}

/** Python's repr of a set of strings (insertion order; upstream's order is hash-dependent). */
export function pythonStringSet(values: string[]): string {
  return `{${pythonList(values).slice(1, -1)}}`;
}

/**
 * Upstream CheckForArchivedMeetingMixin (the user actions' variant): meeting_id and
 * is_present_in_meeting_ids must name active meetings. Top-level calls only.
 */
export async function checkArchivedMeetingsOfItem(ctx: ActionContext, item: Instance): Promise<void> {
  if (ctx.isSubAction) return;
  const meetingIds = new Set<number>();
  if (typeof item.meeting_id === "number") meetingIds.add(item.meeting_id);
  for (const id of (item.is_present_in_meeting_ids as number[] | undefined) ?? []) meetingIds.add(id);
  if (meetingIds.size === 0) return;
  const meetings = await ctx.db.getMany("meeting", [...meetingIds], ["is_active_in_organization_id"]);
  const archived = [...meetings].filter(([, meeting]) => !meeting.is_active_in_organization_id).map(([id]) => String(id));
  if (archived.length > 0) throw new ActionError(`Meetings ${archived.join(", ")} cannot be changed, because they are archived.`);
}

function isFalsy(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === 0 || value === "" || (Array.isArray(value) && value.length === 0);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Upstream UpdateHistoryMixin: what changed compared to the stored user. */
export async function userUpdateHistory(ctx: ActionContext): Promise<Record<string, string[]>> {
  const information: Record<string, string[]> = {};
  for (const given of ctx.instances) {
    const instance = structuredClone(given);
    const fqid = `user/${Number(instance.id)}`;
    const stored = await ctx.db.get(fqid, Object.keys(instance), { useChanges: false, optional: true });
    if (Object.keys(stored).length === 0) continue;
    for (const field of Object.keys(instance)) {
      if (field !== "id" && (sameValue(instance[field], stored[field]) || (isFalsy(instance[field]) && !(field in stored)))) delete instance[field];
    }
    const entries: string[] = [];
    if (["title", "first_name", "last_name", "email", "username", "default_vote_weight"].some((field) => field in instance)) entries.push("Personal data changed");
    if ("organization_management_level" in instance) entries.push("Organization Management Level changed");
    if ("committee_management_ids" in instance) entries.push("Committee management changed");
    if ("is_active" in instance) entries.push(instance.is_active ? "Set active" : "Set inactive");
    if (entries.length > 0) information[fqid] = entries;
  }
  return information;
}

/** The account fields of user.create and user.update payloads, in upstream's order. */
export const USER_ACCOUNT_FIELDS = [
  "title",
  "username",
  "pronoun",
  "first_name",
  "last_name",
  "is_active",
  "is_physical_person",
  "default_password",
  "can_change_own_password",
  "gender_id",
  "email",
  "default_vote_weight",
  "organization_management_level",
  "committee_management_ids",
  "is_demo_user",
  "saml_id",
  "member_number",
  "external",
  "home_committee_id",
];
