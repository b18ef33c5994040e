// chat_group.delete: only with the chat enabled; its messages cascade.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";
import { assertChatEnabled } from "../../shared/chat-rules.js";

export default defineAction({
  name: "chat_group.delete",
  collection: "chat_group",
  kind: "delete",
  schema: deleteSchema("chat_group"),
  permission: "chat.can_manage",
  updateInstance: assertChatEnabled,
});
