// chat_group.sort: {meeting_id, chat_group_ids} (one data item): every chat group of the meeting,
// in the given order, gets weight 1..n; only with the chat enabled.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { linearSortSchema } from "../../validation/schemas.js";
import { assertChatEnabled } from "../../shared/chat-rules.js";
import { sortLinear } from "../../shared/linear-sort.js";
import { inMeeting } from "../../shared/weight.js";

async function sortGroups(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  return sortLinear(ctx, "chat_group", item!.chat_group_ids as number[], inMeeting(Number(item!.meeting_id)));
}

export default defineAction({
  name: "chat_group.sort",
  collection: "chat_group",
  kind: "update",
  schema: linearSortSchema("chat_group", "chat_group_ids"),
  singular: true,
  permission: "chat.can_manage",
  instances: sortGroups,
  updateInstance: assertChatEnabled,
});
