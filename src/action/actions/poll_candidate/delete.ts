// poll_candidate.delete (backend internal): plain delete (cascade of its list).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "poll_candidate.delete",
  collection: "poll_candidate",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("poll_candidate"),
});
