// Errors of the presenter component; the 403 class is the action layer's so that
// sendActionError answers both alike.
//
// INTEGRATION POINT: src/permissions/errors.ts (not committed yet) carries the same texts; switch
// to it once it is part of the repository.
import { PermissionDeniedError } from "../action/errors.js";

export { PermissionDeniedError };

/** 400 {success: false, message}: bad data or a failed precondition of a presenter. */
export class PresenterError extends Error {}

function permissionType(permission: string): string {
  if (permission.includes(".")) return "Permission";
  return permission === "can_manage" ? "CommitteeManagementLevel" : "OrganizationManagementLevel";
}

/** `Missing Permission: motion.can_create`, `Missing OrganizationManagementLevel: can_manage_users`. */
export function missingPermission(permission: string): PermissionDeniedError {
  return new PermissionDeniedError(`Missing ${permissionType(permission)}: ${permission}`);
}

/** `You are not allowed to perform presenter <name> Missing permission: <perm>` (sic, no period). */
export function presenterMissingPermission(presenterName: string, permission: string): PermissionDeniedError {
  return new PermissionDeniedError(`You are not allowed to perform presenter ${presenterName} Missing permission: ${permission}`);
}

export function anonymousNotEnabled(meetingId: number): PermissionDeniedError {
  return new PermissionDeniedError(`Anonymous is not enabled for meeting ${meetingId}`);
}
