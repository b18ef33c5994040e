// chat_message.update: only the author may edit the content.
import { PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function authorOnly(ctx: ActionContext, item: Instance): Promise<void> {
  const message = await ctx.db.get(fqidOf("chat_message", Number(item.id)), ["meeting_user_id"]);
  const meetingUser = await ctx.db.get(fqidOf("meeting_user", Number(message.meeting_user_id)), ["user_id"]);
  if (meetingUser.user_id !== ctx.userId) throw new PermissionDeniedError("You must be creator of a chat message to edit it.");
}

export default defineAction({
  name: "chat_message.update",
  collection: "chat_message",
  kind: "update",
  schema: updateSchema("chat_message", { optional: ["content"] }),
  checkPermissions: authorOnly,
});
