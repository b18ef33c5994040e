// projector_message.create: a message that can be projected; plain create.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "projector_message.create",
  collection: "projector_message",
  kind: "create",
  schema: createSchema("projector_message", { required: ["message", "meeting_id"] }),
  permission: "projector.can_manage",
});
