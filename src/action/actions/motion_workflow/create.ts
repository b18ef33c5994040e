// motion_workflow.create: a workflow with one state, "default", which is its first state.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import motionStateCreate from "../motion_state/create.js";

export default defineAction({
  name: "motion_workflow.create",
  collection: "motion_workflow",
  kind: "create",
  schema: createSchema("motion_workflow", { required: ["name", "meeting_id"] }),
  permission: "motion.can_manage",
  afterCreate: [
    async (ctx, instance) => {
      await ctx.execute(motionStateCreate, [
        { name: "default", weight: 1, workflow_id: instance.id, first_state_of_workflow_id: instance.id, set_workflow_timestamp: true },
      ]);
    },
  ],
});
