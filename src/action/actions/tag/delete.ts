// tag.delete: the tag disappears from the tag_ids of everything it tagged (relation maintenance).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "tag.delete",
  collection: "tag",
  kind: "delete",
  schema: deleteSchema("tag"),
  permission: "tag.can_manage",
});
