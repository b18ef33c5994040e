// user.update: field-group permissions (A-J, user.can_update); meeting fields go to
// meeting_user.set_data, and group_ids [] removes the user from that meeting (meeting_user and
// waiting speakers deleted, presence dropped; the last admin of a meeting stays). Own superadmin
// level and activity are protected, activation respects the user limit, SSO users keep no local
// password, home committee and external exclude each other. History per kind of change.
import type { Filter } from "../../../db/types.js";
import { ActionError, BadRequestError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { USER_ACCOUNT_FIELDS } from "../../shared/user-rules.js";
import { clearSessionsOnSuccess } from "../../shared/session-clearing.js";
import { optionalIdSchema, updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkLockingStatus, deleteWaitingSpeakers, meetingUserFilter, removePresence } from "../../shared/meeting-user-rules.js";
import { checkHomeCommitteeRights, checkUserFieldPermissions } from "../../shared/user-field-permissions.js";
import {
  adminGroupsOfNonTemplateMeetings,
  assertNotAnonymous,
  checkAdminGroupIntegrity,
  checkArchivedMeetingsOfItem,
  checkForbiddenEmptyValues,
  checkGenderExists,
  checkLimitOfUsers,
  checkMeetingIdForMeetingFields,
  checkUserEmail,
  MEETING_USER_TRANSFER_FIELDS,
  pythonStringSet,
  ssoNoLocalPasswordError,
  stripUserFields,
  takeMeetingUserData,
  userUpdateHistory,
} from "../../shared/user-rules.js";
import meetingUserDelete from "../meeting_user/delete.js";

const INTERNAL_ID_FIELDS = [
  "is_present_in_meeting_ids",
  "option_ids",
  "poll_candidate_ids",
  "poll_voted_ids",
  "vote_ids",
  "delegated_vote_ids",
  "history_entry_ids",
  "history_position_ids",
];

function checkInternalFields(ctx: ActionContext, item: Instance): void {
  const used = Object.keys(item).filter((key) => INTERNAL_ID_FIELDS.includes(key));
  if (!ctx.internal && used.length > 0) throw new ActionError(`data must not contain ${pythonStringSet(used)} properties`);
}

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  checkMeetingIdForMeetingFields(item);
  checkInternalFields(ctx, item);
  await checkArchivedMeetingsOfItem(ctx, item);
  assertNotAnonymous(ctx);
  await checkUserFieldPermissions(ctx, item, "user.can_update");
  if (item.external) {
    const user = await ctx.db.get(`user/${Number(item.id)}`, ["home_committee_id"]);
    if (user.home_committee_id) await checkHomeCommitteeRights(ctx, { home_committee_id: user.home_committee_id }, "user.can_update");
  }
}

/** Upstream check_meeting_admin_integrity: nobody takes the last admin out of a meeting. */
async function checkMeetingAdminIntegrity(ctx: ActionContext, data: Instance[]): Promise<void> {
  const usersByMeeting = new Map<number, Map<number, number[]>>();
  for (const item of data) {
    if (!item.meeting_id || !("group_ids" in item)) continue;
    const meetingId = Number(item.meeting_id);
    if (!usersByMeeting.has(meetingId)) usersByMeeting.set(meetingId, new Map());
    usersByMeeting.get(meetingId)!.set(Number(item.id), (item.group_ids as number[] | null) ?? []);
  }
  if (usersByMeeting.size === 0) return;
  const { meetingIds, adminGroupIds } = await adminGroupsOfNonTemplateMeetings(ctx, [...usersByMeeting.keys()]);
  if (meetingIds.length === 0) return;
  const filter: Filter = {
    or_filter: meetingIds.map((meetingId) => ({
      and_filter: [
        { field: "meeting_id", operator: "=", value: meetingId },
        { or_filter: [...usersByMeeting.get(meetingId)!.keys()].map((userId) => ({ field: "user_id", operator: "=", value: userId })) },
      ],
    })),
  } as Filter;
  const added = new Set([...usersByMeeting.values()].flatMap((users) => [...users.values()].flat()));
  await checkAdminGroupIntegrity(ctx, filter, adminGroupIds, added);
}

async function prepareData(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  if (ctx.internal) {
    for (const item of data) {
      checkMeetingIdForMeetingFields(item);
      await checkArchivedMeetingsOfItem(ctx, item);
    }
  }
  await checkMeetingAdminIntegrity(ctx, data);
  data.forEach(stripUserFields);
  return data;
}

async function updateUser(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const userId = Number(instance.id);
  await checkLockingStatus(ctx, (instance.meeting_id as number | undefined) ?? undefined, instance, userId);
  const removedMeetingId = Array.isArray(instance.group_ids) && instance.group_ids.length === 0 ? (instance.meeting_id as number | undefined) : undefined;
  checkUserEmail(instance);
  if (removedMeetingId) {
    const meetingUsers = await ctx.db.filter("meeting_user", meetingUserFilter(removedMeetingId, userId), ["speaker_ids"]);
    await deleteWaitingSpeakers(ctx, [...meetingUsers.values()].flatMap((mu) => (mu.speaker_ids as number[] | undefined) ?? []));
    await removePresence(ctx, userId, removedMeetingId);
  }
  checkForbiddenEmptyValues(instance);
  const meetingUserData = takeMeetingUserData(instance);
  if (meetingUserData) await ctx.execute("meeting_user.set_data", [meetingUserData]);
  if (removedMeetingId) {
    const meetingUsers = await ctx.db.filter("meeting_user", meetingUserFilter(removedMeetingId, userId), ["id"]);
    if (meetingUsers.size > 0) await ctx.execute(meetingUserDelete, [...meetingUsers.keys()].map((id) => ({ id })));
  }
  const user = await ctx.db.get(`user/${userId}`, ["is_active", "organization_management_level", "saml_id", "password", "home_committee_id"]);
  if (instance.external) {
    if (instance.home_committee_id) throw new ActionError("Cannot set external to true and set a home committee at the same time.");
    instance.home_committee_id = null;
  } else if (instance.home_committee_id) {
    instance.external = false;
  }
  if (user.saml_id && (instance.can_change_own_password || instance.default_password)) throw ssoNoLocalPasswordError(user.saml_id);
  if (instance.saml_id && user.password) {
    instance.can_change_own_password = false;
    instance.default_password = "";
    instance.password = "";
  }
  if (instance.username && /\s/.test(String(instance.username))) throw new ActionError("Username may not contain spaces");
  if (userId === ctx.userId && user.organization_management_level === "superadmin") {
    if ("organization_management_level" in instance && instance.organization_management_level !== "superadmin") {
      throw new BadRequestError("A user is not allowed to withdraw his own 'superadmin'-Organization-Management-Level.");
    }
    // Upstream raises its PermissionException here, a 400 (not the 403 of PermissionDenied).
    if ("is_active" in instance && instance.is_active !== true) throw new BadRequestError("A superadmin is not allowed to set himself inactive.");
  }
  if (instance.is_active && !user.is_active) await checkLimitOfUsers(ctx, 1);
  if (instance.is_active === false && user.is_active) clearSessionsOnSuccess(ctx, userId);
  await checkGenderExists(ctx, instance);
  return instance;
}

export default defineAction({
  name: "user.update",
  collection: "user",
  kind: "update",
  schema: updateSchema("user", {
    optional: [...USER_ACCOUNT_FIELDS, ...INTERNAL_ID_FIELDS],
    additionalOptional: { meeting_id: optionalIdSchema, ...MEETING_USER_TRANSFER_FIELDS },
  }),
  skipArchivedMeetingCheck: true,
  checkPermissions,
  prepareData,
  updateInstance: updateUser,
  historyInformation: userUpdateHistory,
});
