// The framework's door to the permission model (spec action-service 4).
//
// INTEGRATION POINT: src/permissions/* (hasPerm, management levels, 403 texts) is written by the
// permissions developer. Until it lands this file carries a small stand-in with the same meaning;
// replace the bodies, keep the signatures.
import { PermissionDeniedError } from "../errors.js";
import type { OverlayReader } from "./overlay.js";
import { permissionImplies } from "../../meta/permissions.js";

/** 403 whose text the generic check prefixes with "You are not allowed to perform action <name>. ". */
export class MissingPermissionError extends PermissionDeniedError {}

export function missingPermission(permission: string): MissingPermissionError {
  return new MissingPermissionError(`Missing Permission: ${permission}`);
}

export function missingOrganizationManagementLevel(level: string): MissingPermissionError {
  return new MissingPermissionError(`Missing OrganizationManagementLevel: ${level}`);
}

const OML_ORDER = ["no_right", "can_manage_users", "can_manage_organization", "superadmin"];

export async function hasOrganizationManagementLevel(db: OverlayReader, userId: number, level: string): Promise<boolean> {
  if (userId <= 0) return false;
  const user = await db.get(`user/${userId}`, ["organization_management_level"], { optional: true });
  const own = OML_ORDER.indexOf(String(user.organization_management_level ?? "no_right"));
  return own >= OML_ORDER.indexOf(level);
}

/** Organization managers, managers of the committee and managers of one of its ancestors. */
async function managesCommittee(db: OverlayReader, userId: number, committeeId: number | undefined): Promise<boolean> {
  if (await hasOrganizationManagementLevel(db, userId, "can_manage_organization")) return true;
  if (!committeeId) return false;
  const user = await db.get(`user/${userId}`, ["committee_management_ids"], { optional: true });
  const managed = new Set((user.committee_management_ids as number[] | undefined) ?? []);
  if (managed.has(committeeId)) return true;
  const committee = await db.get(`committee/${committeeId}`, ["all_parent_ids"], { optional: true });
  return ((committee.all_parent_ids as number[] | undefined) ?? []).some((id) => managed.has(id));
}

export async function hasPerm(db: OverlayReader, userId: number, permission: string, meetingId: number): Promise<boolean> {
  if (userId < 0) return false;
  const meeting = await db.get(`meeting/${meetingId}`, [
    "anonymous_group_id",
    "enable_anonymous",
    "locked_from_inside",
    "committee_id",
    "admin_group_id",
  ]);
  let groupIds: number[];
  if (userId === 0) {
    if (!meeting.enable_anonymous) throw new PermissionDeniedError(`Anonymous is not enabled for meeting ${meetingId}`);
    groupIds = meeting.anonymous_group_id ? [meeting.anonymous_group_id as number] : [];
  } else {
    if (!meeting.locked_from_inside && (await managesCommittee(db, userId, meeting.committee_id as number | undefined))) return true;
    const meetingUsers = await db.filter(
      "meeting_user",
      { and_filter: [{ field: "meeting_id", operator: "=", value: meetingId }, { field: "user_id", operator: "=", value: userId }] },
      ["group_ids", "locked_out"],
    );
    const meetingUser = [...meetingUsers.values()][0];
    if (!meetingUser || meetingUser.locked_out) return false;
    groupIds = (meetingUser.group_ids as number[] | undefined) ?? [];
  }
  if (groupIds.length === 0) return false;
  if (meeting.admin_group_id && groupIds.includes(meeting.admin_group_id as number)) return true;
  const groups = await db.getMany("group", groupIds, ["permissions"]);
  return [...groups.values()].some((group) => ((group.permissions as string[] | undefined) ?? []).some((held) => permissionImplies(held, permission)));
}
