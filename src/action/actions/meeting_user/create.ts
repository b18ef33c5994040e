// meeting_user.create (backend internal): one meeting_user per user and meeting; nobody joins an
// anonymous group; the lock-out rules apply; the user's history gets "Participant added to ...".
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import {
  checkLockingStatus,
  checkNotAnonymousGroup,
  meetingUserCreateHistory,
  meetingUserFilter,
  touchUsersForHistory,
} from "../../shared/meeting-user-rules.js";

export const MEETING_USER_STANDARD_FIELDS = ["comment", "number", "vote_weight", "structure_level_ids", "locked_out"];

async function createMeetingUser(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = Number(instance.meeting_id);
  const userId = Number(instance.user_id);
  if (await ctx.db.exists("meeting_user", meetingUserFilter(meetingId, userId))) {
    throw new ActionError(`MeetingUser instance with user ${userId} and meeting ${meetingId} already exists`);
  }
  await checkLockingStatus(ctx, meetingId, instance, userId);
  await checkNotAnonymousGroup(ctx, instance);
  await touchUsersForHistory(ctx, instance, userId);
  return instance;
}

export default defineAction({
  name: "meeting_user.create",
  collection: "meeting_user",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("meeting_user", {
    required: ["user_id", "meeting_id"],
    optional: ["about_me", "group_ids", ...MEETING_USER_STANDARD_FIELDS],
  }),
  updateInstance: createMeetingUser,
  historyInformation: meetingUserCreateHistory,
});
