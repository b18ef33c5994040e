// chat_message.create: the meeting comes from the chat group; the author is the caller's
// meeting_user (required), `created` is now. Allowed for members of a write group and for
// chat managers.
import { findMeetingUser } from "../../../permissions/index.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { hasPerm } from "../../framework/permissions.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import { nowTimestamp } from "../../shared/clock.js";

async function mayWrite(ctx: ActionContext, item: Instance): Promise<void> {
  const group = await ctx.db.get(fqidOf("chat_group", Number(item.chat_group_id)), ["meeting_id", "write_group_ids"]);
  const meetingId = group.meeting_id as number;
  const writers = new Set((group.write_group_ids as number[] | undefined) ?? []);
  const meetingUser = await findMeetingUser(ctx.db, meetingId, ctx.userId, ["group_ids"]);
  const own = (meetingUser?.group_ids as number[] | undefined) ?? [];
  if (own.some((id) => writers.has(id)) || (await hasPerm(ctx.db, ctx.userId, "chat.can_manage", meetingId))) return;
  throw new PermissionDeniedError("You are not allowed to write in this chat group.");
}

async function setAuthor(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingUser = await findMeetingUser(ctx.db, Number(instance.meeting_id), ctx.userId, ["id"]);
  instance.meeting_user_id = meetingUser?.id ?? null;
  if (!instance.meeting_user_id) throw new ActionError("Cannot create chat message: You are not a participant of the meeting.");
  instance.created = nowTimestamp();
  return instance;
}

export default defineAction({
  name: "chat_message.create",
  collection: "chat_message",
  kind: "create",
  schema: createSchema("chat_message", { required: ["chat_group_id", "content"] }),
  meetingOf: meetingOfReferencedModel("chat_message", "chat_group_id"),
  checkPermissions: mayWrite,
  updateInstance: [inferMeetingFrom("chat_message", "chat_group_id"), setAuthor],
});
