// history_entry.delete: backend-internal plain delete (cascade target of history_position.delete).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "history_entry.delete",
  collection: "history_entry",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("history_entry"),
  skipArchivedMeetingCheck: true,
});
