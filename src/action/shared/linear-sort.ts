// Upstream's LinearSortMixin: the given ids must be exactly the models matching the filter; in the
// given order they get weights 1..n (in `weightKey`).
import type { Filter } from "../../db/types.js";
import { ActionError } from "../errors.js";
import type { ActionContext, Instance } from "../framework/types.js";

/** The given ids must be exactly the sortable ones; in the given order they get weights 1..n. */
export function weightsInOrder(collection: string, ids: number[], sortable: { has(id: number): boolean; readonly size: number }, weightKey = "weight"): Instance[] {
  for (const id of ids) {
    if (!sortable.has(id)) throw new ActionError(`${collection} sorting failed, because element ${collection}/${id} doesn't exist.`);
  }
  if (ids.length !== sortable.size) throw new ActionError(`${collection} sorting failed, because some elements were not included in the call.`);
  return ids.map((id, index) => ({ id, [weightKey]: index + 1 }));
}

export async function sortLinear(ctx: ActionContext, collection: string, ids: number[], filter: Filter, weightKey = "weight"): Promise<Instance[]> {
  const existing = await ctx.db.filter(collection, filter, ["id"]);
  return weightsInOrder(collection, ids, existing, weightKey);
}
