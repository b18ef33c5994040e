// chat_group.update: only with the chat enabled; the anonymous group may read but not write.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import { assertChatEnabled, forbidAnonymousWriters } from "../../shared/chat-rules.js";

export default defineAction({
  name: "chat_group.update",
  collection: "chat_group",
  kind: "update",
  schema: updateSchema("chat_group", { optional: ["name", "read_group_ids", "write_group_ids"] }),
  permission: "chat.can_manage",
  updateInstance: [assertChatEnabled, forbidAnonymousWriters],
});
