// Actions that log users out after they succeeded: a deactivated user loses every session, and a
// user who changed their own password is logged out everywhere (upstream ClearSessionsMixin).
import type { ActionContext, Instance } from "../framework/types.js";

export function clearSessionsOnSuccess(ctx: ActionContext, userId: number): void {
  const sessions = ctx.request.sessions;
  if (sessions) ctx.request.onSuccess.push(() => sessions.clearAllOfUser(userId));
}

/** onSuccess of the password actions: only when the caller changed their own password. */
export function clearOwnSessionsIfOwnPassword(ctx: ActionContext, data: Instance[]): void {
  const own = data.some((item) => item.id === undefined || Number(item.id) === ctx.userId);
  if (own && ctx.userId > 0) clearSessionsOnSuccess(ctx, ctx.userId);
}
