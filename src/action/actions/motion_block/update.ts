// motion_block.update: title, internal flag and the motions of the block (their block_id follows).
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_block.update",
  collection: "motion_block",
  kind: "update",
  schema: updateSchema("motion_block", { optional: ["title", "internal", "motion_ids"] }),
  permission: "motion.can_manage",
});
