// user.save_saml_account (stack internal, called by the auth service): maps the IdP attributes
// through organization.saml_attr_mapping to user fields and creates (username from saml_id,
// no own password changes) or updates the user with that saml_id; a gender name is found or
// created; meeting mappers put the user into meetings (by external_id) with groups, structure
// levels (created when missing), number, comment, vote weight and presence. Result {user_id}.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fieldSchema } from "../../framework/schemas.js";
import { fieldMeta } from "../../framework/model-meta.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { coerceBoolean, validateModelFields } from "../../validation/fields.js";
import { schemaError } from "../../validation/validator.js";
import { checkEmailField } from "../../shared/email-rules.js";
import { uniqueUsername } from "../../shared/user-rules.js";
import { findMeetingUser } from "../../../permissions/index.js";

/** external (mapping key) -> model field */
const USER_FIELDS: Record<string, string> = {
  saml_id: "saml_id",
  title: "title",
  first_name: "first_name",
  last_name: "last_name",
  email: "email",
  gender: "gender_id",
  pronoun: "pronoun",
  is_active: "is_active",
  is_physical_person: "is_physical_person",
  member_number: "member_number",
};
const MEETING_USER_FIELDS = ["groups", "structure_levels", "number", "comment", "vote_weight", "present"];
const DECIMAL_PATTERN = /^-?(\d|[1-9]\d+)\.\d{6}$/;

type Mapping = Record<string, unknown>;
type MeetingMapper = { external_id?: string; name?: string; allow_update?: unknown; conditions?: Array<{ attribute?: string; condition?: string }>; mappings?: Record<string, any> };

async function loadMapping(ctx: ActionContext): Promise<Mapping> {
  const organization = await ctx.db.get("organization/1", ["saml_enabled", "saml_attr_mapping"]);
  if (!organization.saml_enabled) throw new ActionError("SingleSignOn is not enabled in OpenSlides configuration");
  const mapping = organization.saml_attr_mapping;
  if (!mapping || typeof mapping !== "object" || Array.isArray(mapping) || Object.keys(mapping).length === 0) {
    throw new ActionError("SingleSignOn field attributes are not configured in OpenSlides");
  }
  return mapping as Mapping;
}

function validatePayload(mapping: Mapping, item: Instance): void {
  const properties: Record<string, unknown> = {};
  for (const [modelField, payloadField] of Object.entries(mapping)) {
    if (!Object.values(USER_FIELDS).includes(modelField) || typeof payloadField !== "string") continue;
    const meta = fieldMeta("user", modelField);
    if (!meta) continue;
    const typeDef = fieldSchema(meta);
    properties[payloadField] = { oneOf: [typeDef, { type: "array", items: typeDef, minItems: modelField === "saml_id" ? 1 : 0 }] };
  }
  properties.gender = {
    oneOf: [
      { type: ["string", "null"], maxLength: 256 },
      { type: "array", items: { type: ["string", "null"], maxLength: 256 }, minItems: 0 },
    ],
  };
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "create saml account schema",
    type: "object",
    properties,
    required: [mapping.saml_id],
    additionalProperties: true,
  };
  const message = schemaError(schema, item);
  if (message) throw new ActionError(message);
}

/**
 * Conditions are patterns an administrator configures, run on values the identity provider sends:
 * values longer than this never match, so a pattern's cost stays bounded.
 */
const MAX_CONDITION_INPUT_LENGTH = 256;

function conditionPattern(condition: string): RegExp {
  try {
    return new RegExp(condition);
  } catch {
    throw new ActionError(`The SAML meeting mapper condition '${condition.slice(0, 100)}' is not a valid regular expression.`);
  }
}

function mapperMatches(payload: Instance, mapper: MeetingMapper): boolean {
  if (!mapper.external_id) return false;
  const conditions = mapper.conditions ?? [];
  return conditions.every((condition) => {
    if (!condition.condition) return true;
    const pattern = conditionPattern(condition.condition);
    const matches = (value: unknown): boolean => {
      const text = String(value);
      return text.length <= MAX_CONDITION_INPUT_LENGTH && pattern.test(text);
    };
    const values = payload[condition.attribute ?? ""];
    if (!values) return false;
    return Array.isArray(values) ? values.some(matches) : matches(values);
  });
}

function fieldData(payload: Instance, previous: Record<string, unknown>, mapper: MeetingMapper): Record<string, unknown> {
  const output: Record<string, unknown> = {};
  const mappings = mapper.mappings ?? {};
  for (const field of MEETING_USER_FIELDS) {
    let result: unknown = previous[field] ?? "";
    const defaults: Array<{ attribute?: string; default?: string }> = ["groups", "structure_levels"].includes(field) ? (mappings[field] ?? []) : [mappings[field] ?? {}];
    for (const attrDefault of defaults) {
      const attribute = attrDefault.attribute ?? "";
      let value: any = payload[attribute];
      if (field === "number") {
        if (value) result = value;
      } else if (!value) {
        value = attrDefault.default;
      }
      if (!value) continue;
      if (field === "groups" || field === "structure_levels") {
        const set = result instanceof Set ? result : new Set<string>();
        for (const name of String(value).split(", ")) set.add(name);
        result = set;
      } else if (field === "comment") {
        result = result ? `${String(result)} ${String(value)}` : value;
      } else if (field === "present") {
        result = coerceBoolean(value);
      } else if (field === "vote_weight") {
        if (typeof value === "number" && Number.isInteger(value)) value = value.toFixed(6);
        else if (typeof value === "string" && /^(\d\.|[1-9]\d*\.?)\d{0,6}$/.test(value)) {
          if (/^\d*$/.test(value)) value += ".000000";
          else while (!DECIMAL_PATTERN.test(value)) value += "0";
        } else continue;
        result = value;
      } else if (field !== "number") {
        result = value;
      }
    }
    if (result && !(result instanceof Set && result.size === 0)) output[field] = result;
  }
  return output;
}

function meetingMapping(mapping: Mapping, payload: Instance): Map<string, { for_create?: Record<string, unknown>; for_update?: Record<string, unknown> }> | undefined {
  const mappers = (mapping.meeting_mappers as MeetingMapper[] | undefined) ?? [];
  const data = new Map<string, { for_create?: Record<string, unknown>; for_update?: Record<string, unknown> }>();
  for (const mapper of mappers) {
    if (!mapperMatches(payload, mapper)) continue;
    const entry = data.get(mapper.external_id!) ?? {};
    data.set(mapper.external_id!, entry);
    let allowUpdate = mapper.allow_update ?? true;
    if (typeof allowUpdate === "string") allowUpdate = ["true", "1", "yes", "y", "t", "on"].includes(allowUpdate.toLowerCase());
    entry.for_create = fieldData(payload, entry.for_create ?? {}, mapper);
    if (allowUpdate) entry.for_update = fieldData(payload, entry.for_update ?? {}, mapper);
  }
  return data.size > 0 ? data : undefined;
}

async function groupIds(ctx: ActionContext, names: string[], meeting: Record<string, unknown>, exists: boolean): Promise<number[]> {
  if (names.length > 0) {
    const groups = await ctx.db.filter(
      "group",
      { and_filter: [{ field: "meeting_id", operator: "=", value: meeting.id }, { or_filter: names.map((name) => ({ field: "external_id", operator: "=", value: name })) }] },
      ["id"],
    );
    if (groups.size > 0) return [...groups.keys()].sort((a, b) => a - b);
  }
  return exists ? [] : [meeting.default_group_id as number];
}

async function structureLevelIds(ctx: ActionContext, names: string[], meetingId: number): Promise<number[]> {
  const wanted = names.filter(Boolean);
  if (wanted.length === 0) return [];
  const found = await ctx.db.filter(
    "structure_level",
    { and_filter: [{ field: "meeting_id", operator: "=", value: meetingId }, { or_filter: wanted.map((name) => ({ field: "name", operator: "=", value: name })) }] },
    ["name"],
  );
  if (found.size === names.length) return [...found.keys()];
  const foundNames = [...found.values()].map((level) => level.name);
  const missing = wanted.filter((name) => !foundNames.includes(name));
  const created = missing.length > 0 ? ((await ctx.execute("structure_level.create", missing.map((name) => ({ name, meeting_id: meetingId })))) ?? []) : [];
  return [...created.map((result) => (result as { id: number }).id), ...found.keys()].sort((a, b) => a - b);
}

async function meetingUserData(
  ctx: ActionContext,
  instance: Instance,
  data: Map<string, { for_create?: Record<string, unknown>; for_update?: Record<string, unknown> }>,
  userId: number,
  isUpdate: boolean,
): Promise<Map<number, Instance>> {
  const externalIds = [...data.keys()].sort();
  const result = new Map<number, Instance>();
  if (externalIds.length === 0) return result;
  const meetings = await ctx.db.filter("meeting", { or_filter: externalIds.map((id) => ({ field: "external_id", operator: "=", value: id })) }, ["id", "default_group_id", "external_id"]);
  for (const [meetingId, meeting] of [...meetings].sort(([a], [b]) => a - b)) {
    const entry = data.get(meeting.external_id as string);
    if (!entry) continue;
    const exists = Boolean(await findMeetingUser(ctx.db, meetingId, userId, ["id"]));
    const source = isUpdate && exists ? entry.for_update : entry.for_create;
    if (!source) continue;
    const meetingUser: Instance = { ...source, id: userId, meeting_id: meetingId };
    const groups = [...((meetingUser.groups as Set<string> | undefined) ?? [])].sort();
    const levels = [...((meetingUser.structure_levels as Set<string> | undefined) ?? [])].sort();
    delete meetingUser.groups;
    delete meetingUser.structure_levels;
    const groupIdList = await groupIds(ctx, groups, { ...meeting, id: meetingId }, exists);
    if (groupIdList.length > 0) meetingUser.group_ids = groupIdList;
    const levelIdList = await structureLevelIds(ctx, levels, meetingId);
    if (levelIdList.length > 0) meetingUser.structure_level_ids = levelIdList;
    const present = meetingUser.present;
    delete meetingUser.present;
    if (present) {
      const presentIds = (instance.is_present_in_meeting_ids as number[] | undefined) ?? [];
      if (!presentIds.includes(meetingId)) presentIds.push(meetingId);
      instance.is_present_in_meeting_ids = presentIds;
    }
    result.set(meetingId, meetingUser);
  }
  return result;
}

async function mergeWithStoredMeetingUsers(ctx: ActionContext, meetingUsers: Map<number, Instance>, userId: number): Promise<void> {
  for (const [meetingId, meetingUser] of meetingUsers) {
    const stored = await findMeetingUser(ctx.db, meetingId, userId, ["id", "group_ids", "structure_level_ids"]);
    if (!stored) continue;
    for (const field of ["group_ids", "structure_level_ids"]) {
      const old = (stored[field] as number[] | undefined) ?? [];
      if (old.length > 0) meetingUser[field] = [...new Set([...old, ...((meetingUser[field] as number[] | undefined) ?? [])])];
    }
    const meeting = await ctx.db.get(`meeting/${meetingId}`, ["default_group_id"]);
    const groups = (meetingUser.group_ids as number[] | undefined) ?? [];
    if (groups.length > 1 && groups.includes(meeting.default_group_id as number)) {
      meetingUser.group_ids = groups.filter((id) => id !== meeting.default_group_id);
    }
  }
}

async function save(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const payload = data[0]!;
  const mapping = await loadMapping(ctx);
  validatePayload(mapping, payload);
  let instance: Instance = {};
  for (const [modelField, payloadField] of Object.entries(mapping)) {
    if (typeof payloadField !== "string" || !(payloadField in payload) || !(modelField in USER_FIELDS)) continue;
    const raw = payload[payloadField];
    const value = Array.isArray(raw) && raw.length > 0 ? raw[0] : raw;
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) instance[modelField] = value;
  }
  // The IdP's attribute names are not user fields; the mapped values are validated as fields.
  validateModelFields("user", instance);
  const meetingData = meetingMapping(mapping, payload);
  checkEmailField(instance, "email");

  const users = await ctx.db.filter("user", { field: "saml_id", operator: "=", value: instance.saml_id }, ["id", "meeting_user_ids", "is_present_in_meeting_ids", ...Object.values(USER_FIELDS)]);
  const gender = instance.gender;
  delete instance.gender;
  if (gender) {
    const found = await ctx.db.filter("gender", { field: "name", operator: "=", value: gender }, ["id"]);
    let genderId: number | undefined = [...found.keys()][0];
    if (genderId === undefined) genderId = ((await ctx.execute("gender.create", [{ name: gender }]))?.[0] as { id: number } | undefined)?.id;
    if (genderId) instance.gender_id = genderId;
  } else if (gender === "") {
    instance.gender_id = null;
  }
  let meetingUsers = new Map<number, Instance>();
  let userId: number | undefined;
  if (users.size === 1) {
    const [id, user] = [...users][0]!;
    userId = id;
    instance.id = id;
    if (meetingData) {
      meetingUsers = await meetingUserData(ctx, instance, meetingData, id, true);
      await mergeWithStoredMeetingUsers(ctx, meetingUsers, id);
    }
    instance = Object.fromEntries(Object.entries(instance).filter(([key, value]) => key === "id" || JSON.stringify(value) !== JSON.stringify(user[key])));
    if (Object.keys(instance).length > 1) await ctx.execute("user.update", [instance]);
  } else if (users.size === 0) {
    if (!("is_active" in instance)) instance.is_active = true;
    if (!("is_physical_person" in instance)) instance.is_physical_person = true;
    instance.can_change_own_password = false;
    instance.username = await uniqueUsername(ctx, String(instance.saml_id ?? ""));
    const created = await ctx.execute("user.create", [instance]);
    userId = (created?.[0] as { id: number } | undefined)?.id;
    instance.id = userId;
    if (meetingData && userId) meetingUsers = await meetingUserData(ctx, instance, meetingData, userId, false);
  }
  const payloads = [...meetingUsers.values()];
  // A new user's presence from the mappers is known only after the create: stored with the
  // memberships (upstream's create picks it up from the same instance).
  if (users.size === 0 && userId && instance.is_present_in_meeting_ids) {
    payloads.push({ id: userId, is_present_in_meeting_ids: instance.is_present_in_meeting_ids });
  }
  if (payloads.length > 0) await ctx.execute("user.update", payloads);
  return [{ id: userId ?? instance.id }];
}

export default defineAction({
  name: "user.save_saml_account",
  collection: "user",
  kind: "custom",
  visibility: "stack_internal",
  singular: true,
  payloadIsNotModelFields: true,
  schema: {},
  skipArchivedMeetingCheck: true,
  checkPermissions: () => undefined,
  instances: save,
  instancesAreOriginal: true,
  result: (_ctx, instance) => ({ user_id: instance.id }),
});
