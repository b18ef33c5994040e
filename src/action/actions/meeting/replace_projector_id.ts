// meeting.replace_projector_id (backend-internal): removes a projector from every default
// projector list of the meeting; a list that becomes empty gets the reference projector.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { requiredIdSchema, updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { MEETING_DEFAULT_PROJECTOR_FIELDS } from "../../shared/default-projectors.js";

async function replacedLists(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (const { projector_id: projectorId, ...instance } of data) {
    const fqid = fqidOf("meeting", Number(instance.id));
    if (ctx.isToBeDeleted(fqid)) continue;
    const meeting = await ctx.db.get(fqid, [...MEETING_DEFAULT_PROJECTOR_FIELDS, "reference_projector_id"]);
    let changed = false;
    for (const field of MEETING_DEFAULT_PROJECTOR_FIELDS) {
      const list = (meeting[field] as number[] | undefined) ?? [];
      if (!list.includes(projectorId as number)) continue;
      const remaining = list.filter((id) => id !== projectorId);
      instance[field] = remaining.length > 0 ? remaining : [meeting.reference_projector_id];
      changed = true;
    }
    if (changed) instances.push(instance);
  }
  return instances;
}

export default defineAction({
  name: "meeting.replace_projector_id",
  collection: "meeting",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("meeting", { additionalOptional: { projector_id: requiredIdSchema } }),
  meetingOf: async (_ctx, item) => Number(item.id),
  instances: replacedLists,
});
