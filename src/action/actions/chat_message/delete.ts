// chat_message.delete: the author or a chat manager of the meeting.
import { PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { hasPerm } from "../../framework/permissions.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function authorOrManager(ctx: ActionContext, item: Instance): Promise<void> {
  const message = await ctx.db.get(fqidOf("chat_message", Number(item.id)), ["meeting_user_id", "meeting_id"]);
  const meetingUser = await ctx.db.get(fqidOf("meeting_user", Number(message.meeting_user_id)), ["user_id"]);
  if (meetingUser.user_id === ctx.userId || (await hasPerm(ctx.db, ctx.userId, "chat.can_manage", message.meeting_id as number))) return;
  throw new PermissionDeniedError("You are not allowed to perform action chat_message.delete");
}

export default defineAction({
  name: "chat_message.delete",
  collection: "chat_message",
  kind: "delete",
  schema: deleteSchema("chat_message"),
  checkPermissions: authorOrManager,
});
