// point_of_order_category.create: a category (text, rank) for points of order; nothing beyond CRUD.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "point_of_order_category.create",
  collection: "point_of_order_category",
  kind: "create",
  schema: createSchema("point_of_order_category", { required: ["text", "rank", "meeting_id"] }),
  permission: "meeting.can_manage_settings",
});
