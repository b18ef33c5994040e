// Creates whose meeting comes from a referenced model (upstream CreateActionWithInferredMeeting):
// the meeting of the model in `field` is used for permission and archive checks and stored as
// the new model's meeting_id.
import { ActionError } from "../errors.js";
import { fieldMeta } from "../framework/model-meta.js";
import { relationValueToFqids } from "../framework/fqid.js";
import type { ActionContext, Instance, InstanceHook } from "../framework/types.js";

export function meetingOfReferencedModel(collection: string, field: string) {
  return async (ctx: ActionContext, item: Instance): Promise<number> => {
    const meta = fieldMeta(collection, field);
    if (!meta?.relation) throw new Error(`${collection}/${field} is not a relation`);
    const [fqid] = relationValueToFqids(meta, item[field]);
    const model = await ctx.db.get(fqid!, ["meeting_id"]);
    if (!model.meeting_id) throw new ActionError(`Referenced model in field ${field} has no meeting id.`);
    return model.meeting_id as number;
  };
}

/** Sets instance.meeting_id from the model referenced in `field`. */
export function inferMeetingFrom(collection: string, field: string): InstanceHook {
  const meetingOf = meetingOfReferencedModel(collection, field);
  return async (ctx, instance) => {
    instance.meeting_id = await meetingOf(ctx, instance);
    return instance;
  };
}
