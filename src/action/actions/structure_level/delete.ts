// structure_level.delete: meeting users and structure_level_list_of_speakers lose it (SET_NULL, as upstream).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "structure_level.delete",
  collection: "structure_level",
  kind: "delete",
  schema: deleteSchema("structure_level"),
  permission: "user.can_manage",
});
