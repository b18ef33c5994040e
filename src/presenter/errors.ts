// Errors of the presenter component; the 403 class is the action layer's so that shared
// permission helpers raise one kind of error.
export { PermissionDeniedError } from "../action/errors.js";

/** 400 {success: false, message}: bad data or a failed precondition of a presenter. */
export class PresenterError extends Error {}
