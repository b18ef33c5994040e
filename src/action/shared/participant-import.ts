// What participant.json_upload and participant.import share (upstream ParticipantCommon): the
// permission rule (user.can_manage in the meeting, or committee / organization rights unless the
// meeting is locked from inside), the lock-out check per row and the last-admin check.
import { ActionError } from "../errors.js";
import type { ActionContext } from "../framework/types.js";
import { PERMISSIONS, permissionImplies } from "../../meta/permissions.js";
import { MissingPermissionError } from "../../permissions/index.js";
import { ImportState, type ImportRow } from "./import-preview.js";
import { checkLockingStatus } from "./meeting-user-rules.js";
import { omlRank } from "./user-field-permissions.js";

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

/** Meetings where the request user holds user.can_manage (or a permission implying it) or is admin. */
async function userManageMeetings(ctx: ActionContext): Promise<Set<number>> {
  const user = await ctx.db.get(`user/${ctx.userId}`, ["meeting_user_ids"]);
  const wanted = PERMISSIONS.filter((permission) => permissionImplies(permission, "user.can_manage" as never));
  const meetingUsers = await ctx.db.getMany("meeting_user", ids(user.meeting_user_ids), ["group_ids", "locked_out"]);
  const groupIds = [...new Set([...meetingUsers.values()].flatMap((mu) => (mu.locked_out ? [] : ids(mu.group_ids))))];
  const groups = await ctx.db.getMany("group", groupIds, ["meeting_id", "permissions", "admin_group_for_meeting_id"]);
  const meetings = new Set<number>();
  for (const group of groups.values()) {
    const permissions = (group.permissions as string[] | undefined) ?? [];
    if (group.admin_group_for_meeting_id || permissions.some((permission) => (wanted as readonly string[]).includes(permission))) meetings.add(group.meeting_id as number);
  }
  return meetings;
}

/** Meetings of the committees (and their sub-committees) the request user manages. */
async function userCommitteeMeetings(ctx: ActionContext): Promise<Set<number>> {
  const user = await ctx.db.get(`user/${ctx.userId}`, ["committee_management_ids"]);
  const managed = ids(user.committee_management_ids);
  const committees = await ctx.db.getMany("committee", managed, ["meeting_ids", "all_child_ids"]);
  const childIds = [...committees.values()].flatMap((committee) => ids(committee.all_child_ids)).filter((id) => !committees.has(id));
  const children = await ctx.db.getMany("committee", childIds, ["meeting_ids"]);
  return new Set([...committees.values(), ...children.values()].flatMap((committee) => ids(committee.meeting_ids)));
}

/** Upstream ParticipantCommon.check_permissions. */
export async function checkParticipantImportPermissions(ctx: ActionContext, meetingId: number): Promise<void> {
  if ((await userManageMeetings(ctx)).has(meetingId)) return;
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["committee_id", "locked_from_inside"]);
  if (meeting.locked_from_inside) throw MissingPermissionError.anyOf([["user.can_manage", meetingId]]);
  const user = await ctx.db.get(`user/${ctx.userId}`, ["organization_management_level"]);
  if (omlRank(user.organization_management_level) < omlRank("can_manage_users") && !(await userCommitteeMeetings(ctx)).has(meetingId)) {
    throw MissingPermissionError.anyOf([
      ["user.can_manage", meetingId],
      ["can_manage_organization", 1],
      ["can_manage", meeting.committee_id as number],
    ]);
  }
}

/**
 * Upstream validate_locked_out_status. The framework's lock-out check raises its first
 * violation, so at most one message is reported; forbidden groups come from its text.
 */
export async function validateLockedOutStatus(
  ctx: ActionContext,
  meetingId: number,
  entry: Record<string, any>,
  messages: string[],
  groupObjects: Record<string, any>[],
  row: { state: string },
): Promise<void> {
  const instance: Record<string, unknown> = { meeting_id: meetingId };
  if ("id" in entry) instance.id = entry.id;
  if ("locked_out" in entry && entry.locked_out.info !== ImportState.REMOVE) instance.locked_out = entry.locked_out.value;
  const groupIds = groupObjects.map((group) => group.id).filter((id) => id);
  if (groupIds.length > 0) instance.group_ids = groupIds;
  let message: string | undefined;
  try {
    await checkLockingStatus(ctx, meetingId, instance, entry.id as number | undefined);
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    message = error.message;
  }
  if (message === undefined) return;
  row.state = ImportState.ERROR;
  if ("locked_out" in entry && entry.locked_out.info !== ImportState.REMOVE) entry.locked_out.info = ImportState.ERROR;
  messages.push(`Error: ${message}`);
  const forbidden = /^Group\(s\) ([\d, ]+) have user\.can_manage/.exec(message)?.[1]?.split(", ").map(Number) ?? [];
  for (const group of groupObjects) if (forbidden.includes(group.id)) group.info = ImportState.ERROR;
}

/** Upstream check_meeting_admin_integrity: an import must not remove the last admin of the meeting. */
export async function checkMeetingAdminIntegrity(ctx: ActionContext, meetingId: number, rows: ImportRow[]): Promise<boolean> {
  const updateRows = new Map<number, ImportRow>();
  for (const row of rows) if (row.data.id) updateRows.set(row.data.id as number, row);
  if (updateRows.size === 0) return true;
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["admin_group_id", "template_for_organization_id"]);
  if (meeting.template_for_organization_id) return true;
  const groupIdsOf = (row: ImportRow) => ((row.data.groups ?? []) as Record<string, any>[]).map((group) => group.id).filter((id) => id);
  const added = new Set<number>();
  for (const row of rows) for (const id of groupIdsOf(row)) added.add(id);
  const adminGroupId = meeting.admin_group_id as number;
  if (added.has(adminGroupId)) return true;
  const meetingUsers = await ctx.db.filter(
    "meeting_user",
    {
      and_filter: [
        { field: "meeting_id", operator: "=", value: meetingId },
        { or_filter: [...updateRows.keys()].map((userId) => ({ field: "user_id", operator: "=" as const, value: userId })) },
      ],
    },
    ["group_ids", "user_id"],
  );
  const group = await ctx.db.get(`group/${adminGroupId}`, ["id", "meeting_user_ids"]);
  const admins = ids(group.meeting_user_ids);
  if (admins.length > 0 && admins.every((id) => meetingUsers.has(id))) {
    const broken = new Set([...meetingUsers.values()].filter((mu) => ids(mu.group_ids).includes(adminGroupId)).map((mu) => mu.user_id as number));
    for (const userId of broken) {
      const row = updateRows.get(userId)!;
      row.state = ImportState.ERROR;
      row.messages.push("Error: Cannot remove last member of admin group");
      row.data.groups.push({ info: ImportState.ERROR, value: "" });
    }
    return false;
  }
  return true;
}
