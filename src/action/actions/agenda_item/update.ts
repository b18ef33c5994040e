// agenda_item.update: a new type recomputes is_hidden / is_internal of the item from its parent,
// and of every descendant whose values change with it.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { isHiddenItem, isInternalItem } from "../../shared/agenda-visibility.js";

const NO_PARENT = { is_hidden: false, is_internal: false };

async function descendantsToUpdate(ctx: ActionContext, id: number, parentHidden: boolean, parentInternal: boolean): Promise<Instance[]> {
  const item = await ctx.db.get(fqidOf("agenda_item", id), ["child_ids"]);
  const childIds = (item.child_ids as number[] | undefined) ?? [];
  if (childIds.length === 0) return [];
  const children = await ctx.db.getMany("agenda_item", childIds, ["type", "is_hidden", "is_internal"]);
  const updates: Instance[] = [];
  for (const [childId, child] of children) {
    const update = { id: childId, is_hidden: isHiddenItem(child.type, parentHidden), is_internal: isInternalItem(child.type, parentInternal) };
    // An unset flag counts as changed, so every descendant ends with both flags stored (as upstream).
    if (child.is_hidden === update.is_hidden && child.is_internal === update.is_internal) continue;
    updates.push(update);
    ctx.applyToOverlay(fqidOf("agenda_item", childId), update);
    updates.push(...(await descendantsToUpdate(ctx, childId, update.is_hidden, update.is_internal)));
  }
  return updates;
}

async function withVisibility(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (const instance of data) {
    instances.push(instance);
    if (instance.type === undefined || instance.type === null) continue;
    const item = await ctx.db.get(fqidOf("agenda_item", Number(instance.id)), ["parent_id"]);
    const parent = item.parent_id ? await ctx.db.get(fqidOf("agenda_item", Number(item.parent_id)), ["is_hidden", "is_internal"]) : NO_PARENT;
    const hidden = isHiddenItem(instance.type, parent.is_hidden);
    const internal = isInternalItem(instance.type, parent.is_internal);
    Object.assign(instance, { is_hidden: hidden, is_internal: internal });
    // The new type too: a later instance of the same request reads it when this item is its descendant.
    ctx.applyToOverlay(fqidOf("agenda_item", Number(instance.id)), { type: instance.type, is_hidden: hidden, is_internal: internal });
    instances.push(...(await descendantsToUpdate(ctx, Number(instance.id), hidden, internal)));
  }
  return instances;
}

export default defineAction({
  name: "agenda_item.update",
  collection: "agenda_item",
  kind: "update",
  schema: updateSchema("agenda_item", { optional: ["item_number", "comment", "closed", "type", "weight", "tag_ids", "duration"] }),
  permission: "agenda_item.can_manage",
  instances: withVisibility,
});
