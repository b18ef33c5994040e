// motion_supporter.update: only the meeting_user_id; a backend-internal helper of user.merge_together.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "motion_supporter.update",
  collection: "motion_supporter",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("motion_supporter", { optional: ["meeting_user_id"] }),
});
