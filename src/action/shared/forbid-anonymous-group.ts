// Upstream's ForbidAnonymousGroupMixin: the meeting's anonymous group may not appear in the given
// group list fields of an instance (e.g. write_group_ids of a comment section).
import { ActionError } from "../errors.js";
import { fqidOf } from "../framework/fqid.js";
import type { ActionContext, Instance, InstanceHook } from "../framework/types.js";

export async function assertAnonymousNotInListFields(ctx: ActionContext, instance: Instance, fields: string[]): Promise<void> {
  const meeting = await ctx.db.get(fqidOf("meeting", await ctx.meetingIdOf(instance)), ["anonymous_group_id"]);
  const anonymousGroupId = meeting.anonymous_group_id as number | undefined;
  if (!anonymousGroupId) return;
  for (const field of fields) {
    if (((instance[field] as number[] | null | undefined) ?? []).includes(anonymousGroupId)) {
      throw new ActionError(`Anonymous group is not allowed in ${field}.`);
    }
  }
}

export function forbidAnonymousGroupIn(...fields: string[]): InstanceHook {
  return async (ctx, instance) => {
    await assertAnonymousNotInListFields(ctx, instance, fields);
    return instance;
  };
}
