// assignment_candidate.update: only the weight; a backend-internal helper of user.merge_together.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "assignment_candidate.update",
  collection: "assignment_candidate",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("assignment_candidate", { required: ["weight"] }),
});
