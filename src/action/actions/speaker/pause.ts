// speaker.pause: only a running, unpaused speaker; sets pause_time, stops the coupled countdown and
// books the time spoken so far on the speaker's structure level.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { controlListOfSpeakersCountdown, decreaseStructureLevelCountdown } from "../../shared/speaker-rules.js";
import { nowTimestamp } from "../../shared/clock.js";

async function pause(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const speaker = await ctx.db.get(`speaker/${Number(instance.id)}`, [
    "begin_time",
    "end_time",
    "pause_time",
    "unpause_time",
    "speech_state",
    "meeting_id",
    "structure_level_list_of_speakers_id",
    "point_of_order",
  ]);
  if (speaker.begin_time === undefined || speaker.end_time !== undefined || speaker.pause_time !== undefined) {
    throw new ActionError("Speaker is not currently speaking.");
  }
  const now = nowTimestamp();
  instance.pause_time = now;
  await decreaseStructureLevelCountdown(ctx, now, speaker);
  await controlListOfSpeakersCountdown(ctx, Number(speaker.meeting_id), "stop");
  return instance;
}

export default defineAction({
  name: "speaker.pause",
  collection: "speaker",
  kind: "update",
  singular: true,
  schema: itemSchema("speaker", { required: ["id"] }),
  permission: "list_of_speakers.can_manage",
  updateInstance: pause,
});
