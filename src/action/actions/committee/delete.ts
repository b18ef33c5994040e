// committee.delete: for managers of the committee; refused while it has sub-committees or
// meetings, with upstream's texts.
import { isCommitteeManager, MissingPermissionError } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function checkDeletePermission(ctx: ActionContext, item: Instance): Promise<void> {
  const id = Number(item.id);
  if (await isCommitteeManager(ctx.db, ctx.userId, id)) return;
  throw MissingPermissionError.anyOf([
    ["can_manage_organization", 1],
    ["can_manage", id],
  ]);
}

async function refuseWithChildrenOrMeetings(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const committee = await ctx.db.get(`committee/${Number(instance.id)}`, ["child_ids", "meeting_ids"]);
  if (((committee.child_ids as number[] | undefined) ?? []).length > 0) {
    throw new ActionError(`Can't delete committee ${Number(instance.id)} since it has subcommittees`);
  }
  const meetingIds = ((committee.meeting_ids as number[] | undefined) ?? []).filter((id) => !ctx.isToBeDeleted(`meeting/${id}`));
  if (meetingIds.length > 0) {
    let listed = meetingIds.slice(0, 3).join(", ");
    if (meetingIds.length > 3) listed += ", ..";
    const what = meetingIds.length === 1 ? `a meeting ${listed}` : `meetings ${listed}`;
    throw new ActionError(`This committee has still ${what}. Please remove all meetings before deletion.`);
  }
  return instance;
}

export default defineAction({
  name: "committee.delete",
  collection: "committee",
  kind: "delete",
  schema: deleteSchema("committee"),
  skipArchivedMeetingCheck: true,
  checkPermissions: checkDeletePermission,
  updateInstance: refuseWithChildrenOrMeetings,
});
