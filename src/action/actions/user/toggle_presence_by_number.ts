// user.toggle_presence_by_number: finds the meeting's participant with the given number and
// toggles the meeting in their is_present_in_meeting_ids. Result {id} of that user.
import { hasOrganizationManagementLevel, hasPerm, isCommitteeManager } from "../../../permissions/index.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema, requiredIdSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const meetingId = Number(item.meeting_id);
  if (await hasPerm(ctx.db, ctx.userId, "user.can_update", meetingId)) return;
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["committee_id", "locked_from_inside"]);
  if (!meeting.locked_from_inside) {
    if (await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_users")) return;
    if (await isCommitteeManager(ctx.db, ctx.userId, meeting.committee_id as number)) return;
  }
  throw new PermissionDeniedError("You are not allowed to toggle presence by number.");
}

async function findUserByNumber(ctx: ActionContext, meetingId: number, number: string): Promise<number> {
  const found = await ctx.db.filter(
    "meeting_user",
    {
      and_filter: [
        { field: "number", operator: "=", value: number },
        { field: "meeting_id", operator: "=", value: meetingId },
      ],
    },
    ["user_id"],
  );
  if (found.size === 1) return [...found.values()][0]!.user_id as number;
  if (found.size > 1) throw new ActionError("Found more than one user with the number.");
  throw new ActionError("No user with this number found.");
}

async function toggle(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = Number(instance.meeting_id);
  const id = await findUserByNumber(ctx, meetingId, instance.number as string);
  const user = await ctx.db.get(`user/${id}`, ["is_present_in_meeting_ids"]);
  const present = (user.is_present_in_meeting_ids as number[] | undefined) ?? [];
  return {
    id,
    is_present_in_meeting_ids: present.includes(meetingId) ? present.filter((other) => other !== meetingId) : [...present, meetingId],
  };
}

export default defineAction({
  name: "user.toggle_presence_by_number",
  collection: "user",
  kind: "update",
  schema: itemSchema("user", { additionalRequired: { number: { type: "string" }, meeting_id: requiredIdSchema } }),
  checkPermissions,
  updateInstance: toggle,
  result: (_ctx, instance) => ({ id: instance.id }),
});
