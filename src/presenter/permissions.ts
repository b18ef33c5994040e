// The permission rules the presenters share (spec presenter A4).
//
// INTEGRATION POINT: src/permissions/ is being written by the permissions developer; until it
// is committed, this file carries the minimal checks the presenters
// need, with the same meaning as upstream.
import type { Database } from "../db/types.js";
import { permissionImplies } from "../meta/permissions.js";
import { anonymousNotEnabled, missingPermission, PresenterError } from "./errors.js";

const OML_ORDER = ["no_right", "can_manage_users", "can_manage_organization", "superadmin"] as const;
export type OrganizationManagementLevel = (typeof OML_ORDER)[number];

function omlRank(value: unknown): number {
  return Math.max(0, OML_ORDER.indexOf(value as OrganizationManagementLevel));
}

export function idsOf(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === "number") : [];
}

export async function hasOrganizationManagementLevel(db: Database, userId: number, level: OrganizationManagementLevel): Promise<boolean> {
  if (userId <= 0) return false;
  const user = await db.get(`user/${userId}`, ["organization_management_level"]);
  return omlRank(user?.organization_management_level) >= omlRank(level);
}

/** 403 `Missing OrganizationManagementLevel: <level>` unless the user has it. */
export async function assertOrganizationManagementLevel(db: Database, userId: number, level: OrganizationManagementLevel): Promise<void> {
  if (!(await hasOrganizationManagementLevel(db, userId, level))) throw missingPermission(level);
}

export function missingOrganizationManagementLevel(level: OrganizationManagementLevel) {
  return missingPermission(level);
}

/** CML can_manage on the committee: organization managers, its managers and managers of an ancestor. */
export async function managesCommittee(db: Database, userId: number, committeeId: number | undefined): Promise<boolean> {
  if (userId <= 0) return false;
  const user = await db.get(`user/${userId}`, ["organization_management_level", "committee_management_ids"]);
  if (omlRank(user?.organization_management_level) >= omlRank("can_manage_organization")) return true;
  if (!committeeId) return false;
  const managed = new Set(idsOf(user?.committee_management_ids));
  if (managed.has(committeeId)) return true;
  const committee = await db.get(`committee/${committeeId}`, ["all_parent_ids"]);
  return idsOf(committee?.all_parent_ids).some((id) => managed.has(id));
}

/** Upstream's datastore.get: a missing model is a 400. */
export async function mustGet(db: Database, fqid: string, fields: string[]): Promise<Record<string, unknown>> {
  const model = await db.get(fqid, fields);
  if (!model) throw new PresenterError(`Model '${fqid}' does not exist.`);
  return model;
}

export async function hasPerm(db: Database, userId: number, permission: string, meetingId: number): Promise<boolean> {
  if (userId < 0) return false;
  const meeting = await db.get(`meeting/${meetingId}`, ["anonymous_group_id", "enable_anonymous", "locked_from_inside", "committee_id", "admin_group_id"]);
  if (!meeting) throw new PresenterError(`Model 'meeting/${meetingId}' does not exist.`);
  let groupIds: number[];
  if (userId === 0) {
    if (!meeting.enable_anonymous) throw anonymousNotEnabled(meetingId);
    groupIds = idsOf([meeting.anonymous_group_id]);
  } else {
    if (!meeting.locked_from_inside && (await managesCommittee(db, userId, meeting.committee_id as number | undefined))) return true;
    const meetingUsers = await db.filter(
      "meeting_user",
      { and_filter: [{ field: "meeting_id", operator: "=", value: meetingId }, { field: "user_id", operator: "=", value: userId }] },
      ["group_ids", "locked_out"],
    );
    const meetingUser = [...meetingUsers.values()][0];
    if (!meetingUser || meetingUser.locked_out) return false;
    groupIds = idsOf(meetingUser.group_ids);
  }
  if (groupIds.length === 0) return false;
  if (typeof meeting.admin_group_id === "number" && groupIds.includes(meeting.admin_group_id)) return true;
  const groups = await db.getMany("group", groupIds, ["permissions"]);
  return [...groups.values()].some((group) => (group.permissions as string[] | undefined ?? []).some((held) => permissionImplies(held, permission)));
}
