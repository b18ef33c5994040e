// The framework's door to the permission model (spec action-service 4).
//
// INTEGRATION POINT: src/permissions/* (hasPerm, management levels, 403 texts) is written by the
// permissions developer. Until it lands this file carries a small stand-in with the same meaning;
// replace the bodies, keep the signatures.
import { PermissionDeniedError } from "../errors.js";
import type { OverlayReader } from "./overlay.js";

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

const IMPLIED_BY: Record<string, string[]> = {
  "agenda_item.can_see": ["agenda_item.can_see_internal"],
  "agenda_item.can_see_internal": ["agenda_item.can_manage"],
  "list_of_speakers.can_see": ["list_of_speakers.can_manage"],
};

function grantingPermissions(permission: string): Set<string> {
  const result = new Set([permission]);
  for (const parent of IMPLIED_BY[permission] ?? []) grantingPermissions(parent).forEach((entry) => result.add(entry));
  return result;
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
    if (!meeting.locked_from_inside && (await hasOrganizationManagementLevel(db, userId, "can_manage_organization"))) return true;
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
  const granting = grantingPermissions(permission);
  const groups = await db.getMany("group", groupIds, ["permissions"]);
  return [...groups.values()].some((group) => ((group.permissions as string[] | undefined) ?? []).some((entry) => granting.has(entry)));
}
