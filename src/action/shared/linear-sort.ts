// Upstream's LinearSortMixin: the given ids must be exactly the models matching the filter; in the
// given order they get weights 1..n (in `weightKey`).
import type { Filter } from "../../db/types.js";
import { ActionError } from "../errors.js";
import type { ActionContext, Instance, JsonSchema } from "../framework/types.js";
import { linearSortSchema } from "../validation/schemas.js";

export async function sortLinear(ctx: ActionContext, collection: string, ids: number[], filter: Filter, weightKey = "weight"): Promise<Instance[]> {
  const existing = await ctx.db.filter(collection, filter, ["id"]);
  for (const id of ids) {
    if (!existing.has(id)) throw new ActionError(`${collection} sorting failed, because element ${collection}/${id} doesn't exist.`);
  }
  if (ids.length !== existing.size) throw new ActionError(`${collection} sorting failed, because some elements were not included in the call.`);
  return ids.map((id, index) => ({ id, [weightKey]: index + 1 }));
}

/**
 * The linear sort payload schema without null title/description: validation/schemas.ts's
 * linearSortSchema keeps `description: null`, which strict ajv (test/action/schemas.test.ts)
 * rejects; framework/schemas.ts leaves absent ones out, and so does this.
 */
export function linearSortPayloadSchema(collection: string, idsField: string, mainField = "meeting_id"): JsonSchema {
  return Object.fromEntries(Object.entries(linearSortSchema(collection, idsField, mainField)).filter(([, value]) => value !== null));
}
