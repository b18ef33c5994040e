// structure_level_list_of_speakers.delete: backend-internal plain delete (speakers keep no link).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "structure_level_list_of_speakers.delete",
  collection: "structure_level_list_of_speakers",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("structure_level_list_of_speakers"),
});
