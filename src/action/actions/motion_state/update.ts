// motion_state.update: the state and its next and previous states must all belong to one workflow.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function checkOneWorkflow(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const stateIds = [instance.id as number, ...((instance.next_state_ids as number[] | undefined) ?? []), ...((instance.previous_state_ids as number[] | undefined) ?? [])];
  const states = await ctx.db.getMany("motion_state", stateIds, ["workflow_id"]);
  let workflowId: unknown;
  for (const state of states.values()) {
    workflowId ??= state.workflow_id;
    if (state.workflow_id !== workflowId) {
      throw new ActionError(`Cannot update: found states from different workflows (${workflowId}, ${state.workflow_id})`);
    }
  }
  return instance;
}

export default defineAction({
  name: "motion_state.update",
  collection: "motion_state",
  kind: "update",
  schema: updateSchema("motion_state", {
    optional: [
      "name", "weight", "recommendation_label", "is_internal", "css_class", "restrictions", "allow_support",
      "allow_create_poll", "allow_submitter_edit", "allow_motion_forwarding", "allow_amendment_forwarding",
      "set_number", "set_workflow_timestamp", "show_state_extension_field", "show_recommendation_extension_field",
      "merge_amendment_into_final", "state_button_label", "next_state_ids", "previous_state_ids", "submitter_withdraw_state_id",
    ],
  }),
  permission: "motion.can_manage",
  updateInstance: checkOneWorkflow,
});
