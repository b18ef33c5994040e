// projection.update (backend-internal): moves a projection between current, preview and history.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "projection.update",
  collection: "projection",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("projection", { optional: ["current_projector_id", "history_projector_id", "preview_projector_id", "weight"] }),
});
