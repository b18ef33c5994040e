// chat_group.create: only with the chat enabled; goes last in its meeting (weight); the anonymous
// group may read but not write.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { assertChatEnabled, forbidAnonymousWriters } from "../../shared/chat-rules.js";
import { inMeeting, nextWeight } from "../../shared/weight.js";

async function setWeight(ctx: ActionContext, instance: Instance): Promise<Instance> {
  instance.weight = await nextWeight(ctx, "chat_group", inMeeting(Number(instance.meeting_id)));
  return instance;
}

export default defineAction({
  name: "chat_group.create",
  collection: "chat_group",
  kind: "create",
  schema: createSchema("chat_group", { required: ["name", "meeting_id"], optional: ["read_group_ids", "write_group_ids"] }),
  permission: "chat.can_manage",
  updateInstance: [assertChatEnabled, setWeight, forbidAnonymousWriters],
});
