// list_of_speakers.delete_all_speakers: deletes every speaker of the given lists (a speaker
// delete per speaker; the data items name the lists).
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function speakersOfLists(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const speakers: Instance[] = [];
  for (const item of data) {
    const list = await ctx.db.get(`list_of_speakers/${Number(item.id)}`, ["speaker_ids"]);
    for (const id of (list.speaker_ids as number[] | undefined) ?? []) speakers.push({ id });
  }
  return speakers;
}

export default defineAction({
  name: "list_of_speakers.delete_all_speakers",
  collection: "speaker",
  kind: "delete",
  schema: itemSchema(
    "list_of_speakers",
    { required: ["id"] },
    "Delete all speakers of list of speakers",
    "Action to remove all speakers from the given list of speakers.",
  ),
  permission: "list_of_speakers.can_manage",
  meetingOf: { collection: "list_of_speakers", idField: "id" },
  instances: speakersOfLists,
});
