// assignment_candidate.sort: all candidates of one assignment in their new order get weights 1..n;
// the list must name exactly the assignment's candidates. One data item only.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
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
    const existing = await ctx.db.filter(
      "assignment_candidate",
      { and_filter: [{ field: "assignment_id", operator: "=", value: item!.assignment_id }, { field: "meeting_id", operator: "=", value: meetingId }] },
      ["id"],
    );
    const given = item!.candidate_ids as number[];
    for (const id of given) {
      if (!existing.has(id)) throw new ActionError(`assignment_candidate sorting failed, because element assignment_candidate/${id} doesn't exist.`);
    }
    if (given.length !== existing.size) throw new ActionError("assignment_candidate sorting failed, because some elements were not included in the call.");
    return given.map((id, index) => ({ id, weight: index + 1 }));
  },
});
