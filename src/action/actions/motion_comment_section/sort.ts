// motion_comment_section.sort: all sections of a meeting, exactly all of them, in their new order
// get weights 1..n. One data item.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { sortLinear } from "../../shared/linear-sort.js";
import { linearSortSchema } from "../../validation/schemas.js";

async function sortSections(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  return sortLinear(ctx, "motion_comment_section", item!.motion_comment_section_ids as number[], {
    field: "meeting_id",
    operator: "=",
    value: item!.meeting_id,
  });
}

export default defineAction({
  name: "motion_comment_section.sort",
  collection: "motion_comment_section",
  kind: "update",
  schema: linearSortSchema("motion_comment_section", "motion_comment_section_ids"),
  singular: true,
  permission: "motion.can_manage",
  instances: sortSections,
});
