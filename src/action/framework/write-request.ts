// Turns the events of one top-level action into the events written to the database
// (creates, merged updates, deletes) and checks them like upstream's validate_write_request.
import type { CreateEvent, Model, UpdateEvent, WriteEvent } from "../../db/types.js";
import { ActionError, pythonList } from "../errors.js";
import { collectionOf } from "./fqid.js";
import { collectionMeta, fieldMeta, type FieldMeta } from "./model-meta.js";
import { fieldValueError } from "./validation.js";

/**
 * All creates (meetings first), then the updates merged per fqid, then all deletes. Plain field updates of a model
 * created in the same request become part of its create event: upstream's sub-actions change the
 * very instance that is created afterwards, so e.g. a new workflow is inserted with the
 * first_state_id its first state's creation set (a NOT NULL column).
 */
export function orderEvents(events: WriteEvent[]): WriteEvent[] {
  const creates = events.filter((event): event is CreateEvent => event.type === "create").map((event) => ({ ...event, fields: { ...event.fields } }));
  const createdByFqid = new Map(creates.map((event) => [event.fqid, event]));
  const updates: UpdateEvent[] = [];
  for (const event of events) {
    if (event.type !== "update") continue;
    const created = createdByFqid.get(event.fqid);
    if (created && !event.list_fields) Object.assign(created.fields, event.fields ?? {});
    else updates.push(event);
  }
  const deletes = events.filter((event) => event.type === "delete");
  return [...meetingsFirst(creates), ...mergeUpdates(updates), ...deletes];
}

/**
 * New meetings are inserted before the models created with them. The change log of the
 * SQL-computed committee/user_ids and user/committee_ids looks up a new meeting user's meeting
 * row (for its committee) while the meeting user is inserted; inserted before its meeting (as
 * meeting.create's sub-actions come first), the change went unlogged and every process kept the
 * committee's old user list: a new meeting's admin did not see its committee, nor its
 * meeting/committee_id. The foreign keys are checked at commit, so the order is free otherwise.
 */
function meetingsFirst(creates: CreateEvent[]): CreateEvent[] {
  const isMeeting = (event: CreateEvent) => collectionOf(event.fqid) === "meeting";
  return [...creates.filter(isMeeting), ...creates.filter((event) => !isMeeting(event))];
}

/**
 * Plain field updates of one fqid collapse into one event (later values win) standing where the
 * last of them stood; list_fields updates keep their place.
 */
function mergeUpdates(updates: UpdateEvent[]): UpdateEvent[] {
  const byFqid = new Map<string, UpdateEvent[]>();
  for (const event of updates) {
    const list = byFqid.get(event.fqid);
    if (list) list.push(event);
    else byFqid.set(event.fqid, [event]);
  }
  const result: UpdateEvent[] = [];
  for (const [fqid, events] of byFqid) {
    const plain = events.filter((event) => !event.list_fields);
    const lastPlain = plain[plain.length - 1];
    const merged: Model = Object.assign({}, ...plain.map((event) => event.fields ?? {}));
    for (const event of events) {
      if (event.list_fields) result.push(event);
      else if (event === lastPlain) result.push({ type: "update", fqid, fields: merged });
    }
  }
  return result;
}

/** Null-only emptiness for these types; every other required field must also not be falsy. */
const NULL_ONLY_TYPES = new Set(["number", "timestamp", "boolean", "HTMLStrict", "HTMLPermissive", "float", "decimal", "decimal(6)"]);

function requiredNotFulfilled(field: FieldMeta, fields: Model, isCreate: boolean): boolean {
  if (field.type === "number" && field.sequenceScope) return false;
  if (!(field.name in fields)) return isCreate;
  const value = fields[field.name];
  if (NULL_ONLY_TYPES.has(field.type)) return value === null || value === undefined;
  return !value || (Array.isArray(value) && value.length === 0);
}

/** Required fields, unknown fields and field schemas over the merged fields per fqid. */
export function validateEvents(events: WriteEvent[]): void {
  const merged = new Map<string, { type: WriteEvent["type"]; fields: Model }>();
  for (const event of events) {
    const entry = merged.get(event.fqid);
    const fields = event.type === "delete" ? {} : (event.fields ?? {});
    if (!entry) merged.set(event.fqid, { type: event.type, fields: { ...fields } });
    else if (event.type === "delete") entry.type = "delete";
    else Object.assign(entry.fields, fields);
  }
  for (const [fqid, { type, fields }] of merged) {
    const collection = collectionOf(fqid);
    if (type !== "delete") {
      const isCreate = type === "create";
      const missing = collectionMeta(collection)
        .requiredFields.filter((field) => requiredNotFulfilled(field, fields, isCreate))
        .map((field) => field.name);
      if (missing.length > 0) {
        throw new ActionError(
          `${isCreate ? "Creation" : "Update"} of ${fqid}: You try to set following required fields to an empty value: ${pythonList(missing)}`,
        );
      }
    }
    for (const [name, value] of Object.entries(fields)) {
      const field = fieldMeta(collection, name);
      if (!field) throw new ActionError(`${name} is not a valid field for model ${collection}.`);
      const error = fieldValueError(field, value);
      if (error) throw new ActionError(`Invalid data for ${fqid}/${name}: ${error}`);
    }
  }
}
