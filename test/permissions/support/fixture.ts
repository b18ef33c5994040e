// A small organization for the permission tests, written through the database layer:
//
// committee 1 "Root" -> committee 2 "Child" (parent 1); committee 3 "Other".
// meeting 10 in committee 2, meeting 20 in committee 3 (both active), meeting 30 in committee 3
// (archived). Each meeting m has groups m+1 Default, m+2 Admin, m+3 Delegates, m+4 Anonymous,
// m+5 User editors (user.can_update).
import type { Database, Model, WriteEvent } from "../../../src/db/types.js";
import { getCollection } from "../../../src/meta/registry.js";

export const USERS = {
  superadmin: 1,
  organizationManager: 2,
  userManager: 3,
  /** manages committee 1, so also its child committee 2 (meeting 10) */
  rootCommitteeManager: 4,
  /** manages committee 3 (meetings 20 and 30) */
  otherCommitteeManager: 5,
  meetingAdmin: 6,
  delegate: 7,
  lockedOutDelegate: 8,
  /** delegate in meetings 20 and 30 (committee 3) */
  committeeMember: 9,
  /** only in the archived meeting 30 */
  archivedMember: 10,
  /** home committee 2, no meetings */
  homeCommitteeUser: 11,
  /** delegate in meetings 10 and 20: organization scope */
  twoCommitteeMember: 12,
  /** user.can_update in meetings 10 and 20 */
  userEditor: 13,
  /** user.can_update in meeting 10 only */
  meeting10Editor: 14,
  /** superadmin who is only a delegate of meeting 10 (checks with locked meetings) */
  lockedMeetingSuperadmin: 15,
} as const;

export const DELEGATE_PERMISSIONS = ["motion.can_create", "agenda_item.can_see_internal", "user.can_see"];
export const ANONYMOUS_PERMISSIONS = ["agenda_item.can_see", "motion.can_see"];

const PROJECTOR_DEFAULTS = Object.keys(getCollection("projector")!.fields).filter((field) => field.startsWith("used_as_default_projector_for_"));

/** The writer stores the group side of the group <-> meeting_user relation. */
const groupMembers = new Map<number, number[]>();

function meetingEvents(id: number, committeeId: number, active: boolean): WriteEvent[] {
  const group = (offset: number, name: string, permissions: string[]): WriteEvent => ({
    type: "create",
    fqid: `group/${id + offset}`,
    fields: { name, meeting_id: id, permissions, weight: offset, meeting_user_ids: groupMembers.get(id + offset) ?? [] },
  });
  return [
    {
      type: "create",
      fqid: `meeting/${id}`,
      fields: {
        name: `Meeting ${id}`,
        committee_id: committeeId,
        is_active_in_organization_id: active ? 1 : null,
        motions_default_workflow_id: id,
        motions_default_amendment_workflow_id: id,
        reference_projector_id: id,
        default_group_id: id + 1,
        admin_group_id: id + 2,
        anonymous_group_id: id + 4,
        enable_anonymous: false,
        locked_from_inside: false,
      },
    },
    group(1, "Default", ["user.can_see"]),
    group(2, "Admin", []),
    group(3, "Delegates", DELEGATE_PERMISSIONS),
    group(4, "Public", ANONYMOUS_PERMISSIONS),
    group(5, "User editors", ["user.can_update"]),
    {
      type: "create",
      fqid: `projector/${id}`,
      fields: { name: "Projector", meeting_id: id, ...Object.fromEntries(PROJECTOR_DEFAULTS.map((field) => [field, id])) },
    },
    { type: "create", fqid: `motion_workflow/${id}`, fields: { name: "Simple", meeting_id: id, first_state_id: id } },
    { type: "create", fqid: `motion_state/${id}`, fields: { name: "submitted", weight: 1, workflow_id: id, meeting_id: id } },
  ];
}

let meetingUserId = 100;
function membership(userId: number, meetingId: number, groupOffsets: number[], extra: Model = {}): WriteEvent {
  const id = meetingUserId++;
  for (const offset of groupOffsets) groupMembers.set(meetingId + offset, [...(groupMembers.get(meetingId + offset) ?? []), id]);
  return { type: "create", fqid: `meeting_user/${id}`, fields: { user_id: userId, meeting_id: meetingId, ...extra } };
}

function user(id: number, fields: Model = {}): WriteEvent {
  return { type: "create", fqid: `user/${id}`, fields: { username: `user${id}`, organization_id: 1, is_active: true, ...fields } };
}

export async function writeFixture(db: Database): Promise<void> {
  meetingUserId = 100;
  groupMembers.clear();
  const memberships = [
    membership(USERS.meetingAdmin, 10, [2]),
    membership(USERS.delegate, 10, [3]),
    membership(USERS.lockedOutDelegate, 10, [3], { locked_out: true }),
    membership(USERS.committeeMember, 20, [3]),
    membership(USERS.committeeMember, 30, [3]),
    membership(USERS.archivedMember, 30, [3]),
    membership(USERS.twoCommitteeMember, 10, [3]),
    membership(USERS.twoCommitteeMember, 20, [3]),
    membership(USERS.userEditor, 10, [5]),
    membership(USERS.userEditor, 20, [5]),
    membership(USERS.meeting10Editor, 10, [5]),
    membership(USERS.lockedMeetingSuperadmin, 10, [3]),
  ];
  const events: WriteEvent[] = [
    { type: "create", fqid: "theme/1", fields: { name: "Theme", accent_500: "#000000", primary_500: "#000000", warn_500: "#000000", organization_id: 1 } },
    { type: "create", fqid: "organization/1", fields: { name: "Organization", theme_id: 1, enable_anonymous: true } },
    { type: "create", fqid: "committee/1", fields: { name: "Root", organization_id: 1, manager_ids: [USERS.rootCommitteeManager], all_child_ids: [2] } },
    { type: "create", fqid: "committee/2", fields: { name: "Child", organization_id: 1, parent_id: 1 } },
    { type: "create", fqid: "committee/3", fields: { name: "Other", organization_id: 1, manager_ids: [USERS.otherCommitteeManager] } },
    ...meetingEvents(10, 2, true),
    ...meetingEvents(20, 3, true),
    ...meetingEvents(30, 3, false),
    user(USERS.superadmin, { organization_management_level: "superadmin" }),
    user(USERS.organizationManager, { organization_management_level: "can_manage_organization" }),
    user(USERS.userManager, { organization_management_level: "can_manage_users" }),
    user(USERS.rootCommitteeManager),
    user(USERS.otherCommitteeManager),
    user(USERS.meetingAdmin),
    user(USERS.delegate),
    user(USERS.lockedOutDelegate),
    user(USERS.committeeMember),
    user(USERS.archivedMember),
    user(USERS.homeCommitteeUser, { home_committee_id: 2 }),
    user(USERS.twoCommitteeMember),
    user(USERS.userEditor),
    user(USERS.meeting10Editor),
    user(USERS.lockedMeetingSuperadmin, { organization_management_level: "superadmin" }),
    ...memberships,
  ];
  await db.transaction((tx) => tx.write(events));
}

/** Changes some fields for the duration of fn, then restores them. */
export async function withFields(db: Database, fqid: string, fields: Model, fn: () => Promise<void>): Promise<void> {
  const before = (await db.get(fqid, Object.keys(fields))) ?? {};
  const restore = Object.fromEntries(Object.keys(fields).map((field) => [field, before[field] ?? null]));
  await db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
  try {
    await fn();
  } finally {
    await db.transaction((tx) => tx.write([{ type: "update", fqid, fields: restore }]));
  }
}
