// motion.set_recommendation: the recommendation must be a state of the motion's workflow that has a
// recommendation_label; sets last_modified. History "Recommendation set to {}" with the state.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { stateHistory } from "../../shared/motion-rules.js";
import { updateSchema } from "../../validation/schemas.js";
import { nowTimestamp } from "../../shared/clock.js";

async function checkRecommendation(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const motion = await ctx.db.get(fqidOf("motion", Number(instance.id)), ["state_id"]);
  const currentState = await ctx.db.get(fqidOf("motion_state", Number(motion.state_id)), ["workflow_id"]);
  if (instance.recommendation_id === null) throw new ActionError("Model 'motion_state/None' does not exist.");
  const recommendation = await ctx.db.get(fqidOf("motion_state", Number(instance.recommendation_id)), ["workflow_id", "recommendation_label"]);
  if (currentState.workflow_id !== recommendation.workflow_id) {
    throw new ActionError("Cannot set recommendation. State is from a different workflow as motion.");
  }
  if (recommendation.recommendation_label === undefined || recommendation.recommendation_label === null) {
    throw new ActionError("Recommendation label of a recommendation must be set.");
  }
  instance.last_modified = nowTimestamp();
  return instance;
}

export default defineAction({
  name: "motion.set_recommendation",
  collection: "motion",
  kind: "update",
  schema: updateSchema("motion", { required: ["recommendation_id"] }),
  permission: "motion.can_manage_metadata",
  updateInstance: checkRecommendation,
  historyInformation: (ctx) => stateHistory(ctx, "recommendation_id", "Recommendation"),
});
