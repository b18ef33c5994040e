// motion_comment.update: the comment text. Callers need motion.can_see and write access to the
// section (see motion-comment-rules). The motion counts as touched (upstream ExtendHistoryMixin)
// and gets the history "Comment {} updated".
import { defineAction } from "../../framework/define.js";
import { extendHistoryTo } from "../../shared/extend-history.js";
import { checkMotionCommentPermissions, motionCommentHistory } from "../../shared/motion-comment-rules.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_comment.update",
  collection: "motion_comment",
  kind: "update",
  schema: updateSchema("motion_comment", { optional: ["comment"] }),
  permission: "motion.can_see",
  checkPermissions: checkMotionCommentPermissions,
  updateInstance: extendHistoryTo("motion_comment", "motion_id", "motion"),
  historyInformation: motionCommentHistory,
});
