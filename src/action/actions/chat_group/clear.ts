// chat_group.clear: only with the chat enabled; deletes every message of the group (the group
// itself is not written).
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { assertChatEnabled } from "../../shared/chat-rules.js";
import chatMessageDelete from "../chat_message/delete.js";

async function clearMessages(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const messages: Instance[] = [];
  for (const item of data) {
    const group = await ctx.db.get(fqidOf("chat_group", Number(item.id)), ["chat_message_ids"]);
    for (const id of (group.chat_message_ids as number[] | undefined) ?? []) messages.push({ id });
  }
  await ctx.execute(chatMessageDelete, messages);
  return [];
}

export default defineAction({
  name: "chat_group.clear",
  collection: "chat_group",
  kind: "update",
  schema: updateSchema("chat_group", {}),
  permission: "chat.can_manage",
  // Upstream's ChatEnabledMixin hooks update_instance, which no instance reaches here: no check.
  updateInstance: assertChatEnabled,
  instances: clearMessages,
});
