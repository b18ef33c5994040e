// projector_countdown.update: plain update of the countdown's settings and state.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "projector_countdown.update",
  collection: "projector_countdown",
  kind: "update",
  schema: updateSchema("projector_countdown", { optional: ["title", "description", "default_time", "countdown_time", "running"] }),
  permission: "projector.can_manage",
});
