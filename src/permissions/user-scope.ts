// User scope: where a user "lives" (one meeting, one committee, or the whole organization) and
// who may therefore manage them (spec action-service 4.4, presenter A5.7; upstream
// shared/mixins/user_scope_mixin.py). Used by the user.* actions and the user presenters.
import { MissingPermissionError } from "./errors.js";
import { committeesManaged, hasOrganizationManagementLevel, hasPerm, isCommitteeManager } from "./has-perm.js";
import { isOrganizationManagementLevel } from "./management-levels.js";
import { pythonIntSetOrder } from "./python-set-order.js";
import { idList, mustGet, type PermissionReader } from "./reader.js";

export type UserScopeKind = "meeting" | "committee" | "organization";

export interface UserScope {
  scope: UserScopeKind;
  /** Meeting id, committee id, or 1 for the organization. */
  scopeId: number;
  /** The user's organization_management_level, "" when none is set. */
  oml: string;
  /**
   * Committee id -> the user's meetings in it (ascending). Managed committees appear with their
   * meetings or with an empty list. For the meeting scope only active meetings. Committees are in
   * the order upstream's dict has them (built from Python sets), which get_user_scope shows.
   */
  committeeMeetings: Map<number, number[]>;
  /** Member of meetings (or manager of committees) but none of them is active. */
  inArchivedMeetingsOnly: boolean;
  homeCommitteeId: number | null;
}

/** The data of a user (stored, or a user.create/update payload) that decides the scope. */
export interface ScopeSubject {
  meetingIds: number[];
  committeeManagementIds: number[];
  oml: string;
  homeCommitteeId: number | null;
}

/** A user's meeting: its committee and whether it is active (not archived). */
export interface ScopeMeeting {
  committeeId: number;
  active: boolean;
}

function committeeMap(meetings: Map<number, ScopeMeeting>, managed: number[], onlyActive: boolean): Map<number, number[]> {
  const chosen = [...meetings].filter(([, meeting]) => !onlyActive || meeting.active).sort(([a], [b]) => a - b);
  // upstream: set(committee_management_ids) | set(<committees of the meetings>)
  const meetingCommittees = pythonIntSetOrder(chosen.map(([, meeting]) => meeting.committeeId));
  const committees = pythonIntSetOrder([...pythonIntSetOrder(managed), ...meetingCommittees]);
  const result = new Map<number, number[]>(committees.map((id) => [id, []]));
  for (const [meetingId, meeting] of chosen) result.get(meeting.committeeId)!.push(meetingId);
  return result;
}

/** The scope computed from already read data (upstream calculate_scope_data). */
export function calculateUserScope(subject: ScopeSubject, meetings: Map<number, ScopeMeeting>): UserScope {
  const all = committeeMap(meetings, subject.committeeManagementIds, false);
  const active = committeeMap(meetings, subject.committeeManagementIds, true);
  const activeMeetingIds = [...meetings].filter(([, meeting]) => meeting.active).map(([id]) => id);
  let scope: UserScopeKind;
  let scopeId: number;
  if (subject.homeCommitteeId) {
    [scope, scopeId] = ["committee", subject.homeCommitteeId];
  } else if (activeMeetingIds.length === 1 && active.size === 1) {
    [scope, scopeId] = ["meeting", activeMeetingIds[0]!];
  } else if (all.size === 1) {
    [scope, scopeId] = ["committee", all.keys().next().value!];
  } else {
    [scope, scopeId] = ["organization", 1];
  }
  return {
    scope,
    scopeId,
    oml: subject.oml,
    committeeMeetings: scope === "meeting" ? active : all,
    inArchivedMeetingsOnly: active.size === 0 && all.size > 0,
    homeCommitteeId: subject.homeCommitteeId,
  };
}

async function readMeetings(reader: PermissionReader, meetingIds: number[]): Promise<Map<number, ScopeMeeting>> {
  if (meetingIds.length === 0) return new Map();
  const meetings = await reader.getMany("meeting", [...new Set(meetingIds)], ["committee_id", "is_active_in_organization_id"]);
  return new Map(
    [...meetings].map(([id, meeting]) => [id, { committeeId: meeting.committee_id as number, active: Boolean(meeting.is_active_in_organization_id) }]),
  );
}

/** A user.create / user.update instance as scope subject: its meeting counts only together with group_ids. */
export function scopeSubjectOfInstance(instance: Record<string, unknown>): ScopeSubject {
  const meetingIds = "group_ids" in instance && typeof instance.meeting_id === "number" ? [instance.meeting_id] : [];
  return {
    meetingIds,
    committeeManagementIds: idList(instance.committee_management_ids),
    oml: typeof instance.organization_management_level === "string" ? instance.organization_management_level : "",
    homeCommitteeId: typeof instance.home_committee_id === "number" ? instance.home_committee_id : null,
  };
}

/** Upstream get_user_scope for a stored user (raises "Model 'user/<id>' does not exist."), or for an instance. */
export async function getUserScope(reader: PermissionReader, user: number | Record<string, unknown>): Promise<UserScope> {
  let subject: ScopeSubject;
  if (typeof user === "number") {
    const stored = await mustGet(reader, `user/${user}`, ["meeting_ids", "organization_management_level", "committee_management_ids", "home_committee_id"]);
    subject = {
      meetingIds: idList(stored.meeting_ids),
      committeeManagementIds: idList(stored.committee_management_ids),
      oml: typeof stored.organization_management_level === "string" ? stored.organization_management_level : "",
      homeCommitteeId: typeof stored.home_committee_id === "number" ? stored.home_committee_id : null,
    };
  } else {
    subject = scopeSubjectOfInstance(user);
  }
  return calculateUserScope(subject, await readMeetings(reader, subject.meetingIds));
}

export interface ScopeCheckOptions {
  /** The caller needs at least the target's organization management level (default true). */
  alwaysCheckUserOml?: boolean;
  /** The meeting permission that lets a caller manage a meeting-scoped user (default user.can_manage). */
  meetingPermission?: string;
  /** The action being checked; user.create skips the "target manages no committee" condition. */
  actionName?: string;
}

/**
 * Upstream check_permissions_for_scope: may the request user alter the target user? Raises
 * MissingPermissionError with upstream's text when not.
 */
export async function checkPermissionsForScope(
  reader: PermissionReader,
  requestUserId: number,
  targetUserId: number,
  options: ScopeCheckOptions = {},
): Promise<void> {
  const target = await getUserScope(reader, targetUserId);
  if (await passesByOrganizationManagementLevel(reader, requestUserId, target.oml, options.alwaysCheckUserOml ?? true)) return;
  if (target.scope === "committee") {
    if (!(await isCommitteeManager(reader, requestUserId, target.scopeId))) {
      throw MissingPermissionError.anyOf([
        ["can_manage_users", 1],
        ["can_manage", target.scopeId],
      ]);
    }
  } else if (target.scope === "meeting") {
    await checkMeetingScope(reader, requestUserId, target.scopeId, options.meetingPermission ?? "user.can_manage");
  } else {
    await checkOrganizationScope(reader, requestUserId, targetUserId, target, options.actionName);
  }
}

/**
 * Raises when the caller has less than the target's level (if asked to check it); true when the
 * caller has can_manage_users, which passes every scope.
 */
async function passesByOrganizationManagementLevel(
  reader: PermissionReader,
  requestUserId: number,
  targetOml: string,
  checkTargetOml: boolean,
): Promise<boolean> {
  if (checkTargetOml && targetOml) {
    const level = isOrganizationManagementLevel(targetOml) ? targetOml : "no_right";
    if (!(await hasOrganizationManagementLevel(reader, requestUserId, level))) throw MissingPermissionError.anyOf([[level, 1]]);
  }
  return hasOrganizationManagementLevel(reader, requestUserId, "can_manage_users");
}

async function checkMeetingScope(reader: PermissionReader, requestUserId: number, meetingId: number, permission: string): Promise<void> {
  const meeting = await mustGet(reader, `meeting/${meetingId}`, ["committee_id"]);
  const committeeId = meeting.committee_id as number;
  if (await isCommitteeManager(reader, requestUserId, committeeId)) return;
  if (await hasPerm(reader, requestUserId, permission, meetingId)) return;
  throw MissingPermissionError.anyOf([
    ["can_manage_users", 1],
    ["can_manage", committeeId],
    [permission, meetingId],
  ]);
}

async function checkOrganizationScope(
  reader: PermissionReader,
  requestUserId: number,
  targetUserId: number,
  target: UserScope,
  actionName: string | undefined,
): Promise<void> {
  const committeeIds = [...target.committeeMeetings.keys()];
  if ((await committeesManaged(reader, requestUserId, committeeIds)).length > 0) return;
  const meetingIds = pythonIntSetOrder([...target.committeeMeetings.values()].flat());
  if (meetingIds.length === 0 || !(await isAdminInAllMeetings(reader, requestUserId, targetUserId, meetingIds, actionName))) {
    // Upstream builds a dict keyed by the permission from its set of meeting ids, so only the
    // last id in Python's set order survives.
    const alternatives: [string, number][] = [["can_manage_users", 1]];
    if (meetingIds.length > 0) alternatives.push(["user.can_update", meetingIds[meetingIds.length - 1]!]);
    throw MissingPermissionError.anyOf(alternatives);
  }
  if (target.inArchivedMeetingsOnly) {
    throw MissingPermissionError.anyOf([
      ["can_manage_users", 1],
      ["can_manage", committeeIds],
    ]);
  }
}

/**
 * Upstream check_for_admin_in_all_meetings: the target manages no committee (not checked for
 * user.create), the target's meetings are a subset of the request user's, and in each of them
 * the request user is in the admin group or in a group holding user.can_update or user.can_manage.
 */
export async function isAdminInAllMeetings(
  reader: PermissionReader,
  requestUserId: number,
  targetUserId: number,
  targetMeetingIds: number[],
  actionName?: string,
): Promise<boolean> {
  if (actionName !== "user.create") {
    const target = await reader.get(`user/${targetUserId}`, ["committee_management_ids"], { useChanges: false });
    if (idList(target?.committee_management_ids).length > 0) return false;
  }
  if (targetMeetingIds.length === 0 || requestUserId <= 0) return false;
  const requestUser = await reader.get(`user/${requestUserId}`, ["meeting_ids"]);
  const ownMeetingIds = new Set(idList(requestUser?.meeting_ids));
  if (ownMeetingIds.size === 0 || !targetMeetingIds.every((id) => ownMeetingIds.has(id))) return false;
  const meetings = await reader.getMany("meeting", targetMeetingIds, ["group_ids"]);
  const groupIds = [...meetings.values()].flatMap((meeting) => idList(meeting.group_ids));
  const groups = await reader.getMany("group", groupIds, ["meeting_user_ids", "permissions", "admin_group_for_meeting_id"]);
  const managingMeetingUserIds = [...groups.values()]
    .filter((group) => {
      const permissions = Array.isArray(group.permissions) ? group.permissions : [];
      return Boolean(group.admin_group_for_meeting_id) || permissions.includes("user.can_update") || permissions.includes("user.can_manage");
    })
    .flatMap((group) => idList(group.meeting_user_ids));
  const adminsByMeeting = new Map<number, Set<number>>([...meetings.keys()].map((id) => [id, new Set()]));
  const meetingUsers = await reader.getMany("meeting_user", [...new Set(managingMeetingUserIds)], ["user_id", "meeting_id"]);
  for (const meetingUser of meetingUsers.values()) adminsByMeeting.get(meetingUser.meeting_id as number)?.add(meetingUser.user_id as number);
  return [...adminsByMeeting.values()].every((admins) => admins.has(requestUserId));
}
