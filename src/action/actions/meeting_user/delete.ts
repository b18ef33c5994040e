// meeting_user.delete (backend internal): the participant's speeches that have not begun are
// deleted and the user is no longer present in the meeting; history "Participant removed ...".
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, HistoryInformation, Instance } from "../../framework/types.js";
import { deleteWaitingSpeakers, removePresence } from "../../shared/meeting-user-rules.js";

const removed = new WeakMap<ActionContext, Map<number, { userId: number; meetingId: number }>>();

async function deleteMeetingUser(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingUser = await ctx.db.get(`meeting_user/${Number(instance.id)}`, ["speaker_ids", "user_id", "meeting_id"]);
  const userId = meetingUser.user_id as number;
  const meetingId = meetingUser.meeting_id as number;
  if (!removed.has(ctx)) removed.set(ctx, new Map());
  removed.get(ctx)!.set(Number(instance.id), { userId, meetingId });
  await deleteWaitingSpeakers(ctx, (meetingUser.speaker_ids as number[] | undefined) ?? []);
  if (!ctx.request.overlay.isDeleted(`user/${userId}`)) await removePresence(ctx, userId, meetingId);
  return instance;
}

function history(ctx: ActionContext): HistoryInformation {
  const information: HistoryInformation = {};
  for (const instance of ctx.instances) {
    const entry = removed.get(ctx)?.get(Number(instance.id));
    if (entry) information[`user/${entry.userId}`] = ["Participant removed from meeting {}", `meeting/${entry.meetingId}`];
  }
  return information;
}

export default defineAction({
  name: "meeting_user.delete",
  collection: "meeting_user",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("meeting_user"),
  updateInstance: deleteMeetingUser,
  historyInformation: history,
});
