// meeting_user.update (backend internal): the lock-out rules and the anonymous group check on
// top of the update; the user's history records group, data and delegation changes.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkLockingStatus, checkNotAnonymousGroup, meetingUserHistory, touchUsersForHistory } from "../../shared/meeting-user-rules.js";
import { MEETING_USER_STANDARD_FIELDS } from "./create.js";

const MERGE_FIELDS = [
  "assignment_candidate_ids",
  "motion_working_group_speaker_ids",
  "motion_editor_ids",
  "motion_supporter_ids",
  "motion_submitter_ids",
  "chat_message_ids",
];

async function updateMeetingUser(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const stored = await ctx.db.get(`meeting_user/${Number(instance.id)}`, ["meeting_id", "user_id"]);
  await checkLockingStatus(ctx, stored.meeting_id as number, instance, stored.user_id as number);
  await checkNotAnonymousGroup(ctx, instance);
  await touchUsersForHistory(ctx, instance, stored.user_id as number);
  return instance;
}

export default defineAction({
  name: "meeting_user.update",
  collection: "meeting_user",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("meeting_user", { optional: ["about_me", "group_ids", ...MEETING_USER_STANDARD_FIELDS, ...MERGE_FIELDS] }),
  updateInstance: updateMeetingUser,
  historyInformation: meetingUserHistory,
});
