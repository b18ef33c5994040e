// meeting.archive: moves the meeting from the organization's active to its archived meetings;
// refused while a speaker speaks or a poll is started. For committee managers and organization managers.
import { hasOrganizationManagementLevel, isCommitteeManager } from "../../../permissions/index.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function checkArchivePermission(ctx: ActionContext, item: Instance): Promise<void> {
  const meeting = await ctx.db.get(`meeting/${Number(item.id)}`, ["committee_id"]);
  if (
    !(await isCommitteeManager(ctx.db, ctx.userId, Number(meeting.committee_id))) &&
    !(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_organization"))
  ) {
    throw new PermissionDeniedError("Missing permissions: Not Committee can_manage and not can_manage_organization");
  }
}

async function archive(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = Number(instance.id);
  const running: string[] = [];
  const activeSpeakers = await ctx.db.exists("speaker", {
    and_filter: [
      { field: "meeting_id", operator: "=", value: meetingId },
      { field: "begin_time", operator: "!=", value: null },
      { field: "end_time", operator: "=", value: null },
    ],
  });
  const activePolls = await ctx.db.exists("poll", {
    and_filter: [
      { field: "meeting_id", operator: "=", value: meetingId },
      { field: "state", operator: "=", value: "started" },
    ],
  });
  if (activeSpeakers) running.push("speakers");
  if (activePolls) running.push("polls");
  if (running.length > 0) throw new ActionError(`Cannot archive meeting with active ${running.join(" and ")}.`);
  return { ...instance, is_active_in_organization_id: null, is_archived_in_organization_id: 1 };
}

export default defineAction({
  name: "meeting.archive",
  collection: "meeting",
  kind: "update",
  schema: updateSchema("meeting", {}),
  meetingOf: (_ctx, item) => Promise.resolve(Number(item.id)),
  checkPermissions: checkArchivePermission,
  updateInstance: archive,
});
