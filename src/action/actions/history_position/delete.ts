// history_position.delete: backend-internal delete; its entries go with it (cascade).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "history_position.delete",
  collection: "history_position",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("history_position"),
  skipArchivedMeetingCheck: true,
});
