// The meeting permission tree of permission.yml: which permissions a permission implies.
import { PERMISSION_IMPLICATIONS, PERMISSIONS } from "./generated/permissions.js";

export { PERMISSIONS };

export function isPermission(value: string): boolean {
  return Object.hasOwn(PERMISSION_IMPLICATIONS, value);
}

/** Whether holding `held` grants `wanted` (itself or through the tree). */
export function permissionImplies(held: string, wanted: string): boolean {
  return held === wanted || (PERMISSION_IMPLICATIONS[held]?.includes(wanted) ?? false);
}

/** The given permissions plus everything they imply. */
export function expandPermissions(permissions: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const permission of permissions) {
    result.add(permission);
    for (const implied of PERMISSION_IMPLICATIONS[permission] ?? []) result.add(implied);
  }
  return result;
}
