// speaker.unpause: only a paused speaker; pauses whoever speaks meanwhile (an interposed question),
// adds the pause to total_pause, sets unpause_time, restarts the coupled countdown and the
// structure level's clock.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { controlListOfSpeakersCountdown, speakersOfList, startStructureLevelCountdown, exactSpeakerTimes, wholeSecondsBetween } from "../../shared/speaker-rules.js";
import speakerPause from "./pause.js";
import { nowTimestamp } from "../../shared/clock.js";

async function unpause(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const speaker = await ctx.db.get(`speaker/${Number(instance.id)}`, [
    "begin_time",
    "end_time",
    "pause_time",
    "total_pause",
    "speech_state",
    "meeting_id",
    "list_of_speakers_id",
    "structure_level_list_of_speakers_id",
    "point_of_order",
  ]);
  if (speaker.begin_time === undefined || speaker.end_time !== undefined || speaker.pause_time === undefined) {
    throw new ActionError("Speaker is not paused.");
  }
  const speakers = await speakersOfList(ctx, Number(speaker.list_of_speakers_id), ["meeting_id", "begin_time", "pause_time", "end_time"]);
  const running = [...speakers.values()].find(
    (other) => other.meeting_id === speaker.meeting_id && other.begin_time !== undefined && other.pause_time === undefined && other.end_time === undefined,
  );
  if (running) await ctx.execute(speakerPause, [{ id: running.id }]);

  const now = nowTimestamp();
  instance.unpause_time = now;
  instance.total_pause = Number(speaker.total_pause ?? 0) + wholeSecondsBetween(Number((await exactSpeakerTimes(ctx, speaker)).pause_time), now);
  instance.pause_time = null;
  await controlListOfSpeakersCountdown(ctx, Number(speaker.meeting_id), "start");
  startStructureLevelCountdown(ctx, now, speaker);
  return instance;
}

export default defineAction({
  name: "speaker.unpause",
  collection: "speaker",
  kind: "update",
  singular: true,
  schema: itemSchema("speaker", { required: ["id"] }),
  permission: "list_of_speakers.can_manage",
  updateInstance: unpause,
});
