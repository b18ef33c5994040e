// motion_change_recommendation.delete: plain delete; history "Motion change recommendation deleted"
// on the motion (touched too), unless the motion is deleted in the same request.
import { defineAction } from "../../framework/define.js";
import { extendHistoryTo, relatedModelHistory } from "../../shared/extend-history.js";
import { deleteSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "motion_change_recommendation.delete",
  collection: "motion_change_recommendation",
  kind: "delete",
  schema: deleteSchema("motion_change_recommendation"),
  permission: "motion.can_manage",
  updateInstance: extendHistoryTo("motion_change_recommendation", "motion_id", "motion"),
  historyInformation: (ctx) => relatedModelHistory(ctx, "motion_change_recommendation", "motion_id", "motion", "Motion change recommendation deleted"),
});
