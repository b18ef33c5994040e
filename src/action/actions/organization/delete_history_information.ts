// organization.delete_history_information: deletes every history position (and with them every
// history entry) of the organization; writes nothing on the organization itself.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import deleteHistoryPosition from "../history_position/delete.js";

async function deleteAllPositions(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const positions = await ctx.db.filter("history_position", undefined, ["id"]);
  const ids = [...positions.keys()].sort((a, b) => a - b);
  if (ids.length > 0) await ctx.execute(deleteHistoryPosition, ids.map((id) => ({ id })));
  return instance;
}

export default defineAction({
  name: "organization.delete_history_information",
  collection: "organization",
  kind: "custom",
  schema: updateSchema("organization", {}),
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
  updateInstance: deleteAllPositions,
  createEvents: () => [],
});
