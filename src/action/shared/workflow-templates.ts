// The states of the two workflows every new meeting gets (upstream's simple and complex
// workflow), and a helper that creates a workflow's states and links them.
import { translate } from "./translations.js";
import { requestLanguage } from "../framework/request.js";
import type { ActionContext, Instance } from "../framework/types.js";
import motionStateCreate from "../actions/motion_state/create.js";
import motionStateUpdate from "../actions/motion_state/update.js";

export interface WorkflowTemplate {
  states: Instance[];
  /** index of a state -> indices of its next states */
  next: Array<[number, number[]]>;
}

export const SIMPLE_WORKFLOW: WorkflowTemplate = {
  states: [
    { name: "submitted", allow_create_poll: true, allow_support: true, set_workflow_timestamp: true, first: true },
    { name: "accepted", recommendation_label: "Acceptance", css_class: "green", merge_amendment_into_final: "do_merge" },
    { name: "rejected", recommendation_label: "Rejection", css_class: "red", merge_amendment_into_final: "do_not_merge" },
    { name: "not decided", recommendation_label: "No decision", css_class: "grey", merge_amendment_into_final: "do_not_merge" },
  ],
  next: [[0, [1, 2, 3]]],
};

export const COMPLEX_WORKFLOW: WorkflowTemplate = {
  states: [
    {
      name: "in progress", allow_submitter_edit: true, set_number: false, set_workflow_timestamp: false, first: true,
      merge_amendment_into_final: "do_not_merge", restrictions: ["is_submitter", "motion.can_manage_metadata"], css_class: "yellow",
    },
    { name: "submitted", allow_support: false, set_number: false, merge_amendment_into_final: "do_not_merge" },
    { name: "permitted", allow_create_poll: true, merge_amendment_into_final: "do_not_merge" },
    { name: "accepted", recommendation_label: "Acceptance", css_class: "green", merge_amendment_into_final: "do_merge" },
    { name: "rejected", recommendation_label: "Rejection", css_class: "red", merge_amendment_into_final: "do_not_merge" },
    { name: "withdrawn", css_class: "grey", merge_amendment_into_final: "do_not_merge" },
    { name: "adjourned", recommendation_label: "Adjournment", css_class: "grey", merge_amendment_into_final: "do_not_merge" },
    { name: "not concerned", recommendation_label: "No concernment", css_class: "grey", merge_amendment_into_final: "do_not_merge" },
    {
      name: "referred to", recommendation_label: "Referral to", css_class: "grey", merge_amendment_into_final: "do_not_merge",
      show_state_extension_field: true, show_recommendation_extension_field: true,
    },
    { name: "not permitted", css_class: "grey", merge_amendment_into_final: "do_not_merge" },
  ],
  next: [
    [0, [1, 5]],
    [1, [2, 5, 9]],
    [2, [3, 4, 5, 6, 7, 8]],
  ],
};

/** Creates the template's states (weights in order) for the workflow and sets their next states. */
export async function createWorkflowStates(ctx: ActionContext, workflowId: number, template: WorkflowTemplate): Promise<void> {
  const language = await requestLanguage(ctx.request);
  const data = template.states.map(({ first, ...state }, index) => ({
    ...state,
    name: translate(String(state.name), language),
    ...(state.recommendation_label ? { recommendation_label: translate(String(state.recommendation_label), language) } : {}),
    weight: index + 1,
    workflow_id: workflowId,
    ...(first ? { first_state_of_workflow_id: workflowId } : {}),
  }));
  const results = (await ctx.execute(motionStateCreate, data)) ?? [];
  const idAt = (index: number) => (results[index] as { id: number }).id;
  await ctx.execute(
    motionStateUpdate,
    template.next.map(([from, to]) => ({ id: idAt(from), next_state_ids: to.map(idAt) })),
  );
}
