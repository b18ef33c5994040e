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

/** One alternative of a combined message: the permission and where (an id, or a set of ids). */
export type MissingAlternative = readonly [permission: string, where: number | readonly number[]];

function baseOf(permission: string): string {
  if (permission.includes(".")) return "meeting";
  return permission === "can_manage" ? "committee" : "organization";
}

/**
 * `Missing permission[s]: <Type> <perm> in <base>[s] <id or {ids}> or ...`; alternatives with an
 * empty id set are dropped, and a permission given twice keeps its last place (upstream builds a dict).
 */
export function missingPermissions(alternatives: readonly MissingAlternative[]): PermissionDeniedError {
  const byPermission = new Map<string, number | readonly number[]>();
  for (const [permission, where] of alternatives) {
    byPermission.delete(permission);
    if (typeof where !== "number" && where.length === 0) continue;
    byPermission.set(permission, where);
  }
  const s = (count: number) => (count > 1 ? "s" : "");
  const parts = [...byPermission].map(([permission, where]) => {
    if (typeof where === "number") return `${permissionType(permission)} ${permission} in ${baseOf(permission)} ${where}`;
    const ids = [...new Set(where)].sort((a, b) => a - b);
    return `${permissionType(permission)} ${permission} in ${baseOf(permission)}${s(ids.length)} {${ids.join(", ")}}`;
  });
  return new PermissionDeniedError(`Missing permission${s(byPermission.size)}: ${parts.join(" or ")}`);
}
