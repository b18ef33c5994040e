// structure_level_list_of_speakers.create: the meeting comes from the list of speakers; the
// (structure level, list) pair must be unique; structure level countdowns must be on (meeting
// default time > 0); initial_time defaults to that time and remaining_time starts at initial_time.
// This replaces the unregistered fallback in shared/speaker-rules.ts.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import { createSchema } from "../../validation/schemas.js";

async function checkAndSetTimes(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = Number(instance.meeting_id);
  const duplicate = await ctx.db.exists("structure_level_list_of_speakers", {
    and_filter: [
      { field: "structure_level_id", operator: "=", value: instance.structure_level_id },
      { field: "list_of_speakers_id", operator: "=", value: instance.list_of_speakers_id },
      { field: "meeting_id", operator: "=", value: meetingId },
    ],
  });
  if (duplicate) throw new ActionError("(structure_level_id, list_of_speakers_id) must be unique.");
  const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["list_of_speakers_default_structure_level_time"]);
  const defaultTime = meeting.list_of_speakers_default_structure_level_time;
  if (!defaultTime) throw new ActionError("Structure level countdowns are deactivated");
  if (!("initial_time" in instance)) instance.initial_time = defaultTime;
  instance.remaining_time = instance.initial_time;
  return instance;
}

export default defineAction({
  name: "structure_level_list_of_speakers.create",
  collection: "structure_level_list_of_speakers",
  kind: "create",
  schema: createSchema("structure_level_list_of_speakers", { required: ["structure_level_id", "list_of_speakers_id"], optional: ["initial_time"] }),
  permission: "list_of_speakers.can_manage",
  meetingOf: meetingOfReferencedModel("structure_level_list_of_speakers", "list_of_speakers_id"),
  updateInstance: [inferMeetingFrom("structure_level_list_of_speakers", "list_of_speakers_id"), checkAndSetTimes],
});
