// projection.update_options: replaces the projection's options.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "projection.update_options",
  collection: "projection",
  kind: "update",
  schema: updateSchema("projection", { required: ["options"] }),
  permission: "projector.can_manage",
});
