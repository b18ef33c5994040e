// Upstream's SupporterActionMixin (motion_supporter.create / delete): supporting oneself needs
// motion.can_support (or metadata rights; a delegator restricted by users_forbid_delegator_as_supporter
// needs the metadata rights), others' support motion.can_manage_metadata. The meeting's support
// system must be on (motions_supporters_min_amount != 0) and, without metadata rights, the motion's
// state must allow support.
import { hasPerm, MissingPermissionError } from "../../permissions/index.js";
import { ActionError } from "../errors.js";
import { fqidOf } from "../framework/fqid.js";
import type { ActionContext, Instance } from "../framework/types.js";
import { checkPermAndDelegatorRestriction } from "./delegator-restriction.js";

export interface SupporterAccess {
  motionId(ctx: ActionContext, item: Instance): Promise<number>;
  meetingUserId(ctx: ActionContext, item: Instance): Promise<number | undefined>;
}

const METADATA = "motion.can_manage_metadata";

export function supporterPermissionCheck(access: SupporterAccess) {
  return async (ctx: ActionContext, item: Instance): Promise<void> => {
    const meetingId = await ctx.meetingIdOf(item);
    const meetingUserId = await access.meetingUserId(ctx, item);
    let self = false;
    if (meetingUserId) {
      const meetingUser = await ctx.db.get(fqidOf("meeting_user", meetingUserId), ["user_id"]);
      self = meetingUser.user_id === ctx.userId;
    }
    if (self) {
      const withMetadata = await checkPermAndDelegatorRestriction(ctx, METADATA, "users_forbid_delegator_as_supporter", [meetingId]);
      if (withMetadata.length === 0 && !(await hasPerm(ctx.db, ctx.userId, "motion.can_support", meetingId))) {
        throw MissingPermissionError.single("motion.can_support");
      }
      return;
    }
    if (!(await hasPerm(ctx.db, ctx.userId, METADATA, meetingId))) throw MissingPermissionError.single(METADATA);
  };
}

/** Upstream check_action_data: support system on; without metadata rights the state must allow support. */
export function supporterDataCheck(access: SupporterAccess) {
  return async (ctx: ActionContext, data: Instance[]): Promise<Instance[]> => {
    for (const item of data) {
      const motion = await ctx.db.get(fqidOf("motion", await access.motionId(ctx, item)), ["meeting_id", "state_id"]);
      const meetingId = Number(motion.meeting_id);
      const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["motions_supporters_min_amount"]);
      if (meeting.motions_supporters_min_amount === 0) throw new ActionError("Motion supporters system deactivated.");
      if (!(await hasPerm(ctx.db, ctx.userId, METADATA, meetingId))) {
        const state = await ctx.db.get(fqidOf("motion_state", Number(motion.state_id)), ["allow_support"]);
        if (state.allow_support === false) throw new ActionError("The state does not allow support.");
      }
    }
    return data;
  };
}
