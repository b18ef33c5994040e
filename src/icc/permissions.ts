// Meeting permission checks the ICC needs (openslides-go perm semantics): organization admins and
// the committee's managers have every permission unless the meeting is locked from inside; the
// admin group has every permission; anonymous only where the meeting enables it, through its
// anonymous group.
import type { Reader } from "../db/types.js";
import { expandPermissions } from "../meta/permissions.js";

const ORGANIZATION_ADMINS = new Set(["superadmin", "can_manage_organization"]);

interface MeetingFacts {
  enable_anonymous?: boolean;
  anonymous_group_id?: number;
  admin_group_id?: number;
  locked_from_inside?: boolean;
  committee_id?: number;
}

async function groupPermissions(db: Reader, groupIds: number[]): Promise<Set<string>> {
  const groups = await db.getMany("group", groupIds, ["permissions"]);
  return expandPermissions([...groups.values()].flatMap((group) => (group.permissions as string[] | undefined) ?? []));
}

const isId = (value: number) => Number.isSafeInteger(value) && value > 0;

export async function hasMeetingPermission(db: Reader, userId: number, meetingId: number, permission: string): Promise<boolean> {
  if (!isId(meetingId)) return false;
  const meeting = (await db.get(`meeting/${meetingId}`, ["enable_anonymous", "anonymous_group_id", "admin_group_id", "locked_from_inside", "committee_id"])) as
    | MeetingFacts
    | undefined;
  if (!meeting) return false;
  if (userId === 0) {
    if (!meeting.enable_anonymous || !meeting.anonymous_group_id) return false;
    return (await groupPermissions(db, [meeting.anonymous_group_id])).has(permission);
  }
  const user = await db.get(`user/${userId}`, ["organization_management_level", "committee_management_ids"]);
  if (!user) return false;
  if (!meeting.locked_from_inside) {
    if (ORGANIZATION_ADMINS.has(String(user.organization_management_level))) return true;
    const managed = (user.committee_management_ids as number[] | undefined) ?? [];
    if (meeting.committee_id !== undefined && managed.includes(meeting.committee_id)) return true;
  }
  const groupIds = await meetingGroupIds(db, userId, meetingId);
  if (meeting.admin_group_id !== undefined && groupIds.includes(meeting.admin_group_id)) return true;
  return (await groupPermissions(db, groupIds)).has(permission);
}

async function meetingGroupIds(db: Reader, userId: number, meetingId: number): Promise<number[]> {
  const memberships = await db.filter(
    "meeting_user",
    { and_filter: [{ field: "meeting_id", operator: "=", value: meetingId }, { field: "user_id", operator: "=", value: userId }] },
    ["group_ids"],
  );
  return [...memberships.values()].flatMap((membership) => (membership.group_ids as number[] | undefined) ?? []);
}

/** Whether the user may see the meeting at all: a member, an organization admin, a manager of its committee, or anonymous where enabled. */
export async function maySeeMeeting(db: Reader, userId: number, meetingId: number): Promise<boolean> {
  if (!isId(meetingId)) return false;
  const meeting = (await db.get(`meeting/${meetingId}`, ["enable_anonymous", "locked_from_inside", "committee_id"])) as MeetingFacts | undefined;
  if (!meeting) return false;
  if (userId === 0) return meeting.enable_anonymous === true;
  if ((await meetingGroupIds(db, userId, meetingId)).length > 0) return true;
  if (meeting.locked_from_inside) return false;
  const user = await db.get(`user/${userId}`, ["organization_management_level", "committee_management_ids"]);
  if (ORGANIZATION_ADMINS.has(String(user?.organization_management_level))) return true;
  return meeting.committee_id !== undefined && ((user?.committee_management_ids as number[] | undefined) ?? []).includes(meeting.committee_id);
}
