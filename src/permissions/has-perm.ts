// Who may do what: organization management levels, committee management, meeting permissions
// through groups (spec action-service 4.1-4.3, presenter A4). User id > 0 is a logged-in user,
// 0 is anonymous, -1 the internal route (the callers skip checks for it; here it has nothing).
import { expandPermissions, permissionImplies } from "../meta/permissions.js";
import { anonymousNotEnabled } from "./errors.js";
import { managesAllCommittees, organizationManagementLevelAtLeast, type OrganizationManagementLevel } from "./management-levels.js";
import { idList, mustGet, type PermissionReader } from "./reader.js";

export async function hasOrganizationManagementLevel(
  reader: PermissionReader,
  userId: number,
  level: OrganizationManagementLevel,
): Promise<boolean> {
  if (userId <= 0) return false;
  const user = await mustGet(reader, `user/${userId}`, ["organization_management_level"]);
  return organizationManagementLevelAtLeast(user.organization_management_level, level);
}

interface CommitteeManager {
  managesAll: boolean;
  managed: Set<number>;
}

/** The user's own management data, read from the stored state as upstream does. */
async function committeeManager(reader: PermissionReader, userId: number): Promise<CommitteeManager> {
  const user = await mustGet(reader, `user/${userId}`, ["organization_management_level", "committee_management_ids"], { useChanges: false });
  return { managesAll: managesAllCommittees(user.organization_management_level), managed: new Set(idList(user.committee_management_ids)) };
}

async function parentIdsOf(reader: PermissionReader, committeeIds: number[]): Promise<Map<number, number[]>> {
  const committees = await reader.getMany("committee", committeeIds, ["all_parent_ids"]);
  return new Map([...committees].map(([id, committee]) => [id, idList(committee.all_parent_ids)]));
}

/**
 * Committee management (CML can_manage) of a committee: organization managers and superadmins,
 * managers of the committee itself and managers of any of its ancestors.
 */
export async function isCommitteeManager(reader: PermissionReader, userId: number, committeeId: number): Promise<boolean> {
  if (userId <= 0) return false;
  const manager = await committeeManager(reader, userId);
  if (manager.managesAll || manager.managed.has(committeeId)) return true;
  if (manager.managed.size === 0) return false;
  const committee = await mustGet(reader, `committee/${committeeId}`, ["all_parent_ids"]);
  return idList(committee.all_parent_ids).some((id) => manager.managed.has(id));
}

/** Of the given committees, those the user does not manage (empty for organization managers and for user ids <= 0, as upstream). */
export async function committeesNotManaged(reader: PermissionReader, userId: number, committeeIds: number[]): Promise<number[]> {
  if (userId <= 0) return [];
  const manager = await committeeManager(reader, userId);
  if (manager.managesAll) return [];
  const notTrivial = [...new Set(committeeIds)].filter((id) => !manager.managed.has(id));
  if (notTrivial.length === 0) return [];
  const parents = await parentIdsOf(reader, notTrivial);
  return [...parents].filter(([, parentIds]) => !parentIds.some((id) => manager.managed.has(id))).map(([id]) => id);
}

/** Of the given committees, those the user manages (all of them for organization managers). */
export async function committeesManaged(reader: PermissionReader, userId: number, committeeIds: number[]): Promise<number[]> {
  if (userId <= 0) return [];
  const manager = await committeeManager(reader, userId);
  if (manager.managesAll) return [...committeeIds];
  const parents = await parentIdsOf(reader, committeeIds);
  return [...parents].filter(([id, parentIds]) => [id, ...parentIds].some((candidate) => manager.managed.has(candidate))).map(([id]) => id);
}

/** The meeting_user of a user in a meeting, with the given fields. */
export async function findMeetingUser(
  reader: PermissionReader,
  meetingId: number,
  userId: number,
  fields: string[],
): Promise<Record<string, unknown> | undefined> {
  const found = await reader.filter(
    "meeting_user",
    { and_filter: [{ field: "meeting_id", operator: "=", value: meetingId }, { field: "user_id", operator: "=", value: userId }] },
    fields,
  );
  return found.values().next().value;
}

/** A user's standing in one meeting. */
export interface MeetingPermissions {
  meetingId: number;
  /** Meeting admin: member of the admin group, or committee manager / organization manager of an unlocked meeting. */
  isAdmin: boolean;
  /** Anonymous asked about a meeting without enable_anonymous (hasPerm raises 403 for it). */
  anonymousDisabled: boolean;
  /** The groups the user counts as member of (the anonymous group for anonymous). */
  groupIds: number[];
  /** The groups' permissions plus everything they imply (closed under the permission tree); empty for admins (they have all). */
  permissions: ReadonlySet<string>;
  has(permission: string): boolean;
}

export interface MeetingPermissionOptions {
  /**
   * The autoupdate service's rule: anonymous also needs organization/1 enable_anonymous
   * (openslides-go perm). The action service checks only the meeting's flag.
   */
  anonymousNeedsOrganization?: boolean;
}

function standing(meetingId: number, isAdmin: boolean, groupIds: number[], permissions: ReadonlySet<string>, anonymousDisabled = false): MeetingPermissions {
  return {
    meetingId,
    isAdmin,
    anonymousDisabled,
    groupIds,
    permissions,
    has: (permission) => isAdmin || permissions.has(permission),
  };
}

const NONE: ReadonlySet<string> = new Set();

/**
 * Everything hasPerm decides, computed once: a caller checking several permissions of one user
 * in one meeting reads the data once. A missing meeting raises "Model 'meeting/<id>' does not exist.".
 */
export async function getMeetingPermissions(
  reader: PermissionReader,
  userId: number,
  meetingId: number,
  options: MeetingPermissionOptions = {},
): Promise<MeetingPermissions> {
  const meeting = await mustGet(reader, `meeting/${meetingId}`, [
    "anonymous_group_id",
    "enable_anonymous",
    "locked_from_inside",
    "committee_id",
    "admin_group_id",
  ]);
  let groupIds: number[];
  if (userId > 0) {
    // Committee and organization managers count as admins unless the meeting is locked from inside; this precedes locked_out.
    if (!meeting.locked_from_inside && (await isCommitteeManager(reader, userId, meeting.committee_id as number))) {
      return standing(meetingId, true, [], NONE);
    }
    const meetingUser = await findMeetingUser(reader, meetingId, userId, ["group_ids", "locked_out"]);
    if (!meetingUser || meetingUser.locked_out) return standing(meetingId, false, [], NONE);
    groupIds = idList(meetingUser.group_ids);
  } else if (userId === 0) {
    let enabled = Boolean(meeting.enable_anonymous);
    if (enabled && options.anonymousNeedsOrganization) {
      const organization = await reader.get("organization/1", ["enable_anonymous"]);
      enabled = Boolean(organization?.enable_anonymous);
    }
    if (!enabled) return standing(meetingId, false, [], NONE, true);
    groupIds = typeof meeting.anonymous_group_id === "number" ? [meeting.anonymous_group_id] : [];
  } else {
    return standing(meetingId, false, [], NONE);
  }
  if (groupIds.length === 0) return standing(meetingId, false, [], NONE);
  const groups = await reader.getMany("group", groupIds, ["permissions", "admin_group_for_meeting_id"]);
  const isAdmin = [...groups.values()].some((group) => group.admin_group_for_meeting_id === meetingId);
  const held = [...groups.values()].flatMap((group) => (Array.isArray(group.permissions) ? (group.permissions as string[]) : []));
  return standing(meetingId, isAdmin, groupIds, isAdmin ? NONE : expandPermissions(held));
}

/**
 * Upstream's has_perm: whether the user holds the meeting permission (directly, through a
 * permission implying it, or as admin). Anonymous in a meeting without enable_anonymous raises
 * 403 "Anonymous is not enabled for meeting <id>".
 */
export async function hasPerm(reader: PermissionReader, userId: number, permission: string, meetingId: number): Promise<boolean> {
  const standing = await getMeetingPermissions(reader, userId, meetingId);
  if (standing.anonymousDisabled) throw anonymousNotEnabled(meetingId);
  return standing.has(permission);
}

/** Upstream's is_admin: committee manager of an unlocked meeting, or member of its admin group. */
export async function isAdmin(reader: PermissionReader, userId: number, meetingId: number): Promise<boolean> {
  const meeting = await mustGet(reader, `meeting/${meetingId}`, ["admin_group_id", "locked_from_inside", "committee_id"]);
  if (!meeting.locked_from_inside && (await isCommitteeManager(reader, userId, meeting.committee_id as number))) return true;
  if (userId <= 0) return false;
  const meetingUser = await findMeetingUser(reader, meetingId, userId, ["group_ids"]);
  return idList(meetingUser?.group_ids).includes(meeting.admin_group_id as number);
}

/** Meeting permissions the anonymous group may hold (group.update / set_permission). */
export const ANONYMOUS_PERMISSION_WHITELIST: ReadonlySet<string> = new Set([
  "agenda_item.can_see",
  "agenda_item.can_see_internal",
  "assignment.can_see",
  "list_of_speakers.can_see",
  "list_of_speakers.can_see_moderator_notes",
  "mediafile.can_see",
  "meeting.can_see_autopilot",
  "meeting.can_see_frontpage",
  "meeting.can_see_history",
  "meeting.can_see_livestream",
  "motion.can_see",
  "motion.can_see_internal",
  "projector.can_see",
  "user.can_see",
  "user.can_see_sensitive_data",
  "poll.can_see_progress",
]);

/** The permissions not allowed for the anonymous group, in the given order (upstream prints them as a Python set). */
export function permissionsForbiddenForAnonymous(permissions: readonly string[]): string[] {
  return [...new Set(permissions)].filter((permission) => !ANONYMOUS_PERMISSION_WHITELIST.has(permission));
}

/** Drops permissions implied by another one of the list (upstream filter_surplus_permissions). */
export function withoutImpliedPermissions(permissions: readonly string[]): string[] {
  const result: string[] = [];
  for (const permission of permissions) {
    if (result.includes(permission)) continue;
    if (permissions.some((other) => other !== permission && permissionImplies(other, permission))) continue;
    result.push(permission);
  }
  return result;
}
