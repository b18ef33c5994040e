// assignment_candidate.delete: nomination permissions (see assignment-candidate-rules); callers
// from outside may not remove candidates of a finished assignment unless its meeting is being
// deleted. History "Candidate removed" on the assignment.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";
import { checkCandidatePermissions } from "../../shared/assignment-candidate-rules.js";

export default defineAction({
  name: "assignment_candidate.delete",
  collection: "assignment_candidate",
  kind: "delete",
  schema: deleteSchema("assignment_candidate"),
  checkPermissions: checkCandidatePermissions,
  updateInstance: async (ctx, instance) => {
    if (ctx.internal || ctx.isSubAction) return instance;
    const candidate = await ctx.db.get(`assignment_candidate/${instance.id}`, ["assignment_id"]);
    const assignment = await ctx.db.get(`assignment/${candidate.assignment_id}`, ["phase", "meeting_id"]);
    if (assignment.phase === "finished" && !ctx.isToBeDeleted(`meeting/${assignment.meeting_id}`)) {
      throw new ActionError("It is not permitted to remove a candidate from a finished assignment!");
    }
    return instance;
  },
  history: "Candidate removed",
  historyRelationField: "assignment_id",
});
