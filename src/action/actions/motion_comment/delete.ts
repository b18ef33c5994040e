// motion_comment.delete: callers need motion.can_see and write access to the section (see
// motion-comment-rules). History "Comment {} deleted" on the motion (none when the motion goes too).
import { defineAction } from "../../framework/define.js";
import { checkMotionCommentPermissions, motionCommentHistory } from "../../shared/motion-comment-rules.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_comment.delete",
  collection: "motion_comment",
  kind: "delete",
  schema: deleteSchema("motion_comment"),
  permission: "motion.can_see",
  checkPermissions: checkMotionCommentPermissions,
  historyInformation: motionCommentHistory,
});
