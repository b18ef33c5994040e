// meeting.delete: for managers of the meeting's committee (a meeting locked from inside only for
// superadmins and its settings managers); everything in the meeting goes with it (cascades).
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkMeetingManagement } from "../../shared/meeting-rules.js";

async function checkDeletePermission(ctx: ActionContext, item: Instance): Promise<void> {
  const meeting = await ctx.db.get(`meeting/${Number(item.id)}`, ["committee_id"]);
  await checkMeetingManagement(ctx, Number(meeting.committee_id), Number(item.id), "delete");
}

export default defineAction({
  name: "meeting.delete",
  collection: "meeting",
  kind: "delete",
  schema: deleteSchema("meeting"),
  skipArchivedMeetingCheck: true,
  checkPermissions: checkDeletePermission,
});
