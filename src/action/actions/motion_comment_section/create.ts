// motion_comment_section.create: gets a sequential number and the model's default weight (10000,
// as upstream); the meeting's anonymous group may read but not write.
import { defineAction } from "../../framework/define.js";
import { forbidAnonymousGroupIn } from "../../shared/forbid-anonymous-group.js";
import { createSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_comment_section.create",
  collection: "motion_comment_section",
  kind: "create",
  schema: createSchema("motion_comment_section", {
    required: ["name", "meeting_id"],
    optional: ["read_group_ids", "write_group_ids", "submitter_can_write"],
  }),
  permission: "motion.can_manage",
  updateInstance: forbidAnonymousGroupIn("write_group_ids"),
});
