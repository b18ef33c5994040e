// motion_supporter.create: the supporter rules (shared/supporter-rules.ts: own support with
// motion.can_support, delegator restriction, support system on, state allows support) plus the
// generic motion-meeting-user create (meeting from the motion, user in the meeting unless internal
// call or organization manager, unique pair; no weight). History "Supporters changed" on the motion.
// This replaces the unregistered fallback in motion/create.ts.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { motionMeetingUserCreate } from "../../shared/motion-meeting-user.js";
import { supporterDataCheck, supporterPermissionCheck, type SupporterAccess } from "../../shared/supporter-rules.js";

const access: SupporterAccess = {
  motionId: async (_ctx: ActionContext, item: Instance) => Number(item.motion_id),
  meetingUserId: async (_ctx: ActionContext, item: Instance) => (item.meeting_user_id as number | null | undefined) ?? undefined,
};

export default defineAction({
  ...motionMeetingUserCreate("motion_supporter", {
    ignoreMeetingIfInternal: true,
    withWeight: false,
    history: "Supporters changed",
    checkPermissions: supporterPermissionCheck(access),
  }),
  prepareData: supporterDataCheck(access),
});
