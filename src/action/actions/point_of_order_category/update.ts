// point_of_order_category.update: text and rank; nothing beyond CRUD.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "point_of_order_category.update",
  collection: "point_of_order_category",
  kind: "update",
  schema: updateSchema("point_of_order_category", { optional: ["text", "rank"] }),
  permission: "meeting.can_manage_settings",
});
