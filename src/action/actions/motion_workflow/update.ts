// motion_workflow.update: plain update of name and first_state_id.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_workflow.update",
  collection: "motion_workflow",
  kind: "update",
  schema: updateSchema("motion_workflow", { optional: ["name", "first_state_id"] }),
  permission: "motion.can_manage",
});
