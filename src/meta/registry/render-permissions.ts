// src/meta/generated/permissions.ts: the meeting permissions of permission.yml and, for each,
// every permission it implies (the tree is nested: a permission implies everything below it).
import type { ModelSource } from "../source.js";
import { GENERATED_HEADER } from "./header.js";

/** permission -> every permission it implies, transitively, sorted. */
export function permissionImplications(tree: Record<string, unknown>): Record<string, string[]> {
  const implied = new Map<string, Set<string>>();
  const walk = (prefix: string, node: unknown): string[] => {
    const below: string[] = [];
    for (const [name, children] of Object.entries((node ?? {}) as Record<string, unknown>)) {
      const permission = `${prefix}.${name}`;
      const childPermissions = walk(prefix, children);
      const set = implied.get(permission) ?? new Set<string>();
      for (const child of childPermissions) set.add(child);
      implied.set(permission, set);
      below.push(permission, ...childPermissions);
    }
    return below;
  };
  for (const [prefix, node] of Object.entries(tree)) walk(prefix, node);
  return Object.fromEntries([...implied.keys()].sort().map((permission) => [permission, [...implied.get(permission)!].sort()]));
}

export function renderPermissions(source: ModelSource): string {
  const implications = permissionImplications(source.permissionTree);
  const names = Object.keys(implications);
  const lines = [
    GENERATED_HEADER,
    "/** Every meeting permission. */",
    "export type Permission =",
    ...names.map((name, index) => `  | ${JSON.stringify(name)}${index === names.length - 1 ? ";" : ""}`),
    "",
    "/** Every meeting permission -> the permissions it implies (transitively). */",
    "export const PERMISSION_IMPLICATIONS: Readonly<Record<Permission, readonly Permission[]>> = {",
    ...names.map((name) => `  ${JSON.stringify(name)}: [${implications[name]!.map((implied) => JSON.stringify(implied)).join(", ")}],`),
    "};",
    "",
    "export const PERMISSIONS: readonly Permission[] = Object.keys(PERMISSION_IMPLICATIONS) as Permission[];",
    "",
  ];
  return lines.join("\n");
}
