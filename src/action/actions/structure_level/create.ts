// structure_level.create: name, color and default speaking time; the name is unique per meeting
// (the database's unique constraint reports a clash, as upstream).
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "structure_level.create",
  collection: "structure_level",
  kind: "create",
  schema: createSchema("structure_level", { required: ["meeting_id", "name"], optional: ["color", "default_time"] }),
  permission: "user.can_manage",
});
