// [CHAT] Shared by the chat_group actions: the organization must have the chat enabled, and the
// meeting's anonymous group may not write.
import { ActionError } from "../errors.js";
import type { ActionContext, Instance } from "../framework/types.js";

/** Upstream ChatEnabledMixin. */
export async function assertChatEnabled(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const organization = await ctx.db.get("organization/1", ["enable_chat"]);
  if (!organization.enable_chat) throw new ActionError("Chat is not enabled.");
  return instance;
}

/** Upstream ForbidAnonymousGroupMixin.check_anonymous_not_in_list_fields. */
export async function forbidAnonymousWriters(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meeting = await ctx.db.get(`meeting/${await ctx.meetingIdOf(instance)}`, ["anonymous_group_id"]);
  const anonymous = meeting.anonymous_group_id as number | undefined;
  if (anonymous && ((instance.write_group_ids as number[] | null | undefined) ?? []).includes(anonymous)) {
    throw new ActionError("Anonymous group is not allowed in write_group_ids.");
  }
  return instance;
}
