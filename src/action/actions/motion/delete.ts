// motion.delete: managers, or submitters while the state has allow_submitter_edit. Amendments of
// motions deleted in the same request are left to the cascade. History "Motion deleted", plus
// "Forwarded motion deleted" / "Origin motion deleted" on the forwarding relatives.
import { hasPerm, MissingPermissionError } from "../../../permissions/index.js";
import { defineAction } from "../../framework/define.js";
import { mergeHistory } from "../../framework/history.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, HistoryInformation, Instance } from "../../framework/types.js";
import { isAllowedAndSubmitter } from "../../shared/motion-rules.js";
import { deleteSchema } from "../../validation/schemas.js";

async function checkDeletePermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const motion = await ctx.db.get(fqidOf("motion", Number(item.id)), ["state_id", "submitter_ids", "meeting_id"]);
  if (await hasPerm(ctx.db, ctx.userId, "motion.can_manage", Number(motion.meeting_id))) return;
  if (await isAllowedAndSubmitter(ctx, motion.submitter_ids, Number(motion.state_id))) return;
  throw MissingPermissionError.single("motion.can_manage");
}

/** Amendments whose lead motion is deleted too go with the cascade of their lead. */
async function withoutCascadedAmendments(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const allIds = data.map((item) => Number(item.id));
  const motions = await ctx.db.getMany("motion", allIds, ["lead_motion_id"]);
  return data.filter((item) => !allIds.includes(motions.get(Number(item.id))?.lead_motion_id as number));
}

/**
 * "Motion deleted" for every motion of the payload (also the amendments left to the cascade), and
 * the forwarding relatives learn about it. As upstream discards the history of the cascade, a
 * deletion cascaded from a deleted lead motion writes nothing itself.
 */
async function historyInformation(ctx: ActionContext): Promise<HistoryInformation> {
  const own: HistoryInformation = {};
  const forwarded: HistoryInformation = {};
  const origin: HistoryInformation = {};
  if (ctx.isSubAction) {
    const leads = await ctx.db.getMany("motion", ctx.data.map((item) => Number(item.id)), ["lead_motion_id"], { useChanges: false });
    if ([...leads.values()].every((motion) => motion.lead_motion_id && ctx.isToBeDeleted(fqidOf("motion", Number(motion.lead_motion_id))))) return {};
  }
  for (const item of ctx.data) own[fqidOf("motion", Number(item.id))] = ["Motion deleted"];
  for (const instance of ctx.instances) {
    const stored = await ctx.db.get(fqidOf("motion", Number(instance.id)), ["all_origin_ids", "all_derived_motion_ids"], {
      useChanges: false,
      optional: true,
    });
    for (const id of (stored.all_origin_ids as number[] | undefined) ?? []) forwarded[fqidOf("motion", id)] = ["Forwarded motion deleted"];
    for (const id of (stored.all_derived_motion_ids as number[] | undefined) ?? []) origin[fqidOf("motion", id)] = ["Origin motion deleted"];
  }
  // As upstream's merge: a later dictionary's entries are appended per fqid.
  return mergeHistory(mergeHistory(mergeHistory({}, own), forwarded), origin);
}

export default defineAction({
  name: "motion.delete",
  collection: "motion",
  kind: "delete",
  schema: deleteSchema("motion"),
  checkPermissions: checkDeletePermissions,
  // Not the original items (amendments may be left out): as upstream, the result is null.
  instances: withoutCascadedAmendments,
  historyInformation,
});
