// user.delete: scope rule (user.can_manage); nobody deletes himself or the last admin of a
// (non-template) meeting; the user's meeting_users go with him (waiting speakers deleted).
// History "Account deleted".
import { checkPermissionsForScope } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { adminGroupsOfNonTemplateMeetings, checkAdminGroupIntegrity } from "../../shared/user-rules.js";

async function checkLastAdmins(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const userIds = data.map((item) => Number(item.id)).filter(Boolean);
  if (userIds.length === 0) return data;
  const users = await ctx.db.getMany("user", userIds, ["meeting_ids"]);
  const meetingIds = [...new Set([...users.values()].flatMap((user) => (user.meeting_ids as number[] | undefined) ?? []))];
  if (meetingIds.length === 0) return data;
  const meetings = await adminGroupsOfNonTemplateMeetings(ctx, meetingIds);
  if (meetings.meetingIds.length === 0) return data;
  await checkAdminGroupIntegrity(ctx, { or_filter: userIds.map((id) => ({ field: "user_id", operator: "=", value: id })) }, meetings.adminGroupIds);
  return data;
}

function refuseSelf(ctx: ActionContext, instance: Instance): Instance {
  if (instance.id === ctx.userId) throw new ActionError("You cannot delete yourself.");
  return instance;
}

export default defineAction({
  name: "user.delete",
  collection: "user",
  kind: "delete",
  schema: deleteSchema("user"),
  skipArchivedMeetingCheck: true,
  checkPermissions: (ctx, item) => checkPermissionsForScope(ctx.db, ctx.userId, Number(item.id), { actionName: ctx.action.name }),
  prepareData: checkLastAdmins,
  updateInstance: refuseSelf,
  history: "Account deleted",
});
