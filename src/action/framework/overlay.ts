// The request-local change cache (spec action-service 3.2, models-and-database 3.3): models
// created, updated or deleted earlier in the same request, read before the database so later
// actions see the effects of earlier ones although nothing is written until the end.
import { DatabaseError, type Filter, type Model, type Reader, type ReadOptions } from "../../db/types.js";
import { collectionOf, fqidOf, idOf } from "./fqid.js";
import { filterFields, matchesFilter } from "./filter-match.js";
import { StoredReads } from "./stored-reads.js";

const DELETED = Symbol("deleted");
type Entry = Model | typeof DELETED;

export interface GetOptions extends ReadOptions {
  /** Return {} instead of raising "Model ... does not exist." */
  optional?: boolean;
  /** false: read the stored state only, ignoring this request's changes. */
  useChanges?: boolean;
}

export function modelDoesNotExist(fqid: string): DatabaseError {
  return new DatabaseError(`Model '${fqid}' does not exist.`, "model_does_not_exist");
}

/** Additions to and removals from a list field whose stored value was not read (see addToList). */
interface PendingList {
  add: unknown[];
  remove: unknown[];
}

export class ChangeOverlay {
  private readonly byCollection = new Map<string, Map<number, Entry>>();
  private readonly pendingLists = new Map<string, Map<string, PendingList>>();
  private readonly created = new Set<string>();
  private readonly toBeDeleted = new Set<string>();
  private readonly toBeDeletedForProtected = new Set<string>();
  private readonly resetListeners: Array<() => void> = [];

  /** Called whenever the overlay is reset (the request wrote its changes). */
  onReset(listener: () => void): void {
    this.resetListeners.push(listener);
  }

  /** Merges fields into the cached model (replace: drop what was cached before). */
  apply(fqid: string, fields: Model, replace = false): void {
    const models = this.collection(collectionOf(fqid));
    const id = idOf(fqid);
    const current = models.get(id);
    const base = replace || current === undefined || current === DELETED ? {} : current;
    models.set(id, { ...base, ...fields, id });
    const pending = this.pendingLists.get(fqid);
    if (pending) {
      for (const field of replace ? [...pending.keys()] : Object.keys(fields)) pending.delete(field);
      if (pending.size === 0) this.pendingLists.delete(fqid);
    }
  }

  /**
   * Adds values to (or removes them from) a list field without knowing its stored value: the
   * reverse side of a relation gains a new model without a read. The change is applied when the
   * field is read (OverlayReader resolves it); a value set later replaces it.
   */
  changeList(fqid: string, field: string, change: Partial<PendingList>): void {
    let fields = this.pendingLists.get(fqid);
    if (!fields) this.pendingLists.set(fqid, (fields = new Map()));
    const pending = fields.get(field) ?? { add: [], remove: [] };
    for (const value of change.add ?? []) {
      pending.remove = pending.remove.filter((other) => String(other) !== String(value));
      if (!pending.add.some((other) => String(other) === String(value))) pending.add.push(value);
    }
    for (const value of change.remove ?? []) {
      pending.add = pending.add.filter((other) => String(other) !== String(value));
      if (!pending.remove.some((other) => String(other) === String(value))) pending.remove.push(value);
    }
    fields.set(field, pending);
  }

  /** Fields of the model with unresolved list changes (all of them when `fields` is undefined). */
  pendingFields(fqid: string, fields?: string[]): string[] {
    const pending = this.pendingLists.get(fqid);
    if (!pending) return [];
    return fields ? fields.filter((field) => pending.has(field)) : [...pending.keys()];
  }

  /** Ids of the collection with unresolved list changes. */
  pendingIds(collection: string): number[] {
    return [...this.pendingLists.keys()].filter((fqid) => collectionOf(fqid) === collection).map(idOf);
  }

  /** Applies the unresolved changes of these fields to their stored values (read by the caller). */
  resolveLists(fqid: string, stored: Model, fields: string[]): void {
    const pending = this.pendingLists.get(fqid);
    if (!pending) return;
    const resolved: Model = {};
    for (const field of fields) {
      const change = pending.get(field);
      if (!change) continue;
      const removed = new Set(change.remove.map(String));
      const values = ((stored[field] as unknown[] | null | undefined) ?? []).filter((value) => !removed.has(String(value)));
      const present = new Set(values.map(String));
      resolved[field] = [...values, ...change.add.filter((value) => !present.has(String(value)))];
    }
    this.apply(fqid, resolved);
  }

  /** Drops cached fields (keys that turned out not to be model fields). */
  forget(fqid: string, fields: string[]): void {
    const entry = this.byCollection.get(collectionOf(fqid))?.get(idOf(fqid));
    if (entry && entry !== DELETED) for (const field of fields) delete entry[field];
  }

  markCreated(fqid: string): void {
    this.created.add(fqid);
  }

  markDeleted(fqid: string): void {
    this.collection(collectionOf(fqid)).set(idOf(fqid), DELETED);
    this.pendingLists.delete(fqid);
  }

  markToBeDeleted(fqid: string): void {
    this.toBeDeleted.add(fqid);
  }

  markToBeDeletedForProtected(fqid: string): void {
    this.toBeDeletedForProtected.add(fqid);
  }

  isCreated(fqid: string): boolean {
    return this.created.has(fqid);
  }

  isDeleted(fqid: string): boolean {
    return this.byCollection.get(collectionOf(fqid))?.get(idOf(fqid)) === DELETED;
  }

  isToBeDeleted(fqid: string): boolean {
    return this.toBeDeleted.has(fqid);
  }

  isToBeDeletedForProtected(fqid: string): boolean {
    return this.toBeDeletedForProtected.has(fqid) || this.toBeDeleted.has(fqid);
  }

  /** The cached model, "deleted", or undefined when this request did not touch it. */
  entry(fqid: string): Model | "deleted" | undefined {
    const entry = this.byCollection.get(collectionOf(fqid))?.get(idOf(fqid));
    return entry === DELETED ? "deleted" : entry;
  }

  changedIds(collection: string): number[] {
    return [...(this.byCollection.get(collection)?.keys() ?? [])];
  }

  reset(): void {
    this.byCollection.clear();
    this.pendingLists.clear();
    this.created.clear();
    this.toBeDeleted.clear();
    this.toBeDeletedForProtected.clear();
    for (const listener of this.resetListeners) listener();
  }

  private collection(name: string): Map<number, Entry> {
    let models = this.byCollection.get(name);
    if (!models) this.byCollection.set(name, (models = new Map()));
    return models;
  }
}

/** Reads through the overlay into the transaction. Results contain only non-null fields (and id). */
export class OverlayReader {
  private readonly reads: StoredReads;

  constructor(
    readonly stored: Reader,
    readonly overlay: ChangeOverlay,
  ) {
    this.reads = new StoredReads(stored);
    overlay.onReset(() => this.reads.reset());
  }

  /** See StoredReads.prefetch. */
  prefetch(reads: ReadonlyArray<{ collection: string; id: number; fields?: readonly string[] }>): Promise<void> {
    return this.reads.prefetch(reads);
  }

  async get(fqid: string, fields?: string[], options: GetOptions = {}): Promise<Model> {
    if (options.useChanges !== false) await this.resolvePending(collectionOf(fqid), [idOf(fqid)], fields);
    const entry = options.useChanges === false ? undefined : this.overlay.entry(fqid);
    if (entry === "deleted") {
      if (options.optional) return {};
      throw modelDoesNotExist(fqid);
    }
    if (entry && this.overlay.isCreated(fqid)) return project(entry, fields);
    const missing = entry && fields ? fields.filter((field) => !(field in entry)) : fields;
    let stored: Model | undefined = {};
    if (!entry || !missing || missing.length > 0) {
      stored = (await this.reads.getMany(collectionOf(fqid), [idOf(fqid)], missing, { lock: options.lock })).get(idOf(fqid));
    }
    if (!stored && !entry) {
      if (options.optional) return {};
      throw modelDoesNotExist(fqid);
    }
    return project({ ...(stored ?? {}), ...(entry ?? {}) }, fields);
  }

  async getMany(collection: string, ids: number[], fields: string[], options: GetOptions = {}): Promise<Map<number, Model>> {
    if (options.useChanges !== false) await this.resolvePending(collection, ids, fields);
    const result = new Map<number, Model>();
    const fromDb: number[] = [];
    const dbFields = new Set<string>();
    for (const id of new Set(ids)) {
      const fqid = fqidOf(collection, id);
      const entry = options.useChanges === false ? undefined : this.overlay.entry(fqid);
      if (entry === "deleted") continue;
      if (entry && this.overlay.isCreated(fqid)) {
        result.set(id, project(entry, fields));
        continue;
      }
      const missing = entry ? fields.filter((field) => !(field in entry)) : fields;
      if (entry && missing.length === 0) {
        result.set(id, project(entry, fields));
        continue;
      }
      fromDb.push(id);
      missing.forEach((field) => dbFields.add(field));
    }
    if (fromDb.length > 0) {
      const stored = await this.reads.getMany(collection, fromDb, [...dbFields], { lock: options.lock });
      for (const id of fromDb) {
        const model = stored.get(id);
        if (!model) continue;
        const entry = options.useChanges === false ? undefined : this.overlay.entry(fqidOf(collection, id));
        result.set(id, project({ ...model, ...(entry && entry !== "deleted" ? entry : {}) }, fields));
      }
    }
    return result;
  }

  /** Models matching the filter, with this request's changes applied and re-checked. */
  async filter(collection: string, filter: Filter | undefined, fields: string[], options: ReadOptions = {}): Promise<Map<number, Model>> {
    await this.resolvePending(collection, this.overlay.pendingIds(collection), undefined);
    const needed = filter ? [...new Set([...fields, ...filterFields(filter)])] : fields;
    const stored = await this.stored.filter(collection, filter, needed, options);
    const changed = this.overlay.changedIds(collection);
    if (changed.length === 0) {
      return new Map([...stored].map(([id, model]) => [id, project(model, fields)]));
    }
    const candidates = new Map(stored);
    const unread = changed.filter((id) => !candidates.has(id) && !this.overlay.isCreated(fqidOf(collection, id)));
    if (unread.length > 0) {
      const more = await this.reads.getMany(collection, unread, needed, options);
      for (const [id, model] of more) candidates.set(id, model);
    }
    for (const id of changed) {
      const entry = this.overlay.entry(fqidOf(collection, id));
      if (entry === "deleted") candidates.delete(id);
      else if (entry) candidates.set(id, { ...(candidates.get(id) ?? {}), ...entry });
    }
    const result = new Map<number, Model>();
    for (const [id, model] of candidates) {
      if (!filter || !changed.includes(id) || matchesFilter(model, filter)) result.set(id, project(model, fields));
    }
    return result;
  }

  async exists(collection: string, filter: Filter): Promise<boolean> {
    return (await this.count(collection, filter)) > 0;
  }

  async count(collection: string, filter: Filter): Promise<number> {
    await this.resolvePending(collection, this.overlay.pendingIds(collection), undefined);
    if (this.overlay.changedIds(collection).length === 0) return this.stored.count(collection, filter);
    return (await this.filter(collection, filter, ["id"])).size;
  }

  async max(collection: string, filter: Filter, field: string): Promise<number | string | undefined> {
    return this.aggregate(collection, filter, field, (a, b) => (b > a ? b : a), () => this.stored.max(collection, filter, field));
  }

  async min(collection: string, filter: Filter, field: string): Promise<number | string | undefined> {
    return this.aggregate(collection, filter, field, (a, b) => (b < a ? b : a), () => this.stored.min(collection, filter, field));
  }

  /** Reads the stored values of list fields with unresolved changes among `fields` and applies the changes. */
  private async resolvePending(collection: string, ids: number[], fields: string[] | undefined): Promise<void> {
    const pending = new Map<number, string[]>();
    for (const id of ids) {
      const names = this.overlay.pendingFields(fqidOf(collection, id), fields);
      if (names.length > 0) pending.set(id, names);
    }
    if (pending.size === 0) return;
    const names = [...new Set([...pending.values()].flat())];
    const stored = await this.reads.getMany(collection, [...pending.keys()], names);
    for (const [id, fieldNames] of pending) this.overlay.resolveLists(fqidOf(collection, id), stored.get(id) ?? {}, fieldNames);
  }

  private async aggregate(
    collection: string,
    filter: Filter,
    field: string,
    pick: (a: number | string, b: number | string) => number | string,
    fromDb: () => Promise<number | string | undefined>,
  ): Promise<number | string | undefined> {
    await this.resolvePending(collection, this.overlay.pendingIds(collection), undefined);
    if (this.overlay.changedIds(collection).length === 0) return fromDb();
    let result: number | string | undefined;
    for (const model of (await this.filter(collection, filter, [field])).values()) {
      const value = model[field];
      if (typeof value !== "number" && typeof value !== "string") continue;
      result = result === undefined ? value : pick(result, value);
    }
    return result;
  }
}

function project(model: Model, fields: string[] | undefined): Model {
  const result: Model = {};
  if (model.id !== undefined) result.id = model.id;
  for (const field of fields ?? Object.keys(model)) {
    const value = model[field];
    if (value !== null && value !== undefined) result[field] = value;
  }
  return result;
}
