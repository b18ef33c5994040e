// projector_countdown.delete: the meeting's list-of-speakers and poll countdowns may only go
// together with their meeting.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function refuseMeetingCountdowns(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const countdown = await ctx.db.get(fqidOf("projector_countdown", Number(instance.id)), [
    "used_as_list_of_speakers_countdown_meeting_id",
    "used_as_poll_countdown_meeting_id",
  ]);
  const meetingId = (countdown.used_as_list_of_speakers_countdown_meeting_id ?? countdown.used_as_poll_countdown_meeting_id) as number | undefined;
  if (meetingId && !ctx.isToBeDeleted(fqidOf("meeting", meetingId))) {
    throw new ActionError("List of speakers or poll countdown is not allowed to delete.");
  }
  return instance;
}

export default defineAction({
  name: "projector_countdown.delete",
  collection: "projector_countdown",
  kind: "delete",
  schema: deleteSchema("projector_countdown"),
  permission: "projector.can_manage",
  updateInstance: refuseMeetingCountdowns,
});
