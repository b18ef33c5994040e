// personal_note.create: the meeting comes from content_object_id and the meeting user is the
// request user's one in that meeting (meeting_user_id may only be given on the internal route).
// A note needs star or note, and (meeting_user_id, content_object_id) must be unique.
import { findMeetingUser } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import { assertUserInMeeting } from "../../shared/personal-note-rules.js";

const meetingOf = meetingOfReferencedModel("personal_note", "content_object_id");

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  if ("meeting_user_id" in item) throw new ActionError("data must not contain {'meeting_user_id'} properties");
  await assertUserInMeeting(ctx, await meetingOf(ctx, item));
}

async function ownMeetingUserAndUniqueness(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = Number(instance.meeting_id);
  if (instance.meeting_user_id === undefined) {
    const meetingUserId = (await findMeetingUser(ctx.db, meetingId, ctx.userId, ["id"]))?.id as number | undefined;
    if (meetingUserId === undefined) throw new ActionError("User not associated with meeting.");
    instance.meeting_user_id = meetingUserId;
  }
  if (!(instance.star || instance.note)) throw new ActionError("Can't create personal note without star or note.");
  const exists = await ctx.db.exists("personal_note", {
    and_filter: [
      { field: "meeting_user_id", operator: "=", value: instance.meeting_user_id },
      { field: "content_object_id", operator: "=", value: String(instance.content_object_id) },
    ],
  });
  if (exists) throw new ActionError("(meeting_user_id, content_object_id) must be unique.");
  return instance;
}

export default defineAction({
  name: "personal_note.create",
  collection: "personal_note",
  kind: "create",
  schema: createSchema("personal_note", { required: ["content_object_id"], optional: ["star", "note", "meeting_user_id"] }),
  meetingOf,
  checkPermissions,
  updateInstance: [inferMeetingFrom("personal_note", "content_object_id"), ownMeetingUserAndUniqueness],
});
