// structure_level.update: name, color, default time; a name clash in the meeting is refused by the
// database's unique constraint, as upstream.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "structure_level.update",
  collection: "structure_level",
  kind: "update",
  schema: updateSchema("structure_level", { optional: ["name", "color", "default_time"] }),
  permission: "user.can_manage",
});
