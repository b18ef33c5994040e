// motion_category.sort: all categories of a meeting as a nested tree; each gets parent_id,
// child_ids, its weight among its siblings and its level (0 for roots). One data item.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { sortTree, type SortNode } from "../../shared/tree-sort.js";
import { treeSortSchema } from "../../validation/schemas.js";

async function sortCategories(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  return sortTree(ctx, "motion_category", Number(item!.meeting_id), item!.tree as SortNode[], {
    weight: "weight",
    parentId: "parent_id",
    childIds: "child_ids",
    setLevel: true,
  });
}

export default defineAction({
  name: "motion_category.sort",
  collection: "motion_category",
  kind: "update",
  schema: treeSortSchema("motion_category"),
  singular: true,
  permission: "motion.can_manage",
  instances: sortCategories,
});
