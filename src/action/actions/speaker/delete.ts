// speaker.delete: one's own speaker needs no permission (unless one's vote is delegated and the
// meeting forbids delegators on lists of speakers). Deleting a running speaker books the spoken
// time on its structure level and resets the coupled countdown.
import { defineAction } from "../../framework/define.js";
import { hasPerm, missingPermission } from "../../framework/permissions.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { controlListOfSpeakersCountdown, decreaseStructureLevelCountdown, delegatorRestricted, userOfMeetingUser } from "../../shared/speaker-rules.js";
import { nowTimestamp } from "../../shared/clock.js";

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const speaker = await ctx.db.get(`speaker/${Number(item.id)}`, ["meeting_user_id"]);
  const meetingId = await ctx.meetingIdOf(item);
  if (speaker.meeting_user_id) {
    const userId = await userOfMeetingUser(ctx, speaker.meeting_user_id);
    if (userId === ctx.userId && !(await delegatorRestricted(ctx, meetingId))) return;
  }
  if (!(await hasPerm(ctx.db, ctx.userId, "list_of_speakers.can_manage", meetingId))) throw missingPermission("list_of_speakers.can_manage");
}

async function stopRunningSpeech(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const speaker = await ctx.db.get(`speaker/${Number(instance.id)}`, [
    "meeting_id",
    "begin_time",
    "end_time",
    "pause_time",
    "speech_state",
    "point_of_order",
    "unpause_time",
    "structure_level_list_of_speakers_id",
  ]);
  const running = speaker.begin_time !== undefined && speaker.end_time === undefined;
  if (running && speaker.pause_time === undefined) await decreaseStructureLevelCountdown(ctx, nowTimestamp(), speaker);
  if (running) await controlListOfSpeakersCountdown(ctx, Number(speaker.meeting_id), "reset");
  return instance;
}

export default defineAction({
  name: "speaker.delete",
  collection: "speaker",
  kind: "delete",
  schema: deleteSchema("speaker"),
  permission: "list_of_speakers.can_manage",
  checkPermissions,
  updateInstance: stopRunningSpeech,
});
