// motion_state.create: the meeting comes from the workflow; a state can only be the first state
// of its own workflow, and only while the workflow has none; the weight defaults to the next one
// in the workflow.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import { nextWeight } from "../../shared/weight.js";

async function checkFirstStateAndWeight(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const firstOf = instance.first_state_of_workflow_id as number | undefined;
  if (firstOf && firstOf !== instance.workflow_id) {
    throw new ActionError(`This state of workflow ${instance.workflow_id} cannot be the first state of workflow ${firstOf}.`);
  }
  const workflow = await ctx.db.get(fqidOf("motion_workflow", Number(instance.workflow_id)), ["id", "first_state_id", "meeting_id"]);
  if (firstOf && workflow.first_state_id && workflow.first_state_id !== instance.id) {
    throw new ActionError("There is already a first state for this workflow set. You can't change it.");
  }
  if (!("weight" in instance)) {
    instance.weight = await nextWeight(ctx, "motion_state", {
      and_filter: [
        { field: "meeting_id", operator: "=", value: workflow.meeting_id },
        { field: "workflow_id", operator: "=", value: workflow.id },
      ],
    });
  }
  return instance;
}

export default defineAction({
  name: "motion_state.create",
  collection: "motion_state",
  kind: "create",
  schema: createSchema("motion_state", {
    required: ["name", "workflow_id"],
    optional: [
      "weight", "recommendation_label", "css_class", "restrictions", "allow_support", "allow_create_poll",
      "allow_submitter_edit", "set_number", "show_state_extension_field", "merge_amendment_into_final",
      "show_recommendation_extension_field", "first_state_of_workflow_id", "allow_motion_forwarding",
      "allow_amendment_forwarding", "set_workflow_timestamp", "state_button_label",
    ],
  }),
  permission: "motion.can_manage",
  meetingOf: meetingOfReferencedModel("motion_state", "workflow_id"),
  updateInstance: [inferMeetingFrom("motion_state", "workflow_id"), checkFirstStateAndWeight],
});
