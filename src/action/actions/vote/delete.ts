// vote.delete (backend internal): plain delete (poll.reset, option cascade).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "vote.delete",
  collection: "vote",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("vote"),
});
