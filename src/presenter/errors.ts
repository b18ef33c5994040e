// Errors of the presenter component. The 403 texts are the shared ones of src/permissions; the
// 403 class is the action layer's, so that sendActionError answers both alike.
import { PermissionDeniedError } from "../action/errors.js";
import { MissingPermissionError, presenterMissingPermission } from "../permissions/index.js";

export { PermissionDeniedError, presenterMissingPermission };

/** 400 {success: false, message}: bad data or a failed precondition of a presenter. */
export class PresenterError extends Error {}

/** `Missing Permission: motion.can_create`, `Missing OrganizationManagementLevel: can_manage_users`. */
export function missingPermission(permission: string): PermissionDeniedError {
  return MissingPermissionError.single(permission);
}
