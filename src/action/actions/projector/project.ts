// projector.project: shows a content object on the given projectors. Equal projections (same
// content, stability and type) leave their projectors: stable ones are deleted, unstable ones go
// to the history (with keep_active_projections only on the target projectors). An unstable
// projection also sends every other unstable projection of the target projectors to the history
// and scrolls them to the top. A mediafile is projected through its meeting_mediafile.
import { defineAction } from "../../framework/define.js";
import { collectionOf, fqidOf, idOf } from "../../framework/fqid.js";
import { idListSchema, itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import projectionCreate from "../projection/create.js";
import { meetingMediafileFor } from "../../shared/attachments.js";
import { currentUnstableProjections, deleteProjections, moveToHistory } from "../../shared/projection-history.js";

async function clearEqualProjections(ctx: ActionContext, instance: Instance, meetingId: number): Promise<void> {
  const equal = await ctx.db.filter(
    "projection",
    {
      and_filter: [
        { field: "meeting_id", operator: "=", value: meetingId },
        { field: "content_object_id", operator: "=", value: instance.content_object_id },
        { field: "stable", operator: "=", value: instance.stable ?? false },
        { field: "type", operator: "=", value: instance.type ?? null },
      ],
    },
    ["id", "current_projector_id", "stable", "meeting_id"],
  );
  const targets = instance.ids as number[];
  for (const [id, projection] of equal) {
    const projectorId = projection.current_projector_id as number | undefined;
    if (!projectorId) continue;
    if (instance.keep_active_projections && !targets.includes(projectorId)) continue;
    if (projection.stable) await deleteProjections(ctx, [id]);
    else await moveToHistory(ctx, meetingId, projectorId, [id]);
  }
}

async function project(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const updates: Instance[] = [];
  for (const instance of data) {
    const meetingId = Number(instance.meeting_id);
    const targets = instance.ids as number[];
    if (collectionOf(String(instance.content_object_id)) === "mediafile") {
      const meetingMediafileId = await meetingMediafileFor(ctx, meetingId, idOf(String(instance.content_object_id)));
      instance.content_object_id = fqidOf("meeting_mediafile", meetingMediafileId);
    }
    await clearEqualProjections(ctx, instance, meetingId);
    if (!instance.stable) {
      for (const projectorId of targets) await moveToHistory(ctx, meetingId, projectorId, await currentUnstableProjections(ctx, meetingId, projectorId));
    }
    const created = targets.map((projectorId) => {
      const projection: Instance = { current_projector_id: projectorId, meeting_id: meetingId, content_object_id: instance.content_object_id };
      for (const field of ["options", "stable", "type"]) if (field in instance) projection[field] = instance[field];
      return projection;
    });
    if (created.length > 0) await ctx.execute(projectionCreate, created);
    if (!instance.stable) updates.push(...targets.map((id) => ({ id, scroll: 0 })));
  }
  return updates;
}

export default defineAction({
  name: "projector.project",
  collection: "projector",
  kind: "update",
  singular: true,
  schema: itemSchema(
    "projection",
    {
      required: ["content_object_id", "meeting_id"],
      optional: ["options", "stable", "type"],
      additionalRequired: { ids: idListSchema },
      additionalOptional: { keep_active_projections: { type: "boolean" } },
    },
    "Projector project schema",
  ),
  permission: "projector.can_manage",
  instances: project,
});
