// speaker.sort: the given ids must be exactly the list's waiting speakers (not yet begun); they
// get the weights 1..n in the given order.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { idListSchema, itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { speakersOfList } from "../../shared/speaker-rules.js";

async function sortWaitingSpeakers(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const item = data[0]!;
  const listId = Number(item.list_of_speakers_id);
  const meetingId = await ctx.meetingIdOf(item);
  const speakers = await speakersOfList(ctx, listId, ["begin_time", "meeting_id"]);
  const waiting = new Set([...speakers.values()].filter((speaker) => speaker.begin_time === undefined && speaker.meeting_id === meetingId).map((speaker) => Number(speaker.id)));
  const ids = item.speaker_ids as number[];
  for (const id of ids) {
    if (!waiting.has(id)) throw new ActionError(`speaker sorting failed, because element speaker/${id} doesn't exist.`);
  }
  if (ids.length !== waiting.size) throw new ActionError("speaker sorting failed, because some elements were not included in the call.");
  return ids.map((id, index) => ({ id, weight: index + 1 }));
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
