// assignment.delete: candidates, polls, agenda item, list of speakers and projections cascade.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "assignment.delete",
  collection: "assignment",
  kind: "delete",
  schema: deleteSchema("assignment"),
  permission: "assignment.can_manage",
});
