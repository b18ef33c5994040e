// motion_supporter.delete: for external calls the supporter rules (shared/supporter-rules.ts: own
// support with motion.can_support, delegator restriction, support system on, state allows support);
// internal calls (cascades) delete plainly. History "Supporters changed" on the motion.
import { fqidOf } from "../../framework/fqid.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { motionMeetingUserDelete } from "../../shared/motion-meeting-user.js";
import { supporterDataCheck, supporterPermissionCheck, type SupporterAccess } from "../../shared/supporter-rules.js";

const stored = (ctx: ActionContext, item: Instance) => ctx.db.get(fqidOf("motion_supporter", Number(item.id)), ["motion_id", "meeting_user_id"]);

const access: SupporterAccess = {
  motionId: async (ctx, item) => Number((await stored(ctx, item)).motion_id),
  meetingUserId: async (ctx, item) => ((await stored(ctx, item)).meeting_user_id as number | undefined) ?? undefined,
};

const dataCheck = supporterDataCheck(access);

export default defineAction({
  ...motionMeetingUserDelete("motion_supporter", { history: "Supporters changed" }),
  checkPermissions: supporterPermissionCheck(access),
  prepareData: (ctx: ActionContext, data: Instance[]) => (ctx.internal ? data : dataCheck(ctx, data)),
});
