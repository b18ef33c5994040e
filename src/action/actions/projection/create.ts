// projection.create (backend-internal, used by projector.project & co.): plain create.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "projection.create",
  collection: "projection",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("projection", {
    required: ["content_object_id", "meeting_id"],
    optional: ["options", "stable", "type", "weight", "current_projector_id", "preview_projector_id", "history_projector_id"],
  }),
});
