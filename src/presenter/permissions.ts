// The presenters' door to the shared permission rules (src/permissions), with the few helpers
// the presenters call by their own names.
import type { Database } from "../db/types.js";
import {
  hasOrganizationManagementLevel as hasLevel,
  hasPerm as hasMeetingPermission,
  idList,
  isCommitteeManager,
  MissingPermissionError,
  mustGet as mustGetShared,
  type OrganizationManagementLevel,
} from "../permissions/index.js";

export type { OrganizationManagementLevel };

export const idsOf = idList;

export function hasOrganizationManagementLevel(db: Database, userId: number, level: OrganizationManagementLevel): Promise<boolean> {
  return hasLevel(db, userId, level);
}

/** 403 `Missing OrganizationManagementLevel: <level>` unless the user has it. */
export async function assertOrganizationManagementLevel(db: Database, userId: number, level: OrganizationManagementLevel): Promise<void> {
  if (!(await hasLevel(db, userId, level))) throw missingOrganizationManagementLevel(level);
}

export function missingOrganizationManagementLevel(level: OrganizationManagementLevel): MissingPermissionError {
  return MissingPermissionError.single(level);
}

/** CML can_manage on the committee; without a committee only organization managers. */
export async function managesCommittee(db: Database, userId: number, committeeId: number | undefined): Promise<boolean> {
  if (committeeId) return isCommitteeManager(db, userId, committeeId);
  return hasLevel(db, userId, "can_manage_organization");
}

/** Upstream's datastore.get: a missing model is a 400 "Model '<fqid>' does not exist.". */
export function mustGet(db: Database, fqid: string, fields: string[]): Promise<Record<string, unknown>> {
  return mustGetShared(db, fqid, fields);
}

export function hasPerm(db: Database, userId: number, permission: string, meetingId: number): Promise<boolean> {
  return hasMeetingPermission(db, userId, permission, meetingId);
}
