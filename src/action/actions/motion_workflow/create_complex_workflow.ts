// motion_workflow.create_complex_workflow (backend-internal, used by meeting.create): the
// ten-state workflow from "in progress" over "submitted" and "permitted" to the results.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import { COMPLEX_WORKFLOW, createWorkflowStates } from "../../shared/workflow-templates.js";

export default defineAction({
  name: "motion_workflow.create_complex_workflow",
  collection: "motion_workflow",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("motion_workflow", { required: ["name", "meeting_id"], optional: ["default_workflow_meeting_id", "default_amendment_workflow_meeting_id"] }),
  afterCreate: [async (ctx, instance) => createWorkflowStates(ctx, Number(instance.id), COMPLEX_WORKFLOW)],
});
