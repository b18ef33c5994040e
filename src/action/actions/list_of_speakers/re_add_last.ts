// list_of_speakers.re_add_last: the speaker who finished last goes back to the top of the list
// (times cleared, weight below the lowest). An interposed question comes back only while
// someone speaks; without list_of_speakers_allow_multiple_speakers a user already waiting (with
// the same point-of-order kind) is refused.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

interface Speaker {
  id: number;
  end_time?: number;
  begin_time?: number;
  meeting_user_id?: number;
  weight: number;
  point_of_order?: boolean;
  speech_state?: string;
}

/** Latest end first; then the speech before its interposed questions; then by weight. */
function comesBefore(a: Speaker, b: Speaker): boolean {
  if (a.end_time !== b.end_time) return a.end_time! > b.end_time!;
  const aInterposed = a.speech_state === "interposed_question";
  const bInterposed = b.speech_state === "interposed_question";
  if (aInterposed !== bInterposed) return !aInterposed;
  return a.weight < b.weight;
}

async function reAddLast(ctx: ActionContext, listId: number): Promise<Instance> {
  const list = await ctx.db.get(`list_of_speakers/${listId}`, ["meeting_id"]);
  const meetingId = Number(list.meeting_id);
  const found = await ctx.db.filter(
    "speaker",
    { and_filter: [{ field: "list_of_speakers_id", operator: "=", value: listId }, { field: "meeting_id", operator: "=", value: meetingId }] },
    ["id", "end_time", "begin_time", "meeting_user_id", "weight", "point_of_order", "speech_state"],
  );
  const speakers = [...found.values()] as unknown as Speaker[];
  if (speakers.length === 0) throw new ActionError(`List of speakers ${listId} has no speakers.`);
  let last: Speaker | undefined;
  let lowestWeight: number | undefined;
  let someoneSpeaks = false;
  for (const speaker of speakers) {
    if (lowestWeight === undefined || speaker.weight < lowestWeight) lowestWeight = speaker.weight;
    if (speaker.end_time !== undefined) {
      if (!last || comesBefore(speaker, last)) last = speaker;
    } else if (speaker.begin_time !== undefined) {
      someoneSpeaks = true;
    }
  }
  if (!last) throw new ActionError("There is no last speaker that can be re-added.");
  if (last.speech_state === "interposed_question" && !someoneSpeaks) {
    throw new ActionError("Can't re-add interposed question when there's no current speaker");
  }
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["list_of_speakers_allow_multiple_speakers"]);
  if (!meeting.list_of_speakers_allow_multiple_speakers && last.meeting_user_id !== undefined) {
    const waiting = speakers.some(
      (speaker) => speaker.end_time === undefined && speaker.meeting_user_id === last!.meeting_user_id && Boolean(speaker.point_of_order) === Boolean(last!.point_of_order),
    );
    if (waiting) {
      const meetingUser = await ctx.db.get(`meeting_user/${last.meeting_user_id}`, ["user_id"]);
      throw new ActionError(`User ${String(meetingUser.user_id)} is already on the list of speakers.`);
    }
  }
  return { id: last.id, begin_time: null, end_time: null, weight: (lowestWeight ?? 0) - 1 };
}

export default defineAction({
  name: "list_of_speakers.re_add_last",
  collection: "speaker",
  kind: "update",
  schema: itemSchema("list_of_speakers", { required: ["id"] }, "Re-add last speaker", "Moves the last speaker back to the top of the list."),
  permission: "list_of_speakers.can_manage",
  meetingOf: { collection: "list_of_speakers", idField: "id" },
  instances: async (ctx, data) => {
    const updates: Instance[] = [];
    for (const item of data) updates.push(await reAddLast(ctx, Number(item.id)));
    return updates;
  },
});
