// motion.sort: all motions of a meeting as a nested tree; each gets sort_parent_id,
// sort_child_ids and its sort_weight among its siblings from its place in the tree. One data item.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { sortTree, type SortNode } from "../../shared/tree-sort.js";
import { treeSortSchema } from "../../validation/schemas.js";

async function sortMotions(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  return sortTree(ctx, "motion", Number(item!.meeting_id), item!.tree as SortNode[], {
    weight: "sort_weight",
    parentId: "sort_parent_id",
    childIds: "sort_child_ids",
  });
}

export default defineAction({
  name: "motion.sort",
  collection: "motion",
  kind: "update",
  schema: treeSortSchema("motion"),
  singular: true,
  permission: "motion.can_manage",
  instances: sortMotions,
});
