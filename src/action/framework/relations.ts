// Relation maintenance on both sides (spec action-service 3.5, models-and-database 3.6): for
// every relation field of an instance, the targets that gain or lose this model get their
// reverse field updated, in the overlay and as update events. A *:1 reverse field that pointed
// elsewhere is "stolen": the previous partner's forward field loses the target.
import type { Model, UpdateEvent } from "../../db/types.js";
import { STORAGE } from "../../meta/generated/storage.js";
import { ActionError } from "../errors.js";
import { collectionOf, fqidOf, fqidsToRelationValue, relationValueToFqids } from "./fqid.js";
import { collectionMeta, fieldMeta, type FieldMeta } from "./model-meta.js";
import type { RequestContext } from "./request.js";
import type { Instance } from "./types.js";

export async function relationUpdates(request: RequestContext, collection: string, instance: Instance): Promise<UpdateEvent[]> {
  const id = Number(instance.id);
  const events: UpdateEvent[] = [];
  for (const field of collectionMeta(collection).relationFields) {
    if (!(field.name in instance) || field.computed) continue;
    events.push(...(await updatesForField(request, field, id, instance[field.name])));
  }
  return events;
}

async function updatesForField(request: RequestContext, field: FieldMeta, id: number, value: unknown): Promise<UpdateEvent[]> {
  const ownFqid = fqidOf(field.collection, id);
  const wanted = relationValueToFqids(field, value);
  for (const target of wanted) assertTargetAllowed(field, collectionOf(target));

  const stored = request.overlay.isCreated(ownFqid)
    ? {}
    : await request.db.get(ownFqid, [field.name], { useChanges: false, optional: true });
  const current = new Set(relationValueToFqids(field, stored[field.name]));
  const added = wanted.filter((fqid) => !current.has(fqid));
  const removed = [...current].filter((fqid) => !wanted.includes(fqid) && !request.overlay.isToBeDeleted(fqid));

  const events: UpdateEvent[] = [];
  if (isSymmetric(field)) {
    // One stored pair serves both sides: the own write stores it, the partners only learn of it.
    for (const target of [...new Set(added)]) changeUnreadList(request, target, field, { add: [id] });
    for (const target of removed) changeUnreadList(request, target, field, { remove: [id] });
    return events;
  }
  for (const target of [...new Set(added)]) {
    const reverse = reverseField(field, collectionOf(target));
    if (canChangeUnread(request, target, reverse)) {
      events.push(changeList(request, target, reverse, { add: fqidsToRelationValue(reverse, [ownFqid]) as unknown[] }));
      continue;
    }
    const partners = await reverseValue(request, target, reverse);
    if (partners.includes(ownFqid)) continue;
    if (!reverse.relation!.list && partners.length > 0) {
      events.push(...(await releasePreviousPartner(request, reverse, partners[0]!, target)));
      events.push(setField(request, target, reverse, [ownFqid]));
    } else {
      events.push(setField(request, target, reverse, [...partners, ownFqid]));
    }
  }
  for (const target of removed) {
    const reverse = reverseField(field, collectionOf(target));
    if (canChangeUnread(request, target, reverse)) {
      events.push(changeList(request, target, reverse, { remove: fqidsToRelationValue(reverse, [ownFqid]) as unknown[] }));
      continue;
    }
    const partners = await reverseValue(request, target, reverse);
    if (!partners.includes(ownFqid)) continue;
    events.push(setField(request, target, reverse, partners.filter((fqid) => fqid !== ownFqid)));
  }
  return events;
}

/** The target's single reverse field pointed to `partner`; that partner no longer points to the target. */
async function releasePreviousPartner(request: RequestContext, reverse: FieldMeta, partner: string, target: string): Promise<UpdateEvent[]> {
  if (request.overlay.isToBeDeleted(partner)) return [];
  const field = reverseField(reverse, collectionOf(partner));
  const partnerModel = await request.db.get(partner, [field.name], { optional: true });
  const remaining = relationValueToFqids(field, partnerModel[field.name]).filter((fqid) => fqid !== target);
  return [setField(request, partner, field, remaining)];
}

async function reverseValue(request: RequestContext, target: string, reverse: FieldMeta): Promise<string[]> {
  const model = await request.db.get(target, [reverse.name], { optional: true });
  return relationValueToFqids(reverse, model[reverse.name]);
}

/**
 * A list the database computes from the other side (a reverse field of the views) needs no stored
 * value to gain or lose a model: the change goes into the overlay unread (resolved if something
 * reads the field later) and into a list_fields event, which the writer takes as an existence
 * check. Saves a read per relation on every create. Models this request already holds take the
 * ordinary path.
 */
function canChangeUnread(request: RequestContext, target: string, reverse: FieldMeta): boolean {
  if (!reverse.relation!.list || STORAGE[reverse.collection]?.fields[reverse.name]?.kind !== "reverse") return false;
  const entry = request.overlay.entry(target);
  return entry === undefined || (entry !== "deleted" && !request.overlay.isCreated(target) && !(reverse.name in entry));
}

/** A self relation stored as unordered pairs (motion/identical_motion_ids). */
function isSymmetric(field: FieldMeta): boolean {
  const storage = STORAGE[field.collection]?.fields[field.name];
  return storage?.kind === "nm" && storage.symmetric === true;
}

/** The partner of a symmetric pair: its list changes in the overlay (unread when possible), without an event. */
function changeUnreadList(request: RequestContext, target: string, field: FieldMeta, change: { add?: unknown[]; remove?: unknown[] }): void {
  const entry = request.overlay.entry(target);
  if (entry === "deleted") return;
  if (entry && field.name in entry) {
    const values = ((entry[field.name] as unknown[] | null | undefined) ?? []).filter((value) => !(change.remove ?? []).some((other) => String(other) === String(value)));
    for (const value of change.add ?? []) if (!values.some((other) => String(other) === String(value))) values.push(value);
    request.overlay.apply(target, { [field.name]: values });
  } else {
    request.overlay.changeList(target, field.name, change);
  }
}

function changeList(request: RequestContext, fqid: string, field: FieldMeta, change: { add?: unknown[]; remove?: unknown[] }): UpdateEvent {
  request.overlay.changeList(fqid, field.name, change);
  const list = change.add ? { add: { [field.name]: change.add } } : { remove: { [field.name]: change.remove! } };
  return { type: "update", fqid, list_fields: list };
}

function setField(request: RequestContext, fqid: string, field: FieldMeta, fqids: string[]): UpdateEvent {
  const fields: Model = { [field.name]: fqidsToRelationValue(field, fqids) };
  request.overlay.apply(fqid, fields);
  return { type: "update", fqid, fields };
}

function reverseField(field: FieldMeta, target: string): FieldMeta {
  const name = field.relation!.targets[target]!;
  const reverse = fieldMeta(target, name);
  if (!reverse?.relation) throw new Error(`${field.collection}/${field.name}: reverse field ${target}/${name} is not a relation`);
  return reverse;
}

function assertTargetAllowed(field: FieldMeta, target: string): void {
  if (!(target in field.relation!.targets)) {
    throw new ActionError(`The collection '${target}' is not available for field '${field.name}' in collection '${field.collection}'.`);
  }
}
