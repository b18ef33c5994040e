// The meeting permission tree of permission.yml: which permissions a permission implies.
import { PERMISSION_IMPLICATIONS, PERMISSIONS, type Permission } from "./generated/permissions.js";

export { PERMISSIONS, type Permission };

const implications: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(PERMISSION_IMPLICATIONS).map(([permission, implied]) => [permission, new Set(implied)]),
);

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && implications.has(value);
}

/** Whether holding `held` grants `wanted` (itself or through the tree). */
export function permissionImplies(held: string, wanted: string): boolean {
  return held === wanted || (implications.get(held)?.has(wanted) ?? false);
}

/** The permissions `permission` implies, without itself (empty for unknown strings). */
export function impliedPermissions(permission: string): readonly string[] {
  return PERMISSION_IMPLICATIONS[permission as Permission] ?? [];
}

/** The given permissions plus everything they imply. */
export function expandPermissions(permissions: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const permission of permissions) {
    result.add(permission);
    for (const implied of implications.get(permission) ?? []) result.add(implied);
  }
  return result;
}
