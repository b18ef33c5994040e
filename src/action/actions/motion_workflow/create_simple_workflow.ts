// motion_workflow.create_simple_workflow (backend-internal, used by meeting.create): a workflow
// with the states submitted → accepted / rejected / not decided.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import { createWorkflowStates, SIMPLE_WORKFLOW } from "../../shared/workflow-templates.js";

export default defineAction({
  name: "motion_workflow.create_simple_workflow",
  collection: "motion_workflow",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("motion_workflow", { required: ["name", "meeting_id"], optional: ["default_workflow_meeting_id", "default_amendment_workflow_meeting_id"] }),
  afterCreate: [async (ctx, instance) => createWorkflowStates(ctx, Number(instance.id), SIMPLE_WORKFLOW)],
});
