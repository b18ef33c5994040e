// The framework's door to the shared permission rules (src/permissions): actions read through
// their change overlay, which is a PermissionReader.
import {
  hasOrganizationManagementLevel as hasLevel,
  hasPerm as hasMeetingPermission,
  isOrganizationManagementLevel,
  MissingPermissionError,
} from "../../permissions/index.js";
import type { OverlayReader } from "./overlay.js";

export { MissingPermissionError };

export function missingPermission(permission: string): MissingPermissionError {
  return MissingPermissionError.single(permission);
}

export function missingOrganizationManagementLevel(level: string): MissingPermissionError {
  return MissingPermissionError.single(level);
}

export async function hasOrganizationManagementLevel(db: OverlayReader, userId: number, level: string): Promise<boolean> {
  if (!isOrganizationManagementLevel(level)) throw new Error(`unknown organization management level ${level}`);
  return hasLevel(db, userId, level);
}

export async function hasPerm(db: OverlayReader, userId: number, permission: string, meetingId: number): Promise<boolean> {
  return hasMeetingPermission(db, userId, permission, meetingId);
}
