// tag.create: a tag of a meeting; nothing beyond CRUD.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "tag.create",
  collection: "tag",
  kind: "create",
  schema: createSchema("tag", { required: ["name", "meeting_id"] }),
  permission: "tag.can_manage",
});
