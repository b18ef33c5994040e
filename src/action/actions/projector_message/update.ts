// projector_message.update: only the message text changes.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "projector_message.update",
  collection: "projector_message",
  kind: "update",
  schema: updateSchema("projector_message", { optional: ["message"] }),
  permission: "projector.can_manage",
});
