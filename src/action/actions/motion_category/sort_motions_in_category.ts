// motion_category.sort_motions_in_category: the motions of one category, exactly all of them, in
// their new order get category_weight 1..n. The permission is checked in the category's meeting. One data item.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { sortLinear } from "../../shared/linear-sort.js";
import { linearSortSchema } from "../../validation/schemas.js";

async function sortMotions(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  const meetingId = await ctx.meetingIdOf(item!);
  return sortLinear(
    ctx,
    "motion",
    item!.motion_ids as number[],
    {
      and_filter: [
        { field: "category_id", operator: "=", value: item!.id },
        { field: "meeting_id", operator: "=", value: meetingId },
      ],
    },
    "category_weight",
  );
}

export default defineAction({
  name: "motion_category.sort_motions_in_category",
  collection: "motion",
  kind: "update",
  schema: linearSortSchema("motion", "motion_ids", "id"),
  singular: true,
  permission: "motion.can_manage",
  meetingOf: { collection: "motion_category", idField: "id" },
  instances: sortMotions,
});
