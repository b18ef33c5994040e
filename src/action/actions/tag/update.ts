// tag.update: renames a tag; nothing beyond CRUD.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "tag.update",
  collection: "tag",
  kind: "update",
  schema: updateSchema("tag", { optional: ["name"] }),
  permission: "tag.can_manage",
});
