// motion_category.delete: motions and child categories lose the category (SET_NULL).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_category.delete",
  collection: "motion_category",
  kind: "delete",
  schema: deleteSchema("motion_category"),
  permission: "motion.can_manage",
});
