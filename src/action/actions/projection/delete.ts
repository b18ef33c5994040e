// projection.delete: a projection in a projector's history can only go together with its
// projector, its content object or its meeting.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function onlyCurrentOrPreview(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const projection = await ctx.db.get(fqidOf("projection", Number(instance.id)), [
    "current_projector_id",
    "preview_projector_id",
    "history_projector_id",
    "content_object_id",
    "meeting_id",
  ]);
  const allowed =
    projection.current_projector_id ||
    projection.preview_projector_id ||
    ctx.isToBeDeleted(fqidOf("meeting", Number(projection.meeting_id))) ||
    ctx.isToBeDeleted(String(projection.content_object_id)) ||
    (projection.history_projector_id !== undefined && ctx.isToBeDeleted(fqidOf("projector", Number(projection.history_projector_id))));
  if (!allowed) throw new ActionError(`Projection ${instance.id} must have a current_projector_id or a preview_projector_id.`);
  return instance;
}

export default defineAction({
  name: "projection.delete",
  collection: "projection",
  kind: "delete",
  schema: deleteSchema("projection"),
  permission: "projector.can_manage",
  updateInstance: onlyCurrentOrPreview,
});
