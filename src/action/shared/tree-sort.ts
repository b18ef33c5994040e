// Upstream's TreeSortMixin: a nested tree of ids covering every model of a meeting becomes parent,
// children and weight per model (weights 1..n among siblings, in the given order), optionally a level.
import { ActionError } from "../errors.js";
import type { ActionContext, Instance } from "../framework/types.js";

export interface SortNode {
  id: number;
  children?: SortNode[];
}

export interface TreeSortKeys {
  weight: string;
  parentId: string;
  childIds: string;
  /** Also set `level` (0 for roots). */
  setLevel?: boolean;
}

export async function sortTree(ctx: ActionContext, collection: string, meetingId: number, nodes: SortNode[], keys: TreeSortKeys): Promise<Instance[]> {
  const existing = await ctx.db.filter(collection, { field: "meeting_id", operator: "=", value: meetingId }, ["id"]);
  const allIds = new Set(existing.keys());

  const updates = new Map<number, Instance>();
  // Depth first in the given order; the stack holds [node, parent id, weight among siblings].
  const stack: Array<[SortNode, number | null, number]> = nodes.map((node, index) => [node, null, index + 1] as [SortNode, number | null, number]).reverse();
  while (stack.length > 0) {
    const [node, parentId, weight] = stack.pop()!;
    const id = node.id;
    if (updates.has(id)) throw new ActionError(`Duplicate id in sort tree: ${id}`);
    if (!allIds.has(id)) throw new ActionError(`Id in sort tree does not exist: ${id}`);
    updates.set(id, { id, [keys.childIds]: [], [keys.parentId]: parentId, [keys.weight]: weight });
    if (parentId !== null) (updates.get(parentId)![keys.childIds] as number[]).push(id);
    const children = node.children ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, id, index + 1]);
  }

  if (allIds.size !== updates.size) throw new ActionError(`Did not recieve ${allIds.size} ids, got ${updates.size}.`);
  if (keys.setLevel) {
    const levelOf = (id: number): number => {
      const update = updates.get(id)!;
      if (typeof update.level !== "number") {
        const parentId = update[keys.parentId] as number | null;
        update.level = parentId === null ? 0 : levelOf(parentId) + 1;
      }
      return update.level as number;
    };
    for (const id of updates.keys()) levelOf(id);
  }
  return [...updates.values()];
}
