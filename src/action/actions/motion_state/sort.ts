// motion_state.sort: all states of one workflow in their new order get weights 1..n; the list must
// name exactly the workflow's states. The meeting comes from the workflow. One data item only.
import { defineAction } from "../../framework/define.js";
import { sortLinear } from "../../shared/linear-sort.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { linearSortSchema } from "../../validation/schemas.js";

async function sortStates(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const item = data[0]!;
  const meetingId = await ctx.meetingIdOf(item);
  return sortLinear(ctx, "motion_state", item.motion_state_ids as number[], {
    and_filter: [
      { field: "workflow_id", operator: "=", value: item.workflow_id },
      { field: "meeting_id", operator: "=", value: meetingId },
    ],
  });
}

export default defineAction({
  name: "motion_state.sort",
  collection: "motion_state",
  kind: "update",
  schema: linearSortSchema("motion_state", "motion_state_ids", "workflow_id"),
  singular: true,
  permission: "motion.can_manage",
  meetingOf: { collection: "motion_workflow", idField: "workflow_id" },
  instances: sortStates,
});
