// projector.next: the preview projection with the lowest weight becomes current; unstable
// current projections go to the history. Nothing happens without a preview.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { projectionByWeight, readProjectorLists, showFromPreview } from "../../shared/projector-lists.js";

async function next(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const updates: Instance[] = [];
  for (const instance of data) {
    const lists = await readProjectorLists(ctx, Number(instance.id));
    if (lists.preview.length === 0) continue;
    updates.push(await showFromPreview(ctx, lists, await projectionByWeight(ctx, lists.preview, "lowest")));
  }
  return updates;
}

export default defineAction({
  name: "projector.next",
  collection: "projector",
  kind: "update",
  schema: updateSchema("projector", {}),
  permission: "projector.can_manage",
  instances: next,
});
