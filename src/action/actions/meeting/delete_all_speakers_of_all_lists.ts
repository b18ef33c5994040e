// meeting.delete_all_speakers_of_all_lists: deletes every speaker of every list of speakers of the
// given meetings (a generic speaker delete per speaker, not speaker.delete).
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function speakersOfMeetings(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const meetings = await ctx.db.getMany("meeting", data.map((item) => Number(item.id)), ["list_of_speakers_ids"]);
  const losIds = [...meetings.values()].flatMap((meeting) => (meeting.list_of_speakers_ids as number[] | undefined) ?? []);
  const lists = await ctx.db.getMany("list_of_speakers", losIds, ["speaker_ids"]);
  return [...lists.values()].flatMap((los) => ((los.speaker_ids as number[] | undefined) ?? []).map((id) => ({ id })));
}

export default defineAction({
  name: "meeting.delete_all_speakers_of_all_lists",
  collection: "speaker",
  kind: "delete",
  schema: itemSchema(
    "meeting",
    { required: ["id"] },
    "Delete all speakers of all list of a meeting.",
    "An array of meeting objects which speakers to be deleted",
  ),
  permission: "list_of_speakers.can_manage",
  meetingOf: (_ctx, item) => Promise.resolve(Number(item.id)),
  instances: speakersOfMeetings,
});
