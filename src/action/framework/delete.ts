// Generic delete (spec action-service 3.6): PROTECT refuses, CASCADE runs the target's delete
// action as a sub-action, SET_NULL clears this model's view-side relation fields so relation
// maintenance removes it from its partners.
import { ActionError, ProtectedModelsError } from "../errors.js";
import { collectionOf, fqidOf, idOf, relationValueToFqids } from "./fqid.js";
import { collectionMeta } from "./model-meta.js";
import { findAction } from "./registry.js";
import type { ActionContext, ActionDefinition, Instance } from "./types.js";

type UpdateHook = (ctx: ActionContext, instance: Instance) => Promise<Instance>;

const plainDeletes = new Map<string, ActionDefinition>();

/**
 * Collections whose own delete action is not written yet are still removed by a cascade (a
 * meeting's polls, tags, categories, ...) with the generic mechanics: their relations are kept
 * consistent and their own cascades run.
 */
function plainDeleteOf(collection: string): ActionDefinition {
  let action = plainDeletes.get(collection);
  if (!action) {
    action = { name: `${collection}.delete`, collection, kind: "delete", visibility: "unregistered", schema: { type: "object" } };
    plainDeletes.set(collection, action);
  }
  return action;
}

export async function deleteInstance(ctx: ActionContext, instance: Instance, updateInstance: UpdateHook): Promise<Instance> {
  const { overlay } = ctx.request;
  const collection = ctx.action.collection;
  const ownFqid = fqidOf(collection, Number(instance.id));
  if (overlay.isToBeDeleted(ownFqid)) return instance;
  overlay.markToBeDeleted(ownFqid);

  const relationFields = collectionMeta(collection).relationFields;
  // Read before the hook so that a hook's own overlay changes do not alter what gets cascaded.
  const stored = await ctx.db.get(
    ownFqid,
    relationFields.map((field) => field.name),
  );
  instance = await updateInstance(ctx, instance);

  const cascades: Array<{ fqid: string; action: ActionDefinition }> = [];
  for (const field of [...relationFields].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const value = stored[field.name];
    if (value === undefined || value === null) continue;
    const targets = relationValueToFqids(field, value);
    if (field.onDelete === "PROTECT") {
      const protectedFqids = targets.filter((fqid) => !overlay.isToBeDeletedForProtected(fqid));
      if (protectedFqids.length > 0) throw new ProtectedModelsError(ownFqid, protectedFqids);
    } else if (field.onDelete === "CASCADE") {
      for (const fqid of targets) {
        if (overlay.isToBeDeleted(fqid)) continue;
        const target = collectionOf(fqid);
        const action = findAction(`${target}.delete`) ?? plainDeleteOf(target);
        cascades.push({ fqid, action });
        overlay.markToBeDeletedForProtected(fqid);
      }
    } else if (field.isViewField) {
      instance[field.name] = null;
    } else {
      for (const fqid of targets) ctx.request.historyPartners.add(fqid);
    }
  }

  const protectedFqids: string[] = [];
  for (const { fqid, action } of cascades) {
    if (overlay.isDeleted(fqid)) continue;
    try {
      await ctx.execute(action, [{ id: idOf(fqid) }]);
    } catch (error) {
      if (!(error instanceof ProtectedModelsError)) throw error;
      protectedFqids.push(...error.fqids);
    }
  }
  if (protectedFqids.length > 0) throw new ProtectedModelsError(ownFqid, protectedFqids);

  overlay.markDeleted(ownFqid);
  return instance;
}
