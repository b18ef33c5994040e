// committee.create: organization managers create committees; a committee manager may create a
// sub-committee under a committee they manage. all_parent_ids follows the parent.
import { isCommitteeManager, MissingPermissionError } from "../../../permissions/index.js";
import { defineAction } from "../../framework/define.js";
import { hasOrganizationManagementLevel, missingOrganizationManagementLevel } from "../../framework/permissions.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkForwardingFields, checkOwnForwarding } from "../../shared/committee-rules.js";

async function checkCreatePermission(ctx: ActionContext, item: Instance): Promise<void> {
  const parentId = item.parent_id as number | null | undefined;
  if (parentId) {
    if (!(await isCommitteeManager(ctx.db, ctx.userId, parentId))) {
      throw MissingPermissionError.anyOf([
        ["can_manage_organization", 1],
        ["can_manage", parentId],
      ]);
    }
    await checkForwardingFields(ctx, item);
    return;
  }
  if (!(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_organization"))) {
    throw missingOrganizationManagementLevel("can_manage_organization");
  }
}

async function inheritParents(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (instance.parent_id) {
    const parent = await ctx.db.get(`committee/${Number(instance.parent_id)}`, ["all_parent_ids"]);
    instance.all_parent_ids = [...((parent.all_parent_ids as number[] | undefined) ?? []), instance.parent_id];
  }
  return instance;
}

export default defineAction({
  name: "committee.create",
  collection: "committee",
  kind: "create",
  schema: createSchema("committee", {
    required: ["organization_id", "name"],
    optional: [
      "description",
      "organization_tag_ids",
      "forward_to_committee_ids",
      "receive_forwardings_from_committee_ids",
      "manager_ids",
      "external_id",
      "parent_id",
    ],
  }),
  skipArchivedMeetingCheck: true,
  checkPermissions: checkCreatePermission,
  updateInstance: [inheritParents, checkOwnForwarding],
});
