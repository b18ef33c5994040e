// Upstream MeetingUserHelperMixin: find a user's meeting_user in a meeting or create it through
// meeting_user.create (used by user.assign_meetings, user.save_saml_account, ...).
import { findMeetingUser } from "../../permissions/index.js";
import type { ActionContext } from "../framework/types.js";

export async function getMeetingUser(ctx: ActionContext, meetingId: number, userId: number, fields: string[]): Promise<Record<string, unknown> | undefined> {
  return findMeetingUser(ctx.db, meetingId, userId, fields);
}

export async function createOrGetMeetingUser(ctx: ActionContext, meetingId: number, userId: number): Promise<number> {
  const existing = await findMeetingUser(ctx.db, meetingId, userId, ["id"]);
  if (existing?.id) return existing.id as number;
  const results = await ctx.execute("meeting_user.create", [{ meeting_id: meetingId, user_id: userId }]);
  return (results![0] as { id: number }).id;
}
