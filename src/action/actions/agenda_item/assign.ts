// agenda_item.assign: moves the given items under a new parent (or to the root level); each gets
// the parent's level + 1 and weights following the parent's weight (root: 10000, 10001, ...).
// An item may not become a child of one of its descendants. One data item only.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { idListSchema, itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function ancestorsOf(ctx: ActionContext, parentId: number): Promise<number[]> {
  const ancestors = [parentId];
  let current = await ctx.db.get(fqidOf("agenda_item", parentId), ["parent_id"]);
  while (current.parent_id !== undefined && current.parent_id !== null) {
    const id = Number(current.parent_id);
    ancestors.push(id);
    current = await ctx.db.get(fqidOf("agenda_item", id), ["parent_id"]);
  }
  return ancestors;
}

async function assignItems(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  const parentId = (item!.parent_id as number | null | undefined) ?? null;
  const ids = item!.ids as number[];
  const inMeeting = await ctx.db.filter("agenda_item", { field: "meeting_id", operator: "=", value: item!.meeting_id }, ["id"]);
  const ancestors = parentId ? await ancestorsOf(ctx, parentId) : [];
  const instances: Instance[] = [];
  for (const [index, id] of ids.entries()) {
    if (ancestors.includes(id)) throw new ActionError(`Assigning item ${id} to one of its children is not possible.`);
    if (!inMeeting.has(id)) throw new ActionError(`Id ${id} not in db_instances.`);
    let weight = 10000 + index;
    let level = 0;
    if (parentId) {
      const parent = await ctx.db.get(fqidOf("agenda_item", parentId), ["weight", "level"]);
      weight = Number(parent.weight ?? 0) + 1 + index;
      level = Number(parent.level ?? 0) + 1;
    }
    instances.push({ id, parent_id: parentId, weight, level });
  }
  return instances;
}

export default defineAction({
  name: "agenda_item.assign",
  collection: "agenda_item",
  kind: "update",
  schema: itemSchema(
    "agenda_item",
    {
      required: ["parent_id", "meeting_id"],
      additionalRequired: {
        ids: { description: "An array of agenda item ids where the items should be assigned to the new parent id.", ...idListSchema },
      },
    },
    "Agenda items assign new parent schema",
    "An object containing an array of agenda item ids and the new parent id the items should be assigned to.",
  ),
  singular: true,
  permission: "agenda_item.can_manage",
  instances: assignItems,
});
