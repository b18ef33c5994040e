// projector.control_view: scale or scroll up or down by a step (default 1), or reset to 0;
// scrolling never goes below 0.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function moveView(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const { field, direction, step = 1, ...update } = instance as Instance & { field: "scale" | "scroll"; direction: "up" | "down" | "reset"; step?: number };
  if (direction === "reset") return { ...update, [field]: 0 };
  const projector = await ctx.db.get(fqidOf("projector", Number(instance.id)), [field]);
  const current = Number(projector[field] ?? 0);
  const value = direction === "up" ? current + step : current - step;
  return { ...update, [field]: field === "scroll" && value < 0 ? 0 : value };
}

export default defineAction({
  name: "projector.control_view",
  collection: "projector",
  kind: "update",
  schema: updateSchema("projector", {
    additionalRequired: {
      field: { type: "string", enum: ["scale", "scroll"] },
      direction: { type: "string", enum: ["up", "down", "reset"] },
    },
    additionalOptional: { step: { type: "integer", minimum: 1 } },
  }),
  permission: "projector.can_manage",
  updateInstance: moveView,
});
