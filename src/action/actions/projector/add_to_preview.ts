// projector.add_to_preview: appends a projection of the content object to the preview of each
// given projector (a mediafile through its meeting_mediafile).
import { defineAction } from "../../framework/define.js";
import { collectionOf, fqidOf, idOf } from "../../framework/fqid.js";
import { idListSchema, itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import projectionCreate from "../projection/create.js";
import { meetingMediafileFor } from "../../shared/attachments.js";
import { nextWeight } from "../../shared/weight.js";

async function addToPreview(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  for (const instance of data) {
    const meetingId = Number(instance.meeting_id);
    if (collectionOf(String(instance.content_object_id)) === "mediafile") {
      instance.content_object_id = fqidOf("meeting_mediafile", await meetingMediafileFor(ctx, meetingId, idOf(String(instance.content_object_id))));
    }
    for (const projectorId of instance.ids as number[]) {
      const weight = await nextWeight(ctx, "projection", {
        and_filter: [
          { field: "preview_projector_id", operator: "=", value: projectorId },
          { field: "meeting_id", operator: "=", value: meetingId },
        ],
      });
      const projection: Instance = { meeting_id: meetingId, preview_projector_id: projectorId, weight, content_object_id: instance.content_object_id };
      for (const field of ["options", "stable", "type"]) if (instance[field]) projection[field] = instance[field];
      await ctx.execute(projectionCreate, [projection]);
    }
  }
  return [];
}

export default defineAction({
  name: "projector.add_to_preview",
  collection: "projector",
  kind: "update",
  schema: itemSchema(
    "projection",
    { required: ["content_object_id", "meeting_id"], optional: ["options", "stable", "type"], additionalRequired: { ids: idListSchema } },
    "Projector add to preview schema",
  ),
  permission: "projector.can_manage",
  instances: addToPreview,
});
