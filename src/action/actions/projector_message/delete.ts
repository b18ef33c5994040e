// projector_message.delete: its projections cascade.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "projector_message.delete",
  collection: "projector_message",
  kind: "delete",
  schema: deleteSchema("projector_message"),
  permission: "projector.can_manage",
});
