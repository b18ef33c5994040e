// projector.sort_preview: new weights 1..n for the projector's preview, given in full.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { idListSchema, updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import projectionUpdate from "../projection/update.js";
import { readProjectorLists } from "../../shared/projector-lists.js";

async function sortPreview(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  for (const instance of data) {
    const order = instance.projection_ids as number[];
    const { preview } = await readProjectorLists(ctx, Number(instance.id));
    const given = new Set(order);
    if (given.size !== preview.length || preview.some((id) => !given.has(id))) {
      throw new ActionError("Must give all preview projections of this projector and nothing else.");
    }
    for (const [index, id] of order.entries()) await ctx.execute(projectionUpdate, [{ id, weight: index + 1 }]);
  }
  return [];
}

export default defineAction({
  name: "projector.sort_preview",
  collection: "projector",
  kind: "update",
  schema: updateSchema("projector", { additionalRequired: { projection_ids: idListSchema } }),
  permission: "projector.can_manage",
  instances: sortPreview,
});
