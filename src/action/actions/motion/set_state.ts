// motion.set_state: metadata managers may set any state; submitters (with motion.can_see) may go
// to the current state's submitter_withdraw_state_id; submitters in an allow_submitter_edit state
// may only move along next/previous states. Number rule, last_modified, workflow timestamp if none.
// History "State set to {}".
import { hasPerm, MissingPermissionError } from "../../../permissions/index.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { changeMotionState, isAllowedAndSubmitter, isSubmitter, stateHistory } from "../../shared/motion-rules.js";
import { updateSchema } from "../../validation/schemas.js";

/** Per run and data item index: whether the permission check allowed any state. */
const skipGraphCheck = new WeakMap<ActionContext, boolean[]>();

function remember(ctx: ActionContext, skip: boolean): void {
  const flags = skipGraphCheck.get(ctx) ?? [];
  flags[ctx.index] = skip;
  skipGraphCheck.set(ctx, flags);
}

async function checkSetStatePermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const motion = await ctx.db.get(fqidOf("motion", Number(item.id)), ["state_id", "submitter_ids", "meeting_id"]);
  const meetingId = Number(motion.meeting_id);
  if (await hasPerm(ctx.db, ctx.userId, "motion.can_manage_metadata", meetingId)) return remember(ctx, true);
  if ((await isSubmitter(ctx, motion.submitter_ids)) && (await hasPerm(ctx.db, ctx.userId, "motion.can_see", meetingId))) {
    const state = await ctx.db.get(fqidOf("motion_state", Number(motion.state_id)), ["submitter_withdraw_state_id"]);
    if (item.state_id === state.submitter_withdraw_state_id) return remember(ctx, true);
  }
  if (await isAllowedAndSubmitter(ctx, motion.submitter_ids, Number(motion.state_id))) return remember(ctx, false);
  throw MissingPermissionError.single("motion.can_manage_metadata");
}

export default defineAction({
  name: "motion.set_state",
  collection: "motion",
  kind: "update",
  schema: updateSchema("motion", { required: ["state_id"] }),
  checkPermissions: checkSetStatePermissions,
  updateInstance: (ctx, instance) => changeMotionState(ctx, instance, skipGraphCheck.get(ctx)?.[ctx.index] ?? false),
  historyInformation: (ctx) => stateHistory(ctx, "state_id", "State"),
});
