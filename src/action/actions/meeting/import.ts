// meeting.import (superadmin, singular): a meeting export becomes a new active meeting of the
// committee. Users equal to existing ones (username, names, email) are merged, the others get new
// unique usernames and random passwords; gender names become genders; mediafile blobs are stored;
// the requesting user joins the admin group. Everything gets new ids (shared/meeting-import.ts).
import * as patterns from "../../../meta/field-schema.js";
import { MIGRATION_INDEX } from "../../../db/schema.js";
import type { Model } from "../../../db/types.js";
import { storeFile } from "../../../media/storage.js";
import { hashPassword } from "../../../auth/passwords.js";
import { sanitizeHtmlOffThread } from "../../html-off-thread.js";
import { getField } from "../../../meta/registry.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance, JsonSchema } from "../../framework/types.js";
import { checkLimitOfUsers, randomPassword } from "../../shared/user-rules.js";
import {
  checkLimitOfMeetings,
  checkOneMeeting,
  collectionsOf,
  createReplaceMap,
  emitImportEvents,
  meetingOf,
  replaceFields,
  runChecker,
  timestampsToUnix,
  type MeetingJson,
} from "../../shared/meeting-import.js";
import { nowTimestamp } from "../../shared/clock.js";

const modelsMapObject: JsonSchema = {
  type: "object",
  properties: { _migration_index: { type: "integer", minimum: 1 } },
  patternProperties: {
    [patterns.COLLECTION_PATTERN]: {
      type: "object",
      patternProperties: {
        [patterns.ID_PATTERN]: {
          type: "object",
          properties: { id: { type: "number" } },
          propertyNames: { pattern: patterns.FIELD_PATTERN },
          required: ["id"],
          additionalProperties: true,
        },
      },
      additionalProperties: false,
    },
  },
  required: ["_migration_index", "meeting"],
  additionalProperties: false,
};

const FIELDS_TO_REMOVE = {
  meeting: ["forwarded_motion_ids"],
  motion: ["origin_id", "derived_motion_ids", "all_origin_ids", "all_derived_motion_ids", "origin_meeting_id"],
  user: ["password", "default_password", "last_email_sent", "last_login", "committee_ids"],
};

function checkMigrationIndex(json: MeetingJson): void {
  const index = Number(json._migration_index);
  if (MIGRATION_INDEX < index) {
    throw new ActionError(`Your data migration index '${index}' is higher than the migration index of this backend '${MIGRATION_INDEX}'! Please, update your backend!`);
  }
  if (MIGRATION_INDEX > index) {
    throw new ActionError(`Your data migration index '${index}' is lower than the migration index of this backend '${MIGRATION_INDEX}'! Please, use a more recent file!`);
  }
}

/** upstream preprocess_data: shape checks, gender names aside, fields nobody may import dropped. */
function preprocess(json: MeetingJson): Map<number, string> {
  checkOneMeeting(json);
  if (meetingOf(json).locked_from_inside) throw new ActionError("Cannot import a locked meeting.");
  const genders = new Map<number, string>();
  for (const user of Object.values(json.user ?? {})) {
    if (user.gender) genders.set(Number(user.id), String(user.gender));
    delete user.gender;
    for (const field of ["organization_management_level", "committee_ids", "committee_management_ids", "home_committee_id"]) delete user[field];
  }
  const meeting = meetingOf(json);
  delete meeting.organization_tag_ids;
  // Outside the data: set again after the checker (upstream unset_committee_and_orga_relation).
  meeting.committee_id = null;
  meeting.is_active_in_organization_id = null;
  // Our export carries the committee's default meeting; an imported meeting is nobody's default.
  delete meeting.default_meeting_for_committee_id;
  delete json.action_worker;
  delete json.import_preview;
  checkMigrationIndex(json);
  return genders;
}

const userKey = (user: Model): string =>
  JSON.stringify([String(user.username ?? ""), String(user.first_name ?? ""), String(user.last_name ?? ""), String(user.email ?? "").toLowerCase()]);

/** Users equal to an existing one in username, first and last name and email are merged into it. */
async function mergeUserMap(ctx: ActionContext, json: MeetingJson): Promise<Map<number, number>> {
  const users = Object.values(json.user ?? {});
  const map = new Map<number, number>();
  if (users.length === 0) return map;
  for (const user of users) user.username = String(user.username ?? "").trim();
  const existing = await ctx.request.tx.filter(
    "user",
    { or_filter: users.map((user) => ({ field: "username", operator: "=" as const, value: user.username })) },
    ["username", "first_name", "last_name", "email"],
  );
  const byKey = new Map([...existing].map(([id, user]) => [userKey(user), id]));
  for (const user of users) {
    const id = byKey.get(userKey(user));
    if (id !== undefined) map.set(Number(user.id), id);
  }
  return map;
}

/** upstream generate_usernames: taken names (in the database or earlier in the file) get a number. */
async function uniqueUsernames(ctx: ActionContext, users: Model[]): Promise<void> {
  const used = new Set<string>();
  for (const user of users) {
    const base = String(user.username);
    let candidate = base;
    let count = 0;
    while (used.has(candidate) || (await ctx.db.exists("user", { field: "username", operator: "=", value: candidate }))) {
      count += 1;
      candidate = `${base}${count}`;
    }
    used.add(candidate);
    user.username = candidate;
  }
}

/** Motion amendment paragraphs: no empty entries, strict HTML (long ones sanitised off the event loop). */
async function cleanAmendmentParagraphs(json: MeetingJson): Promise<void> {
  for (const motion of Object.values(json.motion ?? {})) {
    const paragraphs = motion.amendment_paragraphs;
    if (!paragraphs || typeof paragraphs !== "object" || Array.isArray(paragraphs)) continue;
    const cleaned: Record<string, unknown> = {};
    for (const [key, html] of Object.entries(paragraphs as Record<string, unknown>)) {
      if (html === null || html === undefined) continue;
      cleaned[key] = typeof html === "string" ? await sanitizeHtmlOffThread(html, "strict") : html;
    }
    motion.amendment_paragraphs = cleaned;
  }
}

/** upstream prepare_model_removal: a model goes, cascading targets with it, back references cleaned. */
function removeModel(json: MeetingJson, collection: string, id: number, removed: Set<string>): void {
  removed.add(`${collection}/${id}`);
  const content = json[collection]?.[String(id)] ?? {};
  for (const [name, value] of Object.entries(content)) {
    const field = getField(collection, name);
    if (!field?.relation || value === null || value === undefined) continue;
    for (const target of Array.isArray(value) ? value : [value]) {
      let targetCollection: string;
      let targetId: string;
      if (typeof target === "string" && target.includes("/")) [targetCollection, targetId] = target.split("/") as [string, string];
      else [targetCollection, targetId] = [Object.keys(field.relation.targets)[0]!, String(target)];
      const targetModel = json[targetCollection]?.[targetId];
      if (removed.has(`${targetCollection}/${targetId}`) || !targetModel) continue;
      const reverse = field.relation.targets[targetCollection]!;
      if (field.relation.onDelete === "CASCADE") {
        removeModel(json, targetCollection, Number(targetId), removed);
      } else if (targetModel[reverse] !== undefined && targetModel[reverse] !== null) {
        const own = `${collection}/${id}`;
        if (Array.isArray(targetModel[reverse])) targetModel[reverse] = (targetModel[reverse] as unknown[]).filter((item) => item !== id && item !== own);
        else delete targetModel[reverse];
      }
    }
  }
}

function removeDanglingMeetingMediafiles(json: MeetingJson): void {
  const removed = new Set<string>();
  for (const [key, meetingMediafile] of Object.entries(json.meeting_mediafile ?? {})) {
    if (!json.mediafile?.[String(meetingMediafile.mediafile_id)]) removeModel(json, "meeting_mediafile", Number(key), removed);
  }
  for (const fqid of removed) {
    const [collection, id] = fqid.split("/") as [string, string];
    delete json[collection]?.[id];
  }
}

/** upstream update_admin_group: the requesting user becomes a member of the admin group. */
async function addRequestUserToAdminGroup(ctx: ActionContext, json: MeetingJson, created: Set<string>): Promise<void> {
  const meeting = meetingOf(json);
  const adminGroupId = Number(meeting.admin_group_id);
  const group = json.group?.[String(adminGroupId)];
  if (!group) throw new ActionError("Imported meeting has no AdminGroup to assign to request user");
  json.meeting_user ??= {};
  let meetingUser = Object.values(json.meeting_user).find((candidate) => candidate.user_id === ctx.userId);
  if (meetingUser) {
    const members = (group.meeting_user_ids as number[] | undefined) ?? [];
    if (!members.includes(Number(meetingUser.id))) meetingUser.group_ids = [...((meetingUser.group_ids as number[] | undefined) ?? []), adminGroupId];
  } else {
    const [id] = await ctx.reserveIds("meeting_user", 1);
    meetingUser = { id: id!, meeting_id: meeting.id, user_id: ctx.userId, group_ids: [adminGroupId] };
    json.meeting_user[String(id)] = meetingUser;
    created.add(`meeting_user/${id!}`);
    meeting.meeting_user_ids = [...((meeting.meeting_user_ids as number[] | undefined) ?? []), id!];
  }
  const members = (group.meeting_user_ids as number[] | undefined) ?? [];
  if (!members.includes(Number(meetingUser.id))) group.meeting_user_ids = [...members, Number(meetingUser.id)];
}

/** Gender names of the new users: existing genders by name, unknown names become new genders. */
async function assignGenders(ctx: ActionContext, json: MeetingJson, created: Set<string>, genders: Map<number, string>, replaceUser: Map<number, number>): Promise<void> {
  if (genders.size === 0) return;
  const existing = await ctx.db.filter("gender", undefined, ["id", "name"]);
  const byName = new Map([...existing.values()].map((gender) => [String(gender.name ?? ""), Number(gender.id)]));
  const newNames = [...new Set(genders.values())].filter((name) => !byName.has(name)).sort();
  if (newNames.length > 0) {
    const ids = await ctx.reserveIds("gender", newNames.length);
    json.gender = {};
    newNames.forEach((name, i) => {
      byName.set(name, ids[i]!);
      json.gender![String(ids[i])] = { id: ids[i]!, name, organization_id: 1 };
      created.add(`gender/${ids[i]!}`);
    });
  }
  for (const [oldUserId, name] of genders) {
    const userId = replaceUser.get(oldUserId);
    const user = userId === undefined ? undefined : json.user?.[String(userId)];
    if (user) user.gender_id = byName.get(name);
  }
}

async function importMeeting(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const json = structuredClone(instance.meeting) as MeetingJson;
  const genders = preprocess(json);

  const merge = await mergeUserMap(ctx, json);
  const userCount = Object.keys(json.user ?? {}).length;
  const newUsers = Object.values(json.user ?? {}).filter((user) => !merge.has(Number(user.id)));
  await uniqueUsernames(ctx, newUsers);
  await checkLimitOfUsers(ctx, newUsers.filter((user) => Boolean(user.is_active)).length);
  for (const id of merge.keys()) genders.delete(id);

  const blobs: Array<[blob: string, id: number, mimetype: string]> = [];
  for (const mediafile of Object.values(json.mediafile ?? {})) {
    const blob = mediafile.blob;
    delete mediafile.blob;
    if (blob) blobs.push([String(blob), Number(mediafile.id), String(mediafile.mimetype ?? "")]);
  }
  await cleanAmendmentParagraphs(json);
  removeDanglingMeetingMediafiles(json);

  runChecker(json, { mode: "external", repair: true, fieldsToRemove: FIELDS_TO_REMOVE });
  await checkLimitOfMeetings(ctx);

  const meeting = meetingOf(json);
  meeting.committee_id = instance.committee_id;
  meeting.is_active_in_organization_id = 1;
  // In parallel: the hashing queue bounds how many run at once.
  await Promise.all(
    newUsers.map(async (user) => {
      user.default_password = randomPassword();
      user.password = await hashPassword(String(user.default_password));
    }),
  );
  meeting.enable_anonymous = false;
  meeting.imported_at = nowTimestamp();
  for (const collection of collectionsOf(json)) if (Object.keys(json[collection] ?? {}).length === 0) delete json[collection];

  const replaceMap = await createReplaceMap(ctx, json, merge);
  const replaced = replaceFields(json, replaceMap, merge);
  const newJson = replaced.json;
  await addRequestUserToAdminGroup(ctx, newJson, replaced.created);
  const tx = ctx.request.tx;
  const uploads = blobs.map(([blob, id, mimetype]) => [blob, replaceMap.get("mediafile")!.get(id)!, mimetype] as const);
  if (uploads.length > 0) ctx.request.onSuccess.push(async () => {
    for (const [blob, id, mimetype] of uploads) await storeFile(tx, id, Buffer.from(blob, "base64"), mimetype);
  });
  await assignGenders(ctx, newJson, replaced.created, genders, replaceMap.get("user") ?? new Map());

  timestampsToUnix(newJson);
  await emitImportEvents(ctx, newJson, replaced.created);
  return { id: meetingOf(newJson).id, number_of_imported_users: userCount, number_of_merged_users: merge.size };
}

export default defineAction({
  name: "meeting.import",
  collection: "meeting",
  kind: "custom",
  singular: true,
  schema: itemSchema(
    "meeting",
    { required: ["committee_id"], additionalRequired: { meeting: modelsMapObject } },
    "Import meeting",
    "Import a meeting into the committee.",
  ),
  permission: { organizationManagementLevel: "superadmin" },
  skipArchivedMeetingCheck: true,
  updateInstance: importMeeting,
  createEvents: () => [],
  result: (_ctx, instance) => ({ id: instance.id, number_of_imported_users: instance.number_of_imported_users, number_of_merged_users: instance.number_of_merged_users }),
});
