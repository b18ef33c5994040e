// motion.follow_recommendation: motions without a recommendation are skipped; otherwise the state
// becomes the recommendation (it must be a next or previous state of the current one), with set_state's
// number rule, last_modified and workflow timestamp. If both the state and recommendation extension
// fields are shown, the recommendation extension (and its references) becomes the state extension.
// Permission as motion.set_state. History "State set to {}".
import { hasPerm, MissingPermissionError } from "../../../permissions/index.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { changeMotionState, isAllowedAndSubmitter, stateHistory } from "../../shared/motion-rules.js";
import { updateSchema } from "../../validation/schemas.js";

/**
 * Upstream inherits set_state's check: metadata managers, or submitters while the state allows
 * submitter edits. (set_state's withdraw branch compares the payload's state_id, which this payload
 * never has; upstream fails there with a KeyError, here the branch simply does not apply.)
 */
async function checkFollowPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const motion = await ctx.db.get(fqidOf("motion", Number(item.id)), ["state_id", "submitter_ids", "meeting_id"]);
  if (await hasPerm(ctx.db, ctx.userId, "motion.can_manage_metadata", Number(motion.meeting_id))) return;
  if (await isAllowedAndSubmitter(ctx, motion.submitter_ids, Number(motion.state_id))) return;
  throw MissingPermissionError.single("motion.can_manage_metadata");
}

const EXTENSION = Symbol("recommendation extension");
type WithExtension = Instance & { [EXTENSION]?: { text: unknown; references: unknown } };

async function motionsWithRecommendation(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const ids = data.map((item) => Number(item.id));
  const motions = await ctx.db.getMany("motion", ids, ["id", "recommendation_id", "recommendation_extension", "recommendation_extension_reference_ids"]);
  const instances: Instance[] = [];
  for (const id of ids) {
    const motion = motions.get(id);
    if (!motion?.recommendation_id) continue;
    const instance: WithExtension = { id, state_id: motion.recommendation_id };
    instance[EXTENSION] = { text: motion.recommendation_extension, references: motion.recommendation_extension_reference_ids };
    instances.push(instance);
  }
  return instances;
}

async function followRecommendation(ctx: ActionContext, given: Instance): Promise<Instance> {
  const extension = (given as WithExtension)[EXTENSION];
  const instance = await changeMotionState(ctx, given, false);
  const recommendation = await ctx.db.get(fqidOf("motion_state", Number(instance.state_id)), [
    "show_state_extension_field",
    "show_recommendation_extension_field",
  ]);
  if (
    extension &&
    extension.text !== undefined &&
    extension.text !== null &&
    recommendation.show_state_extension_field &&
    recommendation.show_recommendation_extension_field
  ) {
    instance.state_extension = extension.text;
    instance.state_extension_reference_ids = Array.isArray(extension.references) && extension.references.length > 0 ? extension.references : [];
  }
  return instance;
}

export default defineAction({
  name: "motion.follow_recommendation",
  collection: "motion",
  kind: "update",
  schema: updateSchema("motion"),
  checkPermissions: checkFollowPermissions,
  instances: motionsWithRecommendation,
  updateInstance: followRecommendation,
  historyInformation: (ctx) => stateHistory(ctx, "state_id", "State"),
});
