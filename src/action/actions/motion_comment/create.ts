// motion_comment.create: the meeting comes from the motion; only one comment per (motion, section).
// Callers need motion.can_see and write access to the section (see motion-comment-rules).
// History "Comment {} created" on the motion.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import { checkMotionCommentPermissions, motionCommentHistory } from "../../shared/motion-comment-rules.js";
import { createSchema } from "../../validation/schemas.js";

async function onlyOnePerSection(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const existing = await ctx.db.filter(
    "motion_comment",
    {
      and_filter: [
        { field: "section_id", operator: "=", value: instance.section_id },
        { field: "motion_id", operator: "=", value: instance.motion_id },
        { field: "meeting_id", operator: "=", value: instance.meeting_id },
      ],
    },
    ["id"],
  );
  if (existing.size > 0) throw new ActionError("There already exists a comment for this section, please update it instead.");
  return instance;
}

export default defineAction({
  name: "motion_comment.create",
  collection: "motion_comment",
  kind: "create",
  schema: createSchema("motion_comment", { required: ["comment", "motion_id", "section_id"] }),
  permission: "motion.can_see",
  checkPermissions: checkMotionCommentPermissions,
  meetingOf: meetingOfReferencedModel("motion_comment", "motion_id"),
  updateInstance: [inferMeetingFrom("motion_comment", "motion_id"), onlyOnePerSection],
  historyInformation: motionCommentHistory,
});
