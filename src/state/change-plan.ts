// Turns change sets (entries of os_notify_log_t, in commit order) into what has to be done to
// the state: which models to drop, which to read completely and which fields of which models
// to re-read. Several change sets are folded into one plan; per model the last operation wins.
import type { ChangeSet } from "../db/types.js";
import { fieldTable } from "./fields.js";

export interface CollectionPlan {
  /** Models to remove without reading. */
  deletes: Set<number>;
  /** Models to read with all view fields (inserted, or not known yet). */
  full: Set<number>;
  /** Models of which only these view fields are re-read. */
  partial: Map<number, Set<string>>;
}

export type ChangePlan = Map<string, CollectionPlan>;

/** `exists(collection, id)`: whether the state holds the model now (an update of an unknown model is read completely). */
export function planChanges(changes: readonly ChangeSet[], exists: (collection: string, id: number) => boolean): ChangePlan {
  const plan: ChangePlan = new Map();
  for (const change of changes) {
    for (const entry of change.entries) {
      const target = parseFqid(entry.fqid);
      const table = target && fieldTable(target.collection);
      if (!target || !table) continue;
      const { id } = target;
      const collectionPlan = planFor(plan, target.collection);
      if (entry.operation === "delete") {
        collectionPlan.full.delete(id);
        collectionPlan.partial.delete(id);
        collectionPlan.deletes.add(id);
        continue;
      }
      const wasDeleted = collectionPlan.deletes.delete(id);
      if (entry.fields === null || wasDeleted || collectionPlan.full.has(id) || !exists(target.collection, id)) {
        collectionPlan.partial.delete(id);
        collectionPlan.full.add(id);
        continue;
      }
      // Field lists hold column names; generic helper columns (content_object_id_motion_id) are no fields.
      const viewFields = entry.fields.filter((field) => table.slots.has(field) && !table.calculatedFields.has(field));
      if (viewFields.length === 0) continue;
      let fields = collectionPlan.partial.get(id);
      if (!fields) collectionPlan.partial.set(id, (fields = new Set()));
      for (const field of viewFields) fields.add(field);
    }
  }
  return plan;
}

function planFor(plan: ChangePlan, collection: string): CollectionPlan {
  let collectionPlan = plan.get(collection);
  if (!collectionPlan) {
    collectionPlan = { deletes: new Set(), full: new Set(), partial: new Map() };
    plan.set(collection, collectionPlan);
  }
  return collectionPlan;
}

export function parseFqid(fqid: string): { collection: string; id: number } | undefined {
  const slash = fqid.indexOf("/");
  if (slash <= 0) return undefined;
  const id = Number(fqid.slice(slash + 1));
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return { collection: fqid.slice(0, slash), id };
}
