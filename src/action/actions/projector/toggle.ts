// projector.toggle: per projector, a content object that is shown (same stability and type)
// goes away — stable projections are deleted, unstable ones go to the history — and one that is
// not shown is projected; an unstable one first sends the projector's other unstable
// projections to the history and scrolls it to the top.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { itemSchema, requiredIdSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import projectionCreate from "../projection/create.js";
import { assertBelongsToMeeting } from "../../shared/belongs-to-meeting.js";
import { currentUnstableProjections, deleteProjections, moveToHistory } from "../../shared/projection-history.js";

async function toggle(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const updates: Instance[] = [];
  for (const instance of data) {
    const meetingId = Number(instance.meeting_id);
    const projectorIds = instance.ids as number[];
    await assertBelongsToMeeting(ctx, [String(instance.content_object_id), ...projectorIds.map((id) => fqidOf("projector", id))], meetingId);
    const stable = Boolean(instance.stable ?? false);
    for (const projectorId of projectorIds) {
      const conditions = [
        { field: "current_projector_id", operator: "=" as const, value: projectorId },
        { field: "content_object_id", operator: "=" as const, value: instance.content_object_id },
        { field: "stable", operator: "=" as const, value: stable },
        { field: "meeting_id", operator: "=" as const, value: meetingId },
      ];
      if (instance.type) conditions.push({ field: "type", operator: "=", value: instance.type });
      const shown = [...(await ctx.db.filter("projection", { and_filter: conditions }, ["id"])).keys()];
      if (shown.length > 0) {
        if (stable) await deleteProjections(ctx, shown);
        else await moveToHistory(ctx, meetingId, projectorId, shown);
        continue;
      }
      if (!stable) {
        await moveToHistory(ctx, meetingId, projectorId, await currentUnstableProjections(ctx, meetingId, projectorId));
        updates.push({ id: projectorId, scroll: 0 });
      }
      await ctx.execute(projectionCreate, [
        {
          current_projector_id: projectorId,
          stable,
          type: instance.type ?? null,
          content_object_id: instance.content_object_id,
          options: instance.options ?? null,
          meeting_id: meetingId,
        },
      ]);
    }
  }
  return updates;
}

export default defineAction({
  name: "projector.toggle",
  collection: "projector",
  kind: "update",
  schema: itemSchema(
    "projection",
    {
      required: ["content_object_id", "meeting_id"],
      optional: ["options", "type", "stable"],
      additionalRequired: { ids: { type: "array", items: requiredIdSchema, uniqueItems: true, minItems: 1 } },
    },
    "Projector toggle stable schema",
  ),
  permission: "projector.can_manage",
  instances: toggle,
});
