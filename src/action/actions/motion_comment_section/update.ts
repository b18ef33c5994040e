// motion_comment_section.update: name, read/write groups, submitter_can_write; the meeting's
// anonymous group may read but not write.
import { defineAction } from "../../framework/define.js";
import { forbidAnonymousGroupIn } from "../../shared/forbid-anonymous-group.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_comment_section.update",
  collection: "motion_comment_section",
  kind: "update",
  schema: updateSchema("motion_comment_section", {
    optional: ["name", "read_group_ids", "write_group_ids", "submitter_can_write"],
  }),
  permission: "motion.can_manage",
  updateInstance: forbidAnonymousGroupIn("write_group_ids"),
});
