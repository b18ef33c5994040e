// motion_submitter.update: only the weight; a backend-internal helper of user.merge.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_submitter.update",
  collection: "motion_submitter",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("motion_submitter", { required: ["weight"] }),
});
