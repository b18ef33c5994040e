// user.set_present: adds or removes the meeting in the user's is_present_in_meeting_ids (no
// event when nothing changes). Allowed with user.can_manage_presence, for organization user
// managers and committee managers of unlocked meetings, and for oneself when the meeting
// allows it. History "Set (not) present in meeting {}".
import { hasOrganizationManagementLevel, hasPerm, isCommitteeManager } from "../../../permissions/index.js";
import { PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { requiredIdSchema, updateSchema } from "../../framework/schemas.js";
import type { ActionContext, HistoryInformation, Instance } from "../../framework/types.js";
import { checkArchivedMeetingsOfItem } from "../../shared/user-rules.js";

async function checkPresencePermission(ctx: ActionContext, item: Instance): Promise<void> {
  await checkArchivedMeetingsOfItem(ctx, item);
  const meetingId = Number(item.meeting_id);
  if (await hasPerm(ctx.db, ctx.userId, "user.can_manage_presence", meetingId)) return;
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["committee_id", "users_allow_self_set_present", "locked_from_inside"]);
  if (!meeting.locked_from_inside) {
    if (await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_users")) return;
    if (await isCommitteeManager(ctx.db, ctx.userId, meeting.committee_id as number)) return;
  }
  if (ctx.userId === item.id && meeting.users_allow_self_set_present) return;
  throw new PermissionDeniedError("You are not allowed to set present.");
}

async function presenceChanges(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const result: Instance[] = [];
  for (const item of data) {
    if (ctx.internal) await checkArchivedMeetingsOfItem(ctx, item);
    const meetingId = Number(item.meeting_id);
    const user = await ctx.db.get(`user/${Number(item.id)}`, ["is_present_in_meeting_ids"]);
    const present = (user.is_present_in_meeting_ids as number[] | undefined) ?? [];
    if (item.present === true && !present.includes(meetingId)) {
      result.push({ id: item.id, is_present_in_meeting_ids: [...present, meetingId] });
    } else if (item.present === false && present.includes(meetingId)) {
      result.push({ id: item.id, is_present_in_meeting_ids: present.filter((id) => id !== meetingId) });
    }
  }
  return result;
}

function history(ctx: ActionContext): HistoryInformation | undefined {
  // Upstream merges a sub-action's history only when it wrote something.
  if (ctx.instances.length === 0) return undefined;
  const information: HistoryInformation = {};
  for (const item of ctx.data) {
    information[`user/${Number(item.id)}`] = [`Set ${item.present ? "" : "not "}present in meeting {}`, `meeting/${Number(item.meeting_id)}`];
  }
  return information;
}

export default defineAction({
  name: "user.set_present",
  collection: "user",
  kind: "update",
  schema: updateSchema("user", { additionalRequired: { present: { type: "boolean" }, meeting_id: requiredIdSchema } }),
  skipArchivedMeetingCheck: true,
  checkPermissions: checkPresencePermission,
  instances: presenceChanges,
  historyInformation: history,
});
