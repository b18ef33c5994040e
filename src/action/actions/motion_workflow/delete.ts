// motion_workflow.delete: refused while the workflow is the meeting's default workflow for motions
// or amendments (unless the meeting is deleted too); its states cascade (states still used by
// motions protect the workflow).
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { deleteSchema } from "../../validation/schemas.js";

async function checkNotDefault(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const workflow = await ctx.db.get(fqidOf("motion_workflow", Number(instance.id)), ["meeting_id"]);
  const meetingFqid = fqidOf("meeting", Number(workflow.meeting_id));
  if (ctx.isToBeDeleted(meetingFqid)) return instance;
  const meeting = await ctx.db.get(meetingFqid, ["motions_default_workflow_id", "motions_default_amendment_workflow_id", "motion_workflow_ids"]);
  if (instance.id === meeting.motions_default_workflow_id) {
    throw new ActionError(
      "You cannot delete the workflow as long as it is selected as default workflow for new motions in the settings. Please set another workflow as default in the settings and try to delete the workflow again.",
    );
  }
  if (instance.id === meeting.motions_default_amendment_workflow_id) {
    throw new ActionError(
      "You cannot delete the workflow as long as it is selected as default workflow for new amendments in the settings. Please set another workflow as default in the settings and try to delete the workflow again.",
    );
  }
  return instance;
}

export default defineAction({
  name: "motion_workflow.delete",
  collection: "motion_workflow",
  kind: "delete",
  schema: deleteSchema("motion_workflow"),
  permission: "motion.can_manage",
  updateInstance: checkNotDefault,
});
