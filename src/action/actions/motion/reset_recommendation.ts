// motion.reset_recommendation: recommendation_id := null and last_modified := now.
// History "Recommendation reset".
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../validation/schemas.js";
import { nowTimestamp } from "../../shared/clock.js";

export default defineAction({
  name: "motion.reset_recommendation",
  collection: "motion",
  kind: "update",
  schema: updateSchema("motion"),
  permission: "motion.can_manage_metadata",
  updateInstance: (_ctx, instance) => ({ ...instance, recommendation_id: null, last_modified: nowTimestamp() }),
  history: "Recommendation reset",
});
