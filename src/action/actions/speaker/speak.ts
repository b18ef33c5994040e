// speaker.speak: a waiting speaker begins. An interposed question pauses whoever speaks, any other
// speech ends the running and paused speeches. Restarts the coupled countdown (interventions with
// the meeting's intervention time, interposed questions with 0) and the structure level's clock.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { controlListOfSpeakersCountdown, SPEECH_STATES, speakersOfList, startStructureLevelCountdown } from "../../shared/speaker-rules.js";
import speakerEndSpeech from "./end_speech.js";
import speakerPause from "./pause.js";
import { nowTimestamp } from "../../shared/clock.js";

async function speak(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const speaker = await ctx.db.get(`speaker/${Number(instance.id)}`, [
    "list_of_speakers_id",
    "meeting_id",
    "begin_time",
    "end_time",
    "speech_state",
    "structure_level_list_of_speakers_id",
    "point_of_order",
  ]);
  const speakers = await speakersOfList(ctx, Number(speaker.list_of_speakers_id), ["meeting_id", "begin_time", "end_time", "pause_time"]);
  const current = [...speakers.values()].filter(
    (other) => other.meeting_id === speaker.meeting_id && other.begin_time !== undefined && other.end_time === undefined,
  );
  if (speaker.speech_state === SPEECH_STATES.INTERPOSED_QUESTION) {
    const unpaused = current.filter((other) => other.pause_time === undefined).map((other) => ({ id: other.id }));
    if (unpaused.length > 0) await ctx.execute(speakerPause, unpaused);
  } else if (current.length > 0) {
    // Upstream's end_speech handles only the first data item (the others are dropped).
    await ctx.execute(speakerEndSpeech, [{ id: current[0]!.id }]);
  }

  if (speaker.begin_time !== undefined) throw new ActionError("Speaker has already started to speak.");
  const now = nowTimestamp();
  instance.begin_time = now;

  let countdownTime: number | undefined;
  if (speaker.speech_state === SPEECH_STATES.INTERVENTION) {
    const meeting = await ctx.db.get(`meeting/${Number(speaker.meeting_id)}`, ["list_of_speakers_intervention_time"]);
    countdownTime = meeting.list_of_speakers_intervention_time as number | undefined;
  } else if (speaker.speech_state === SPEECH_STATES.INTERPOSED_QUESTION) {
    countdownTime = 0;
  }
  await controlListOfSpeakersCountdown(ctx, Number(speaker.meeting_id), "restart", countdownTime);
  startStructureLevelCountdown(ctx, now, speaker);
  return instance;
}

export default defineAction({
  name: "speaker.speak",
  collection: "speaker",
  kind: "update",
  singular: true,
  schema: itemSchema("speaker", { required: ["id"] }, "Speak schema", "Schema to let a speaker's speach begin."),
  permission: "list_of_speakers.can_manage",
  updateInstance: speak,
});
