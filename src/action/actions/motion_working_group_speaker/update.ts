// motion_working_group_speaker.update: only the weight; a backend-internal helper of user.merge_together.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "motion_working_group_speaker.update",
  collection: "motion_working_group_speaker",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("motion_working_group_speaker", { required: ["weight"] }),
});
