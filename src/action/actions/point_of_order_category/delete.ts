// point_of_order_category.delete: speakers of the category lose it (relation maintenance).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "point_of_order_category.delete",
  collection: "point_of_order_category",
  kind: "delete",
  schema: deleteSchema("point_of_order_category"),
  permission: "meeting.can_manage_settings",
});
