// motion_state.delete: plain delete; motions in the state and being a workflow's first state
// protect it (unless the workflow is deleted too), recommendations pointing to it are cleared.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_state.delete",
  collection: "motion_state",
  kind: "delete",
  schema: deleteSchema("motion_state"),
  permission: "motion.can_manage",
});
