// projector.previous: the history projection with the highest weight becomes current again;
// unstable current projections go back to the front of the preview.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import projectionUpdate from "../projection/update.js";
import { projectionByWeight, readProjectorLists, splitCurrent } from "../../shared/projector-lists.js";

async function previous(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const updates: Instance[] = [];
  for (const instance of data) {
    const lists = await readProjectorLists(ctx, Number(instance.id));
    if (lists.history.length === 0) continue;
    const { stable, unstable } = await splitCurrent(ctx, lists);
    const lowestPreview = await ctx.db.min(
      "projection",
      { and_filter: [{ field: "meeting_id", operator: "=", value: lists.meetingId }, { field: "preview_projector_id", operator: "=", value: lists.id }] },
      "weight",
    );
    const minimum = typeof lowestPreview === "number" ? lowestPreview : 10000;
    if (unstable.length > 0) await ctx.execute(projectionUpdate, unstable.map((id, index) => ({ id, weight: minimum - (index + 1) })));
    const back = await projectionByWeight(ctx, lists.history, "highest");
    updates.push({
      id: lists.id,
      current_projection_ids: [back, ...stable],
      preview_projection_ids: [...unstable, ...lists.preview],
      history_projection_ids: lists.history.filter((id) => id !== back),
    });
  }
  return updates;
}

export default defineAction({
  name: "projector.previous",
  collection: "projector",
  kind: "update",
  schema: updateSchema("projector", {}),
  permission: "projector.can_manage",
  instances: previous,
});
