// assignment_candidate.sort: all candidates of one assignment in their new order get weights 1..n;
// the list must name exactly the assignment's candidates. One data item only.
import { defineAction } from "../../framework/define.js";
import { sortLinear } from "../../shared/linear-sort.js";
import { linearSortSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "assignment_candidate.sort",
  collection: "assignment_candidate",
  kind: "update",
  schema: linearSortSchema("assignment_candidate", "candidate_ids", "assignment_id"),
  singular: true,
  permission: "assignment.can_manage",
  meetingOf: { collection: "assignment", idField: "assignment_id" },
  instances: async (ctx, data) => {
    const [item] = data;
    const meetingId = await ctx.meetingIdOf(item!);
    return sortLinear(ctx, "assignment_candidate", item!.candidate_ids as number[], {
      and_filter: [{ field: "assignment_id", operator: "=", value: item!.assignment_id }, { field: "meeting_id", operator: "=", value: meetingId }],
    });
  },
});
