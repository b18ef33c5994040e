// speaker.sort: the given ids must be exactly the list's waiting speakers (not yet begun); they
// get the weights 1..n in the given order.
import { defineAction } from "../../framework/define.js";
import { idListSchema, itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { weightsInOrder } from "../../shared/linear-sort.js";
import { speakersOfList } from "../../shared/speaker-rules.js";

async function sortWaitingSpeakers(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const item = data[0]!;
  const listId = Number(item.list_of_speakers_id);
  const meetingId = await ctx.meetingIdOf(item);
  const speakers = await speakersOfList(ctx, listId, ["begin_time", "meeting_id"]);
  const waiting = new Set([...speakers.values()].filter((speaker) => speaker.begin_time === undefined && speaker.meeting_id === meetingId).map((speaker) => Number(speaker.id)));
  return weightsInOrder("speaker", item.speaker_ids as number[], waiting);
}

export default defineAction({
  name: "speaker.sort",
  collection: "speaker",
  kind: "update",
  singular: true,
  schema: itemSchema(
    "speaker",
    { required: ["list_of_speakers_id"], additionalRequired: { speaker_ids: idListSchema } },
    "Sort speaker schema",
  ),
  permission: "list_of_speakers.can_manage",
  meetingOf: { collection: "list_of_speakers", idField: "list_of_speakers_id" },
  instances: sortWaitingSpeakers,
});
