// projector.project_preview: a preview projection (given by its id) becomes current on its
// projector; unstable current projections go to the history.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { readProjectorLists, showFromPreview } from "../../shared/projector-lists.js";

async function projectPreview(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const updates: Instance[] = [];
  for (const instance of data) {
    const projectionId = Number(instance.id);
    const projection = await ctx.db.get(fqidOf("projection", projectionId), ["preview_projector_id"]);
    if (!projection.preview_projector_id) throw new ActionError("Projection has not a preview_projector_id.");
    const lists = await readProjectorLists(ctx, Number(projection.preview_projector_id));
    updates.push(await showFromPreview(ctx, lists, projectionId));
  }
  return updates;
}

export default defineAction({
  name: "projector.project_preview",
  collection: "projector",
  kind: "update",
  schema: updateSchema("projection", {}),
  permission: "projector.can_manage",
  meetingOf: { collection: "projection", idField: "id" },
  instances: projectPreview,
});
