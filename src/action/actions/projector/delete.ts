// projector.delete: the reference projector stays (unless its meeting goes); where the projector
// was a default projector, the meeting falls back to its reference projector.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import replaceProjectorId from "../meeting/replace_projector_id.js";

async function handOverDefaults(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const projector = await ctx.db.get(fqidOf("projector", Number(instance.id)), ["used_as_reference_projector_meeting_id", "meeting_id"]);
  const referenceOf = projector.used_as_reference_projector_meeting_id as number | undefined;
  if (referenceOf && !ctx.isToBeDeleted(fqidOf("meeting", referenceOf))) {
    throw new ActionError("A used as reference projector is not allowed to delete.");
  }
  await ctx.execute(replaceProjectorId, [{ id: projector.meeting_id, projector_id: instance.id }]);
  return instance;
}

export default defineAction({
  name: "projector.delete",
  collection: "projector",
  kind: "delete",
  schema: deleteSchema("projector"),
  permission: "projector.can_manage",
  updateInstance: handOverDefaults,
});
