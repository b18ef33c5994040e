// projector.update: the meeting's reference projector cannot become internal.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { PROJECTOR_DEFAULT_FOR_FIELDS } from "../../shared/default-projectors.js";
import { PROJECTOR_SETTINGS } from "./create.js";

async function referenceProjectorStaysPublic(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (!instance.is_internal) return instance;
  const projector = await ctx.db.get(fqidOf("projector", Number(instance.id)), ["is_internal", "used_as_reference_projector_meeting_id"]);
  if (projector.used_as_reference_projector_meeting_id && !projector.is_internal) {
    throw new ActionError("Projector cannot be set to internal, because it is the reference projector of the meeting.");
  }
  return instance;
}

export default defineAction({
  name: "projector.update",
  collection: "projector",
  kind: "update",
  schema: updateSchema("projector", { optional: ["name", ...PROJECTOR_SETTINGS, ...PROJECTOR_DEFAULT_FOR_FIELDS] }),
  permission: "projector.can_manage",
  updateInstance: referenceProjectorStaysPublic,
});
