// assignment_candidate.create: the meeting comes from the assignment; nomination permissions (see
// assignment-candidate-rules); a finished assignment gets no new candidates. History
// "Candidate added" on the assignment.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../validation/schemas.js";
import { checkCandidatePermissions } from "../../shared/assignment-candidate-rules.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";

export default defineAction({
  name: "assignment_candidate.create",
  collection: "assignment_candidate",
  kind: "create",
  schema: createSchema("assignment_candidate", { required: ["assignment_id", "meeting_user_id"] }),
  checkPermissions: checkCandidatePermissions,
  meetingOf: meetingOfReferencedModel("assignment_candidate", "assignment_id"),
  updateInstance: [
    inferMeetingFrom("assignment_candidate", "assignment_id"),
    async (ctx, instance) => {
      const assignment = await ctx.db.get(`assignment/${instance.assignment_id}`, ["phase"]);
      if (assignment.phase === "finished") throw new ActionError("It is not permitted to add a candidate to a finished assignment!");
      return instance;
    },
  ],
  history: "Candidate added",
  historyRelationField: "assignment_id",
});
