// poll_candidate_list.delete (backend internal): its poll candidates cascade.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "poll_candidate_list.delete",
  collection: "poll_candidate_list",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("poll_candidate_list"),
});
