// user.assign_meetings: puts a user into the group named group_name of each given meeting (or,
// when the meeting has no such group and the user is not in it yet, into its default group),
// creating meeting_users as needed. Result: succeeded / standard_group / nothing meeting ids.
import { committeesNotManaged, hasOrganizationManagementLevel, MissingPermissionError, pythonIntSetOrder } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { idListSchema, updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance, ResultElement } from "../../framework/types.js";
import { createOrGetMeetingUser, getMeetingUser } from "../../shared/meeting-user-helper.js";

const results = new WeakMap<Instance, ResultElement>();

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  if (await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_users")) return;
  const meetingIds = (item.meeting_ids as number[] | undefined) ?? [];
  if (meetingIds.length === 0) return;
  const meetings = await ctx.db.getMany("meeting", meetingIds, ["committee_id"]);
  const committeeIds = [...new Set([...meetings.values()].map((meeting) => meeting.committee_id as number))];
  const missing = await committeesNotManaged(ctx.db, ctx.userId, committeeIds);
  if (missing.length > 0) throw MissingPermissionError.anyOf([["can_manage", missing]]);
}

async function checkMeetings(ctx: ActionContext, meetingIds: number[]): Promise<void> {
  const meetings = await ctx.db.getMany("meeting", meetingIds, ["locked_from_inside"]);
  const locked = [...meetings].filter(([, meeting]) => meeting.locked_from_inside).map(([id]) => String(id));
  if (locked.length > 0) throw new ActionError(`Cannot assign meetings because some selected meetings are locked: ${locked.join(", ")}.`);
}

async function addToGroup(ctx: ActionContext, meetingId: number, userId: number, meetingUser: Record<string, unknown>, groupId: number): Promise<void> {
  const id = (meetingUser.id as number | undefined) ?? (await createOrGetMeetingUser(ctx, meetingId, userId));
  const current = (meetingUser.group_ids as number[] | undefined) ?? [];
  const groupIds = pythonIntSetOrder(new Set([...current, groupId]));
  await ctx.execute("meeting_user.update", [{ id, group_ids: groupIds }]);
}

async function assign(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const userId = Number(instance.id);
  const meetingIds = [...new Set(instance.meeting_ids as number[])];
  await checkMeetings(ctx, meetingIds);
  const groupName = instance.group_name as string;
  const user = await ctx.db.get(`user/${userId}`, ["meeting_ids"]);
  const userMeetingIds = new Set((user.meeting_ids as number[] | undefined) ?? []);
  const meetingUsers = new Map<number, Record<string, unknown>>();
  const groupOfMeeting = new Map<number, number>();
  const alreadyInGroup = new Set<number>();
  for (const meetingId of meetingIds) {
    const meetingUser = (await getMeetingUser(ctx, meetingId, userId, ["id", "group_ids"])) ?? {};
    meetingUsers.set(meetingId, meetingUser);
    const groups = await ctx.db.filter(
      "group",
      {
        and_filter: [
          { field: "name", operator: "=", value: groupName },
          { field: "meeting_id", operator: "=", value: meetingId },
          { field: "anonymous_group_for_meeting_id", operator: "=", value: null },
        ],
      },
      ["meeting_id", "meeting_user_ids"],
    );
    for (const [groupId, group] of groups) {
      groupOfMeeting.set(group.meeting_id as number, groupId);
      if (meetingUser.id !== undefined && ((group.meeting_user_ids as number[] | undefined) ?? []).includes(meetingUser.id as number)) {
        alreadyInGroup.add(group.meeting_id as number);
      }
    }
  }
  const succeeded = meetingIds.filter((id) => groupOfMeeting.has(id));
  const standard = meetingIds.filter((id) => !groupOfMeeting.has(id) && !userMeetingIds.has(id));
  const nothing = meetingIds.filter((id) => !groupOfMeeting.has(id) && userMeetingIds.has(id));
  for (const meetingId of pythonIntSetOrder(succeeded)) {
    if (alreadyInGroup.has(meetingId)) continue;
    await addToGroup(ctx, meetingId, userId, meetingUsers.get(meetingId)!, groupOfMeeting.get(meetingId)!);
  }
  for (const meetingId of pythonIntSetOrder(standard)) {
    const meeting = await ctx.db.get(`meeting/${meetingId}`, ["default_group_id"]);
    await addToGroup(ctx, meetingId, userId, meetingUsers.get(meetingId)!, meeting.default_group_id as number);
  }
  const result: Instance = { id: userId };
  results.set(result, {
    succeeded: pythonIntSetOrder(succeeded),
    standard_group: pythonIntSetOrder(standard),
    nothing: pythonIntSetOrder(nothing),
  });
  return result;
}

export default defineAction({
  name: "user.assign_meetings",
  collection: "user",
  kind: "update",
  schema: updateSchema("user", {
    additionalRequired: {
      meeting_ids: { description: "An array of meetings, in the user should be added to a group.", ...idListSchema },
      group_name: { type: "string" },
    },
  }),
  permission: { organizationManagementLevel: "can_manage_users" },
  archivedCheckUsesMeetingIds: true,
  checkPermissions,
  updateInstance: assign,
  result: (_ctx, instance) => results.get(instance) ?? null,
});
