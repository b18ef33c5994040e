// motion_category.update: name, prefix and the motions of the category (their category_id follows).
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_category.update",
  collection: "motion_category",
  kind: "update",
  schema: updateSchema("motion_category", { optional: ["name", "prefix", "motion_ids"] }),
  permission: "motion.can_manage",
});
