// Upstream's ExtendHistoryMixin: an action on a dependent model adds a no-op update ({id}) to the
// related model (e.g. the motion of a change recommendation), so that the history entry written
// for that model points to it. Skipped when the related model is being deleted in this request.
import { fqidOf } from "../framework/fqid.js";
import type { ActionContext, HistoryInformation, Instance, InstanceHook } from "../framework/types.js";

/** Reads `field` (a relation to `target`) of the instance's stored model and touches that model. */
export function extendHistoryTo(collection: string, field: string, target: string): InstanceHook {
  return async (ctx, instance) => {
    const fqid = fqidOf(collection, Number(instance.id));
    const model = await ctx.db.get(fqid, [field]);
    const relatedId = model[field];
    if (typeof relatedId !== "number") return instance;
    const related = fqidOf(target, relatedId);
    if (!ctx.isToBeDeleted(related)) ctx.emit({ type: "update", fqid: related, fields: { id: relatedId } });
    return instance;
  };
}

/** History `text` on the related model of every instance (as stored), unless it is deleted in this request. */
export async function relatedModelHistory(ctx: ActionContext, collection: string, field: string, target: string, text: string): Promise<HistoryInformation> {
  const information: HistoryInformation = {};
  for (const instance of ctx.instances as Instance[]) {
    const stored = await ctx.db.get(fqidOf(collection, Number(instance.id)), [field], { useChanges: false, optional: true });
    if (typeof stored[field] !== "number") continue;
    const related = fqidOf(target, stored[field] as number);
    if (!ctx.isToBeDeleted(related)) information[related] = [text];
  }
  return information;
}
