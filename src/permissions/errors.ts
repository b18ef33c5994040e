// The 403 texts of the permission model (spec action-service 4.4, 4.5; presenter A4).
//
// A "permission" here is any of three kinds, told apart by its value: meeting permissions
// contain a dot (motion.can_create), organization management levels are the OML values, and the
// committee management level is can_manage.
import { PermissionDeniedError } from "../action/errors.js";
import { isOrganizationManagementLevel } from "./management-levels.js";
import { pythonIntSetOrder } from "./python-set-order.js";

export type AnyPermission = string;

interface PermissionKind {
  /** Upstream's verbose type name. */
  type: "Permission" | "OrganizationManagementLevel" | "CommitteeManagementLevel";
  /** The collection the permission is checked in. */
  base: "meeting" | "organization" | "committee";
}

export function permissionKind(permission: AnyPermission): PermissionKind {
  if (permission.includes(".")) return { type: "Permission", base: "meeting" };
  if (isOrganizationManagementLevel(permission)) return { type: "OrganizationManagementLevel", base: "organization" };
  return { type: "CommitteeManagementLevel", base: "committee" };
}

/**
 * One alternative of a combined message: the permission and where it is missing, one id or a
 * set of ids (given in the order upstream adds them to its set; printed in Python's set order).
 */
export type PermissionAlternative = readonly [permission: AnyPermission, where: number | ReadonlySet<number> | readonly number[]];

/** `Missing Permission: motion.can_create`, `Missing OrganizationManagementLevel: can_manage_users`. */
export function missingPermissionText(permission: AnyPermission): string {
  return `Missing ${permissionKind(permission).type}: ${permission}`;
}

/**
 * `Missing permission[s]: <Type> <value> in <base>[s] <id or {ids}> or ...`. Alternatives with an
 * empty id set are dropped, like upstream; a permission given twice keeps its last place.
 */
export function missingPermissionsText(alternatives: readonly PermissionAlternative[], useAnd = false): string {
  const byPermission = new Map<AnyPermission, number | number[]>();
  for (const [permission, where] of alternatives) {
    const ids = typeof where === "number" ? where : [...where];
    if (Array.isArray(ids) && ids.length === 0) {
      byPermission.delete(permission);
      continue;
    }
    byPermission.set(permission, ids);
  }
  const plural = (count: number) => (count > 1 ? "s" : "");
  const parts = [...byPermission].map(([permission, ids]) => {
    const { type, base } = permissionKind(permission);
    const where = typeof ids === "number" ? String(ids) : `{${pythonIntSetOrder(ids).join(", ")}}`;
    return `${type} ${permission} in ${base}${plural(typeof ids === "number" ? 1 : new Set(ids).size)} ${where}`;
  });
  return `Missing permission${plural(byPermission.size)}: ${parts.join(useAnd ? " and " : " or ")}`;
}

/**
 * Upstream's MissingPermission (403). The generic action check prefixes its text with
 * `You are not allowed to perform action <name>. ` (see withActionPrefix).
 */
export class MissingPermissionError extends PermissionDeniedError {
  static single(permission: AnyPermission): MissingPermissionError {
    return new MissingPermissionError(missingPermissionText(permission));
  }

  static anyOf(alternatives: readonly PermissionAlternative[]): MissingPermissionError {
    return new MissingPermissionError(missingPermissionsText(alternatives));
  }

  static allOf(alternatives: readonly PermissionAlternative[]): MissingPermissionError {
    return new MissingPermissionError(missingPermissionsText(alternatives, true));
  }

  /** The same error as the generic check of action <name> reports it. */
  withActionPrefix(actionName: string): MissingPermissionError {
    return new MissingPermissionError(`${notAllowedToPerformText(actionName)} ${this.message}`);
  }
}

/** `You are not allowed to perform action <name>.` (no permission declared and no override). */
export function notAllowedToPerformText(actionName: string): string {
  return `You are not allowed to perform action ${actionName}.`;
}

export function notAllowedToPerform(actionName: string): PermissionDeniedError {
  return new PermissionDeniedError(notAllowedToPerformText(actionName));
}

/** Raised by hasPerm for anonymous in a meeting without public access. */
export function anonymousNotEnabled(meetingId: number): PermissionDeniedError {
  return new PermissionDeniedError(`Anonymous is not enabled for meeting ${meetingId}`);
}

/** assert_not_anonymous of upstream actions. */
export function anonymousNotAllowed(actionName: string): PermissionDeniedError {
  return new PermissionDeniedError(`Anonymous is not allowed to execute ${actionName}`);
}

/** The presenters' variant: `You are not allowed to perform presenter <name> Missing permission: <perm>` (sic, no period). */
export function presenterMissingPermission(presenterName: string, permission: AnyPermission): PermissionDeniedError {
  return new PermissionDeniedError(`You are not allowed to perform presenter ${presenterName} Missing permission: ${permission}`);
}
