// motion_editor.update: only the weight; a backend-internal helper of user.merge_together.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "motion_editor.update",
  collection: "motion_editor",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("motion_editor", { required: ["weight"] }),
});
