// personal_note.update: star and note of one's own personal note (see personal-note-rules).
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import { ownNoteCheck } from "../../shared/personal-note-rules.js";

export default defineAction({
  name: "personal_note.update",
  collection: "personal_note",
  kind: "update",
  schema: updateSchema("personal_note", { optional: ["star", "note"] }),
  checkPermissions: ownNoteCheck("change"),
});
