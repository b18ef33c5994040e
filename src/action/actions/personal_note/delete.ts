// personal_note.delete: only one's own personal note (see personal-note-rules).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";
import { ownNoteCheck } from "../../shared/personal-note-rules.js";

export default defineAction({
  name: "personal_note.delete",
  collection: "personal_note",
  kind: "delete",
  schema: deleteSchema("personal_note"),
  checkPermissions: ownNoteCheck("delete"),
});
