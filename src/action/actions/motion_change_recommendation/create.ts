// motion_change_recommendation.create: the meeting comes from the motion; line_from <= line_to and
// the span must not overlap another recommendation of the motion (0-0 is the title); creation_time
// := now. History "Motion change recommendation created" on the motion.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import { createSchema } from "../../validation/schemas.js";
import { nowTimestamp } from "../../shared/clock.js";

async function checkLines(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const lineFrom = Number(instance.line_from);
  const lineTo = Number(instance.line_to);
  if (lineFrom > lineTo) throw new ActionError("Starting line must be smaller than ending line.");
  instance = await inferMeetingFrom("motion_change_recommendation", "motion_id")(ctx, instance) ?? instance;
  const collides = await ctx.db.exists("motion_change_recommendation", {
    and_filter: [
      { field: "meeting_id", operator: "=", value: instance.meeting_id },
      { field: "motion_id", operator: "=", value: instance.motion_id },
      { not_filter: { field: "line_to", operator: "<", value: lineFrom } },
      { not_filter: { field: "line_from", operator: ">", value: lineTo } },
    ],
  });
  if (collides) throw new ActionError(`The recommendation collides with an existing one (line ${lineFrom} - ${lineTo}).`);
  instance.creation_time = nowTimestamp();
  return instance;
}

export default defineAction({
  name: "motion_change_recommendation.create",
  collection: "motion_change_recommendation",
  kind: "create",
  schema: createSchema("motion_change_recommendation", {
    required: ["line_from", "line_to", "text", "motion_id"],
    optional: ["rejected", "internal", "type", "other_description"],
  }),
  permission: "motion.can_manage",
  meetingOf: meetingOfReferencedModel("motion_change_recommendation", "motion_id"),
  updateInstance: checkLines,
  history: "Motion change recommendation created",
  historyRelationField: "motion_id",
});
