// meeting.unarchive (superadmin): makes an archived meeting active again unless the organization's
// limit_of_meetings is reached.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function unarchive(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meeting = await ctx.db.get(`meeting/${Number(instance.id)}`, ["committee_id", "is_active_in_organization_id"]);
  if (meeting.is_active_in_organization_id) throw new ActionError(`Meeting ${Number(instance.id)} is not archived.`);
  const organization = await ctx.db.get("organization/1", ["active_meeting_ids", "limit_of_meetings"]);
  const limit = Number(organization.limit_of_meetings ?? 0);
  const active = Array.isArray(organization.active_meeting_ids) ? organization.active_meeting_ids.length : 0;
  if (limit && limit === active) {
    throw new ActionError(`You cannot unarchive the archived meeting, because you reached your limit of ${limit} active meetings.`);
  }
  return { ...instance, is_active_in_organization_id: 1, is_archived_in_organization_id: null };
}

export default defineAction({
  name: "meeting.unarchive",
  collection: "meeting",
  kind: "update",
  schema: updateSchema("meeting", {}),
  permission: { organizationManagementLevel: "superadmin" },
  skipArchivedMeetingCheck: true,
  updateInstance: unarchive,
});
