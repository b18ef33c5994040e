// Whether the requester may alter a user, judged by that user's scope (upstream's
// check_permissions_for_scope as used by user.delete; spec presenter A5.8).
//
// INTEGRATION POINT: src/permissions/user-scope.ts (not committed yet) implements the same rule
// for the actions; switch to it once it is part of the repository.
import type { Database } from "../db/types.js";
import { missingPermissions } from "./errors.js";
import { hasOrganizationManagementLevel, hasPerm, idsOf, managesCommittee, mustGet, type OrganizationManagementLevel } from "./permissions.js";
import { getUserScope } from "./user-scope.js";

export async function assertMayAlterUser(db: Database, requesterId: number, userId: number): Promise<void> {
  const scope = await getUserScope(db, userId);
  if (scope.oml && !(await hasOrganizationManagementLevel(db, requesterId, scope.oml as OrganizationManagementLevel))) {
    throw missingPermissions([[scope.oml, 1]]);
  }
  if (await hasOrganizationManagementLevel(db, requesterId, "can_manage_users")) return;
  if (scope.kind === "committee") {
    if (await managesCommittee(db, requesterId, scope.id)) return;
    throw missingPermissions([["can_manage_users", 1], ["can_manage", scope.id]]);
  }
  if (scope.kind === "meeting") {
    const meeting = await mustGet(db, `meeting/${scope.id}`, ["committee_id"]);
    const committeeId = meeting.committee_id as number;
    if ((await managesCommittee(db, requesterId, committeeId)) || (await hasPerm(db, requesterId, "user.can_manage", scope.id))) return;
    throw missingPermissions([["can_manage_users", 1], ["can_manage", committeeId], ["user.can_manage", scope.id]]);
  }
  const committeeIds = [...scope.committeeMeetings.keys()];
  for (const committeeId of committeeIds) if (await managesCommittee(db, requesterId, committeeId)) return;
  const meetingIds = [...scope.committeeMeetings.values()].flat();
  if (meetingIds.length === 0 || !(await isAdminInAllMeetings(db, requesterId, userId, meetingIds))) {
    throw missingPermissions([["can_manage_users", 1], ...meetingIds.map((id) => ["user.can_update", id] as const)]);
  }
  if (scope.inArchivedMeetingsOnly) throw missingPermissions([["can_manage_users", 1], ["can_manage", committeeIds]]);
}

/**
 * The target manages no committee, the requester is in all of the target's meetings and is an
 * admin (admin group, or a group with user.can_update / user.can_manage) in every one of them.
 */
async function isAdminInAllMeetings(db: Database, requesterId: number, userId: number, meetingIds: number[]): Promise<boolean> {
  const target = await db.get(`user/${userId}`, ["committee_management_ids"]);
  if (idsOf(target?.committee_management_ids).length > 0) return false;
  const requester = await db.get(`user/${requesterId}`, ["meeting_ids"]);
  const own = new Set(idsOf(requester?.meeting_ids));
  if (own.size === 0 || !meetingIds.every((id) => own.has(id))) return false;
  const meetings = await db.getMany("meeting", meetingIds, ["group_ids"]);
  const groupIds = [...meetings.values()].flatMap((meeting) => idsOf(meeting.group_ids));
  const groups = await db.getMany("group", groupIds, ["meeting_user_ids", "permissions", "admin_group_for_meeting_id"]);
  const adminMeetingUserIds = [...groups.values()]
    .filter((group) => {
      const permissions = (group.permissions as string[] | undefined) ?? [];
      return group.admin_group_for_meeting_id || permissions.includes("user.can_update") || permissions.includes("user.can_manage");
    })
    .flatMap((group) => idsOf(group.meeting_user_ids));
  const meetingUsers = await db.getMany("meeting_user", adminMeetingUserIds, ["user_id", "meeting_id"]);
  const admins = new Map<number, Set<number>>(meetingIds.map((id) => [id, new Set<number>()]));
  for (const meetingUser of meetingUsers.values()) admins.get(meetingUser.meeting_id as number)?.add(meetingUser.user_id as number);
  return [...admins.values()].every((userIds) => userIds.has(requesterId));
}
