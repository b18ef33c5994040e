// chat_group.sort: {meeting_id, chat_group_ids} (one data item): every chat group of the meeting,
// in the given order, gets weight 1..n; only with the chat enabled.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { linearSortSchema } from "../../validation/schemas.js";
import { assertChatEnabled } from "../../shared/chat-rules.js";
import { inMeeting } from "../../shared/weight.js";

async function sortGroups(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  const existing = await ctx.db.filter("chat_group", inMeeting(Number(item!.meeting_id)), ["id"]);
  const given = item!.chat_group_ids as number[];
  for (const id of given) {
    if (!existing.has(id)) throw new ActionError(`chat_group sorting failed, because element chat_group/${id} doesn't exist.`);
  }
  if (given.length !== existing.size) throw new ActionError("chat_group sorting failed, because some elements were not included in the call.");
  return given.map((id, index) => ({ id, weight: index + 1 }));
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
