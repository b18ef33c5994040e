// list_of_speakers.delete: only as a cascade of its content object's delete; speakers,
// structure-level entries and projections cascade with it.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "list_of_speakers.delete",
  collection: "list_of_speakers",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("list_of_speakers"),
});
