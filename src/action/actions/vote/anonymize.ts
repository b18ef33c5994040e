// vote.anonymize (backend internal): removes who cast the vote (user_id, delegated_user_id).
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "vote.anonymize",
  collection: "vote",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("vote"),
  updateInstance: (_ctx, instance) => ({ ...instance, user_id: null, delegated_user_id: null }),
});
