// Organization and committee management levels (spec action-service 4.1).

/** Ordered from lowest to highest; an unknown or missing level counts as the first. */
export const ORGANIZATION_MANAGEMENT_LEVELS = ["no_right", "can_manage_users", "can_manage_organization", "superadmin"] as const;
export type OrganizationManagementLevel = (typeof ORGANIZATION_MANAGEMENT_LEVELS)[number];

export const COMMITTEE_MANAGEMENT_LEVELS = ["no_right", "can_manage"] as const;
export type CommitteeManagementLevel = (typeof COMMITTEE_MANAGEMENT_LEVELS)[number];

export function isOrganizationManagementLevel(value: unknown): value is OrganizationManagementLevel {
  return typeof value === "string" && (ORGANIZATION_MANAGEMENT_LEVELS as readonly string[]).includes(value);
}

/** The level as upstream reads a stored value: anything unknown is no_right. */
export function organizationManagementLevelOf(value: unknown): OrganizationManagementLevel {
  return isOrganizationManagementLevel(value) ? value : "no_right";
}

/** Whether `own` (a stored value, possibly missing) is at least `expected`. */
export function organizationManagementLevelAtLeast(own: unknown, expected: OrganizationManagementLevel): boolean {
  const rank = (level: OrganizationManagementLevel) => ORGANIZATION_MANAGEMENT_LEVELS.indexOf(level);
  return rank(organizationManagementLevelOf(own)) >= rank(expected);
}

/** Superadmins and organization managers manage every committee and are admins of every unlocked meeting. */
export function managesAllCommittees(own: unknown): boolean {
  return own === "superadmin" || own === "can_manage_organization";
}
