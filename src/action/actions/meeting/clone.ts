// meeting.clone: copies a meeting (export, checker, new ids for everything) as an active meeting,
// named "<name> - Copy" unless a name is given; optionally into another committee (templates
// only), as a template, and with extra users / admins. Organization mediafiles are shared, the
// meeting's own files are duplicated. Users stay the same users.
import { getField } from "../../../meta/registry.js";
import { exportMeeting } from "../../../export/export-meeting.js";
import { EXTERNAL_MOTION_FIELDS } from "../../../checker/checker.js";
import { duplicateFile } from "../../../media/storage.js";
import type { Model } from "../../../db/types.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { idListSchema, itemSchema, requiredIdSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkMeetingManagement } from "../../shared/meeting-rules.js";
import {
  checkLimitOfMeetings,
  checkOneMeeting,
  createReplaceMap,
  emitImportEvents,
  meetingOf,
  overlayDatabase,
  replaceFields,
  runChecker,
  timestampsToUnix,
  type MeetingJson,
} from "../../shared/meeting-import.js";
import { nowTimestamp } from "../../shared/clock.js";

const UPDATABLE_FIELDS = ["committee_id", "welcome_title", "description", "start_time", "end_time", "location", "organization_tag_ids", "name", "external_id", "time_zone"];
const VOTE_WEIGHT_MIN = 0.000001;
const COPY_SUFFIX = " - Copy";

async function checkClonePermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const meeting = await ctx.db.get(`meeting/${Number(item.meeting_id)}`, ["committee_id", "template_for_organization_id"]);
  if ("committee_id" in item && meeting.committee_id !== item.committee_id && !meeting.template_for_organization_id) {
    throw new PermissionDeniedError("Cannot clone meeting to a different committee if it is a non-template meeting.");
  }
  const committeeId = item.committee_id ? Number(item.committee_id) : Number(meeting.committee_id);
  await checkMeetingManagement(ctx, committeeId, Number(item.meeting_id), "clone");
}

function copyName(name: string): string {
  const maxLength = getField("meeting", "name")?.maxLength;
  if (maxLength && name.length + COPY_SUFFIX.length > maxLength) return `${name.slice(0, maxLength - COPY_SUFFIX.length - 3)}...${COPY_SUFFIX}`;
  return name + COPY_SUFFIX;
}

/** Vote weights below the minimum (old data) would fail the checker. */
function raiseVoteWeights(json: MeetingJson): void {
  const users = json.user ?? {};
  for (const meetingUser of Object.values(json.meeting_user ?? {})) {
    const own = meetingUser.vote_weight;
    if (own !== null && own !== undefined) {
      if (Number(own) < VOTE_WEIGHT_MIN) meetingUser.vote_weight = "0.000001";
    } else {
      const fallback = users[String(meetingUser.user_id ?? 0)]?.default_vote_weight;
      if (fallback !== null && fallback !== undefined && Number(fallback) < VOTE_WEIGHT_MIN) meetingUser.vote_weight = "0.000001";
    }
  }
  for (const user of Object.values(users)) {
    if (user.default_vote_weight !== null && user.default_vote_weight !== undefined && Number(user.default_vote_weight) < VOTE_WEIGHT_MIN) {
      user.default_vote_weight = "0.000001";
    }
  }
}

/** Adds users to a group of the new meeting, creating their meeting users where missing. */
async function addUsersToGroup(ctx: ActionContext, json: MeetingJson, created: Set<string>, groupId: number, userIds: number[]): Promise<void> {
  const meeting = meetingOf(json);
  const group = json.group?.[String(groupId)];
  if (!group) return;
  json.meeting_user ??= {};
  const members = new Set<number>((group.meeting_user_ids as number[] | undefined) ?? []);
  for (const userId of userIds) {
    let meetingUser = Object.values(json.meeting_user).find((candidate) => candidate.user_id === userId);
    if (!meetingUser) {
      await ctx.db.get(`user/${userId}`, ["id"]);
      const [id] = await ctx.reserveIds("meeting_user", 1);
      meetingUser = { id: id!, meeting_id: meeting.id, user_id: userId, group_ids: [] };
      json.meeting_user[String(id)] = meetingUser;
      created.add(`meeting_user/${id!}`);
      meeting.meeting_user_ids = [...((meeting.meeting_user_ids as number[] | undefined) ?? []), id!];
    }
    const groupIds = (meetingUser.group_ids as number[] | undefined) ?? [];
    if (!groupIds.includes(groupId)) meetingUser.group_ids = [...groupIds, groupId];
    members.add(Number(meetingUser.id));
  }
  group.meeting_user_ids = [...members];
}

async function cloneMeeting(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const json = (await exportMeeting(overlayDatabase(ctx), Number(instance.meeting_id), { internalTarget: true, updateMediafiles: true })) as unknown as MeetingJson;
  const userIds = (instance.user_ids as number[] | undefined) ?? [];
  const adminIds = (instance.admin_ids as number[] | undefined) ?? [];
  const setAsTemplate = instance.set_as_template === true;
  const userCount = Object.keys(json.user ?? {}).length;
  const mergeUserMap = new Map(Object.keys(json.user ?? {}).map((id) => [Number(id), Number(id)]));

  checkOneMeeting(json);
  const meeting = meetingOf(json);
  if (instance.committee_id) meeting.committee_id = instance.committee_id;
  if (!("name" in instance)) meeting.name = copyName(String(meeting.name ?? ""));
  delete meeting.external_id;
  // A view of committee.default_meeting_id: the copy is nobody's default meeting.
  delete meeting.default_meeting_for_committee_id;
  for (const field of UPDATABLE_FIELDS) if (field in instance) meeting[field] = instance[field];
  raiseVoteWeights(json);

  runChecker(json, { mode: "internal", repair: true, fieldsToRemove: { motion: EXTERNAL_MOTION_FIELDS } });

  meeting.is_active_in_organization_id = 1;
  delete meeting.is_archived_in_organization_id;
  meeting.template_for_organization_id = setAsTemplate ? 1 : null;
  await checkLimitOfMeetings(ctx, "clone", "");
  meeting.imported_at = nowTimestamp();

  // Organization files stay shared: only the meeting's own files are copied.
  const organizationMediafiles: number[] = [];
  const ownMediafiles: Record<string, Model> = {};
  for (const [key, mediafile] of Object.entries(json.mediafile ?? {})) {
    if (mediafile.owner_id === "organization/1") organizationMediafiles.push(Number(mediafile.id));
    else ownMediafiles[key] = mediafile;
  }
  json.mediafile = ownMediafiles;

  const replaceMap = await createReplaceMap(ctx, json, mergeUserMap);
  for (const id of organizationMediafiles) replaceMap.get("mediafile")?.set(id, id);
  const copies = Object.values(ownMediafiles)
    .filter((mediafile) => !mediafile.is_directory)
    .map((mediafile) => [Number(mediafile.id), replaceMap.get("mediafile")!.get(Number(mediafile.id))!] as const);
  const tx = ctx.request.tx;
  if (copies.length > 0) ctx.request.onSuccess.push(async () => {
    for (const [source, target] of copies) await duplicateFile(tx, source, target);
  });

  const replaced = replaceFields(json, replaceMap, mergeUserMap);
  const newJson = replaced.json;
  const newMeeting = meetingOf(newJson);
  if (userIds.length > 0) await addUsersToGroup(ctx, newJson, replaced.created, Number(newMeeting.default_group_id), userIds);
  if (adminIds.length > 0) {
    const adminGroupId = Number(newMeeting.admin_group_id);
    await addUsersToGroup(ctx, newJson, replaced.created, adminGroupId, adminIds);
    if (!setAsTemplate && ((newJson.group?.[String(adminGroupId)]?.meeting_user_ids as number[] | undefined) ?? []).length === 0) {
      throw new ActionError("Cannot create a non-template meeting without administrators");
    }
  } else if (
    !setAsTemplate &&
    Object.values(newJson.group ?? {}).some((group) => group.admin_group_for_meeting_id && ((group.meeting_user_ids as number[] | undefined) ?? []).length === 0)
  ) {
    throw new ActionError("Cannot create a non-template meeting without administrators");
  }

  timestampsToUnix(newJson);
  await emitImportEvents(ctx, newJson, replaced.created);
  return { id: newMeeting.id, number_of_imported_users: userCount, number_of_merged_users: userCount };
}

export default defineAction({
  name: "meeting.clone",
  collection: "meeting",
  kind: "custom",
  singular: true,
  schema: itemSchema("meeting", {
    optional: UPDATABLE_FIELDS,
    additionalRequired: { meeting_id: requiredIdSchema },
    additionalOptional: { user_ids: idListSchema, admin_ids: idListSchema, set_as_template: { type: "boolean" } },
  }),
  // upstream's import perform() never runs the archived-meeting check: archived meetings can be cloned.
  skipArchivedMeetingCheck: true,
  checkPermissions: checkClonePermissions,
  updateInstance: cloneMeeting,
  createEvents: () => [],
  result: (_ctx, instance) => ({ id: instance.id, number_of_imported_users: instance.number_of_imported_users, number_of_merged_users: instance.number_of_merged_users }),
});
