// speaker.end_speech: sets end_time of a running or paused speaker, folds a pause into total_pause or books the spoken time on the structure level,
// resets the coupled countdown. Ending a speech that is no interposed question also ends the running interposed questions and deletes the waiting ones.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { controlListOfSpeakersCountdown, decreaseStructureLevelCountdown, SPEECH_STATES, speakersOfList, exactSpeakerTimes, wholeSecondsBetween } from "../../shared/speaker-rules.js";
import speakerDelete from "./delete.js";
import { nowTimestamp } from "../../shared/clock.js";

const endTimes = new WeakMap<ActionContext, number>();

async function speakerWithInterposedQuestions(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  endTimes.set(ctx, nowTimestamp());
  const instance = data[0]!;
  const instances: Instance[] = [instance];
  const speaker = await ctx.db.get(`speaker/${Number(instance.id)}`, ["list_of_speakers_id", "meeting_id", "speech_state"]);
  if (speaker.speech_state !== SPEECH_STATES.INTERPOSED_QUESTION) {
    const speakers = await speakersOfList(ctx, Number(speaker.list_of_speakers_id), ["meeting_id", "speech_state", "end_time", "begin_time"]);
    for (const [id, other] of speakers) {
      if (other.meeting_id !== speaker.meeting_id || other.speech_state !== SPEECH_STATES.INTERPOSED_QUESTION || other.end_time !== undefined) continue;
      if (other.begin_time !== undefined) instances.push({ id });
      else await ctx.execute(speakerDelete, [{ id }]);
    }
  }
  return instances;
}

async function endSpeech(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const speaker = await ctx.db.get(`speaker/${Number(instance.id)}`, [
    "begin_time",
    "end_time",
    "pause_time",
    "unpause_time",
    "total_pause",
    "speech_state",
    "meeting_id",
    "structure_level_list_of_speakers_id",
    "point_of_order",
  ]);
  if (speaker.begin_time === undefined || speaker.end_time !== undefined) {
    throw new ActionError(`Speaker ${Number(instance.id)} is not speaking at the moment.`);
  }
  const endTime = endTimes.get(ctx) ?? nowTimestamp();
  instance.end_time = endTime;
  if (speaker.pause_time !== undefined) {
    instance.total_pause = Number(speaker.total_pause ?? 0) + wholeSecondsBetween(Number((await exactSpeakerTimes(ctx, speaker)).pause_time), endTime);
    instance.pause_time = null;
  } else {
    await decreaseStructureLevelCountdown(ctx, endTime, speaker);
  }
  await controlListOfSpeakersCountdown(ctx, Number(speaker.meeting_id), "reset");
  return instance;
}

export default defineAction({
  name: "speaker.end_speech",
  collection: "speaker",
  kind: "update",
  singular: true,
  schema: itemSchema("speaker", { required: ["id"] }, "End speach schema", "Schema to stop a speaker's speach."),
  permission: "list_of_speakers.can_manage",
  instances: speakerWithInterposedQuestions,
  updateInstance: endSpeech,
});
