// poll.set_state (backend internal): sets the state only (option.update finishes / publishes analog polls).
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "poll.set_state",
  collection: "poll",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("poll", { required: ["state"] }),
});
