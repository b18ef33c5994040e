// motion.reset_state: back to the first state of the motion's workflow; number rule,
// last_modified, and the workflow timestamp is cleared or set anew per the first state.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { numberForNewState, setWorkflowTimestamp } from "../../shared/motion-rules.js";
import { updateSchema } from "../../validation/schemas.js";

async function resetState(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const motion = await ctx.db.get(fqidOf("motion", Number(instance.id)), ["state_id", "meeting_id", "lead_motion_id", "category_id", "number", "number_value"]);
  const oldState = await ctx.db.get(fqidOf("motion_state", Number(motion.state_id)), ["workflow_id"]);
  const workflow = await ctx.db.get(fqidOf("motion_workflow", Number(oldState.workflow_id)), ["first_state_id"]);
  instance.state_id = workflow.first_state_id ?? null;
  const timestamp = await numberForNewState(ctx, instance, motion);
  instance.workflow_timestamp = null;
  await setWorkflowTimestamp(ctx, instance, timestamp);
  return instance;
}

export default defineAction({
  name: "motion.reset_state",
  collection: "motion",
  kind: "update",
  schema: updateSchema("motion"),
  permission: "motion.can_manage_metadata",
  updateInstance: resetState,
});
