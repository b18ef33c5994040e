// Expands key requests into the set of requested keys (spec autoupdate-and-streaming.md 3.2):
// breadth-first, one read of the source per nesting level for all relation values of that
// level (in chunks when the work runs in time slices, long relation lists item by item). The source decides what the user sees: the autoupdate restricter hands in restricted
// values, so relations are only followed through visible fields to visible ids.
import { collectionFieldExists } from "./collection-fields.js";
import { KeyRequestError } from "./errors.js";
import type { FieldDescriptor, FieldMap, KeyRequest } from "./request.js";
import { runWhole, WHOLE, type SliceClock, type Sliced } from "../work-slices.js";

export interface FieldKey {
  collection: string;
  id: number;
  field: string;
}

/**
 * A source's answer for a value that may differ for some users (a permission profile's shared
 * expansion): the value holds for everyone else and is followed; `users` get the key in
 * `deferred` to expand on their own. A set containing `everyoneMarker` (see the source) means
 * the value is unknown: it is not followed.
 */
export class PersonalValue {
  constructor(
    readonly value: unknown,
    readonly users: ReadonlySet<number>,
  ) {}
}

export interface DeferredRequest {
  request: KeyRequest;
  users: ReadonlySet<number>;
}

export interface KeyValueSource {
  /**
   * The values of the keys, in order, as the requesting user may see them: undefined (or null)
   * when absent or invisible, relation lists filtered to visible targets, or a PersonalValue.
   * Called once per level.
   */
  values(keys: readonly FieldKey[]): readonly unknown[];
  /** values as sliced work, for sources whose single values can take long (lists of many targets). */
  valuesInSlices?(keys: readonly FieldKey[], clock: SliceClock): Sliced<readonly unknown[]>;
}

export interface Expansion {
  /** Every requested key `collection/id/field`, whether or not it has a value. */
  keys: Set<string>;
  /**
   * The keys whose values were followed (every key with a relation descriptor). When one of
   * them changes, the expansion has to be recomputed; the values of the other keys do not
   * change the key set.
   */
  dependencies: Set<string>;
  /** The followed keys whose value may differ for some users, as requests that expand them for those users. */
  deferred: DeferredRequest[];
}

interface Pending {
  key: FieldKey;
  name: string;
  descriptor: Exclude<FieldDescriptor, null>;
}

/** Keys handed to the source at once in sliced work (whole work reads each level at once). */
const SOURCE_CHUNK = 256;

export function expandKeys(requests: readonly KeyRequest[], source: KeyValueSource): Expansion {
  return runWhole(expandKeysInSlices(requests, source, WHOLE));
}

/** expandKeys as sliced work: yields when the clock says the slice is used up. */
export function* expandKeysInSlices(requests: readonly KeyRequest[], source: KeyValueSource, clock: SliceClock): Sliced<Expansion> {
  const keys = new Set<string>();
  const dependencies = new Set<string>();
  const deferred: DeferredRequest[] = [];
  const followed = new Map<string, Set<FieldDescriptor>>();
  let level: Pending[] = [];

  const request = (collection: string, id: number, fields: FieldMap) => {
    for (const [field, descriptor] of fields) {
      // Generic targets may lack a field another target has (motion/title vs. topic/text): skipped.
      if (!collectionFieldExists(collection, field)) continue;
      const name = `${collection}/${id}/${field}`;
      keys.add(name);
      if (descriptor === null) continue;
      let descriptors = followed.get(name);
      if (!descriptors) followed.set(name, (descriptors = new Set()));
      if (descriptors.has(descriptor)) continue;
      descriptors.add(descriptor);
      level.push({ key: { collection, id, field }, name, descriptor });
    }
  };

  for (const { ids, collection, fields } of requests) {
    for (const id of ids) {
      request(collection, id, fields);
      if (clock.due()) yield;
    }
  }
  while (level.length > 0) {
    const current = level;
    level = [];
    const chunkSize = clock === WHOLE ? current.length : SOURCE_CHUNK;
    for (let start = 0; start < current.length; start += chunkSize) {
      const chunk = chunkSize === current.length ? current : current.slice(start, start + chunkSize);
      const keys = chunk.map((pending) => pending.key);
      const values = clock !== WHOLE && source.valuesInSlices ? yield* source.valuesInSlices(keys, clock) : source.values(keys);
      for (let index = 0; index < chunk.length; index++) {
        const pending = chunk[index]!;
        dependencies.add(pending.name);
        let value = values[index];
        if (value instanceof PersonalValue) {
          const { collection, id, field } = pending.key;
          deferred.push({ request: { collection, ids: [id], fields: new Map([[field, pending.descriptor]]) }, users: value.users });
          value = value.value;
        }
        if (value !== undefined && value !== null) yield* follow(pending, value, request, clock);
        if (clock.due()) yield;
      }
    }
  }
  return { keys, dependencies, deferred };
}

type Requester = (collection: string, id: number, fields: FieldMap) => void;

/** Requests the targets of a followed value; a list's items one by one with the clock. */
function* follow({ name, descriptor }: Pending, value: unknown, request: Requester, clock: SliceClock): Sliced<void> {
  switch (descriptor.type) {
    case "relation": {
      const id = expectId(name, value, "int");
      if (id > 0) request(descriptor.collection, id, descriptor.fields);
      return;
    }
    case "relation-list":
      for (const item of expectList(name, value, "[]int")) {
        const id = expectId(name, item, "int");
        if (id > 0) request(descriptor.collection, id, descriptor.fields);
        if (clock.due()) yield;
      }
      return;
    case "generic-relation": {
      const target = expectFqid(name, value);
      if (target) request(target.collection, target.id, descriptor.fields);
      return;
    }
    case "generic-relation-list":
      for (const item of expectList(name, value, "[]string")) {
        const target = expectFqid(name, item);
        if (target) request(target.collection, target.id, descriptor.fields);
        if (clock.due()) yield;
      }
      return;
  }
}

/** A runtime mismatch between descriptor and value: the client put a relation type on the wrong field. */
function valueError(key: string, value: unknown, expected: string): KeyRequestError {
  return new KeyRequestError("ValueError", `invalid value in key ${key}. Got ${jsonTypeName(value)}, expected ${expected}`);
}

function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "boolean") return "bool";
  return typeof value;
}

function expectId(key: string, value: unknown, expected: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw valueError(key, value, expected);
  return value;
}

function expectList(key: string, value: unknown, expected: string): readonly unknown[] {
  if (!Array.isArray(value)) throw valueError(key, value, expected);
  return value;
}

/** "collection/id" of a generic relation; undefined when it cannot name an object (nothing to follow). */
function expectFqid(key: string, value: unknown): { collection: string; id: number } | undefined {
  if (typeof value !== "string") throw valueError(key, value, "string");
  const match = /^([a-z_]+)\/([1-9][0-9]*)$/.exec(value);
  if (!match) throw valueError(key, value, "fqid");
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { collection: match[1]!, id } : undefined;
}
