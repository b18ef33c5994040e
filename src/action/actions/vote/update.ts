// vote.update (backend internal): only the weight (analog option values).
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "vote.update",
  collection: "vote",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("vote", { required: ["weight"] }),
});
