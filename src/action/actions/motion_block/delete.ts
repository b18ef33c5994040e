// motion_block.delete: its agenda item, list of speakers and projections cascade; motions lose the block.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_block.delete",
  collection: "motion_block",
  kind: "delete",
  schema: deleteSchema("motion_block"),
  permission: "motion.can_manage",
});
