// list_of_speakers.create: not callable from outside (upstream registers no such action); run by
// the creates of topics, motions, motion blocks, assignments and meeting mediafiles. The list
// starts closed when the meeting says so.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";

async function closedAsConfigured(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meeting = await ctx.db.get(fqidOf("meeting", Number(instance.meeting_id)), ["list_of_speakers_initially_closed"]);
  instance.closed = meeting.list_of_speakers_initially_closed ?? false;
  return instance;
}

export default defineAction({
  name: "list_of_speakers.create",
  collection: "list_of_speakers",
  kind: "create",
  visibility: "unregistered",
  schema: createSchema("list_of_speakers", { required: ["content_object_id"] }),
  meetingOf: meetingOfReferencedModel("list_of_speakers", "content_object_id"),
  updateInstance: [inferMeetingFrom("list_of_speakers", "content_object_id"), closedAsConfigured],
});
