// agenda_item.sort: the whole agenda of a meeting as a nested tree; every item gets its parent,
// children, weight among its siblings and level from its place in the tree. One data item only.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { sortTree, type SortNode } from "../../shared/tree-sort.js";
import { treeSortSchema } from "../../validation/schemas.js";

async function sortAgenda(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  return sortTree(ctx, "agenda_item", Number(item!.meeting_id), item!.tree as SortNode[], {
    weight: "weight",
    parentId: "parent_id",
    childIds: "child_ids",
    setLevel: true,
  });
}

export default defineAction({
  name: "agenda_item.sort",
  collection: "agenda_item",
  kind: "update",
  schema: treeSortSchema("agenda_item"),
  singular: true,
  permission: "agenda_item.can_manage",
  instances: sortAgenda,
});
