// motion_state.sort: all states of one workflow in their new order get weights 1..n; the list must
// name exactly the workflow's states. The meeting comes from the workflow. One data item only.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { linearSortSchema } from "../../validation/schemas.js";

async function sortStates(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const item = data[0]!;
  const meetingId = await ctx.meetingIdOf(item);
  const existing = await ctx.db.filter(
    "motion_state",
    {
      and_filter: [
        { field: "workflow_id", operator: "=", value: item.workflow_id },
        { field: "meeting_id", operator: "=", value: meetingId },
      ],
    },
    ["id"],
  );
  const given = item.motion_state_ids as number[];
  for (const id of given) {
    if (!existing.has(id)) throw new ActionError(`motion_state sorting failed, because element motion_state/${id} doesn't exist.`);
  }
  if (given.length !== existing.size) throw new ActionError("motion_state sorting failed, because some elements were not included in the call.");
  return given.map((id, index) => ({ id, weight: index + 1 }));
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
