// The current data of every collection in memory, per process (DESIGN.md principle 4). Loaded
// completely at start, then kept up to date from the database's change feed: every committed
// transaction of any process arrives as a ChangeSet; deleted models are dropped, inserted and
// updated ones re-read (only the listed fields) from the views. After each applied batch the
// version goes up by one and subscribers learn exactly which keys changed value.
//
// Consistency: reads for a batch happen first, then the batch is applied in one synchronous
// step. So code that reads the state without awaiting in between sees one version. Code that
// awaits between its reads (the autoupdate's sliced computations) reads through a snapshot
// (snapshot(), snapshots.ts), which keeps seeing the version it was opened at.
import type { ChangeSet, CollectionRead, Database, Fqid, Model } from "../db/types.js";
import { CalculatedValues } from "./calculated-values.js";
import { parseFqid, planChanges, type ChangePlan } from "./change-plan.js";
import { CollectionStore } from "./collection-store.js";
import { FIELD_TABLES, type FieldTable } from "./fields.js";
import { readAllIds, readModels, READ_BATCH_SIZE } from "./reads.js";
import { UndoLog, type SnapshotSource, type StateSnapshot, type UndoEntry } from "./snapshots.js";

/** How many changes changedKeysSince can look back. */
const RECENT_CHANGES = 64;

export interface StateChange {
  /** The state version after this change. */
  version: number;
  /** Transactions applied with this change (empty for calculated values). */
  xactIds: readonly string[];
  /** Keys `collection/id/field` whose value changed, appeared or disappeared. */
  keys: ReadonlySet<string>;
}

export type StateListener = (change: StateChange) => void;

/** Handle of a calculated field's provider. */
export interface CalculatedField {
  /** Sets the value for a model; undefined or null removes it. */
  set(id: number, value: unknown): void;
}

export interface StateOptions {
  batchSize?: number;
  /** Collections loaded at the same time at start. */
  loadConcurrency?: number;
  /** Wait before retrying a batch whose reads failed (database unreachable). */
  retryDelayMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/** Loads the state and starts following the change feed. */
export async function openState(db: Database, options: StateOptions = {}): Promise<LiveState> {
  const state = new LiveState(db, options);
  try {
    await state.load();
  } catch (error) {
    await state.close();
    throw error;
  }
  return state;
}

export class LiveState {
  private readonly stores = new Map<string, CollectionStore>();
  private readonly calculated = new CalculatedValues();
  private readonly listeners = new Set<StateListener>();
  private readonly undo = new UndoLog();
  /** The undo entry of the batch being applied (while snapshots are open). */
  private recording: UndoEntry | undefined;
  private readonly snapshotSource: SnapshotSource;
  private readonly queue: ChangeSet[] = [];
  private readonly settledWaiters: Array<() => void> = [];
  private readonly unsubscribe: () => void;
  private readonly unfollow: () => void;
  private readonly batchSize: number;
  private readonly log: (message: string, error?: unknown) => void;
  private currentVersion = 0;
  /** The keys of the last changes, oldest first, for readers that catch up incrementally. */
  private readonly recentChanges: StateChange[] = [];
  private loaded = false;
  private closed = false;
  private draining: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    private readonly options: StateOptions = {},
  ) {
    this.batchSize = options.batchSize ?? READ_BATCH_SIZE;
    this.log = options.log ?? ((message, error) => console.error(`state: ${message}`, error ?? ""));
    for (const table of FIELD_TABLES.values()) {
      const store = new CollectionStore(table);
      store.beforeChange = (changed, id, previous, membersChange) => this.recordOverwrite(changed, id, previous, membersChange);
      this.stores.set(table.collection, store);
    }
    const state = this;
    this.snapshotSource = {
      get version() {
        return state.currentVersion;
      },
      liveModel: (collection, id) => this.stores.get(collection)?.get(id),
      liveCalculated: (collection, id, field) => this.calculated.get(collection, id, field),
      isCalculated: (collection, field) => this.stores.get(collection)?.table.calculatedFields.has(field) ?? false,
      liveIds: (collection) => this.ids(collection),
      changedKeysBetween: (from, to) => this.changedKeysBetween(from, to),
    };
    // Listen before loading: changes committed during the load are applied after it.
    this.unsubscribe = db.onChange((change) => this.receive(change));
    this.unfollow = db.addFollower(() => this.settled());
  }

  /** Increases by one with every applied change; tells a reader which state it computed from. */
  get version(): number {
    return this.currentVersion;
  }

  /**
   * Every key that changed after `version`, or undefined when that is longer ago than the
   * remembered changes reach.
   */
  changedKeysSince(version: number): ReadonlySet<string> | undefined {
    return this.changedKeysBetween(version, this.currentVersion);
  }

  /** The keys changed after version `from` up to version `to` (undefined: not remembered, or `to` is older). */
  changedKeysBetween(from: number, to: number): ReadonlySet<string> | undefined {
    if (from === to) return new Set();
    if (from > to) return undefined;
    const first = this.recentChanges[0];
    if (!first || first.version > from + 1) return undefined;
    const keys = new Set<string>();
    for (const change of this.recentChanges) if (change.version > from && change.version <= to) for (const key of change.keys) keys.add(key);
    return keys;
  }

  /**
   * The state as it is now, for a computation that awaits between its reads: it keeps reading
   * this version while changes are applied. Release it when done (undo records are kept meanwhile).
   */
  snapshot(): StateSnapshot {
    return this.undo.open(this.snapshotSource);
  }

  /** Undo records kept for open snapshots (for tests). */
  get undoEntries(): number {
    return this.undo.size;
  }

  private recordOverwrite(store: CollectionStore, id: number, previous: Readonly<Model> | undefined, membersChange: boolean): void {
    const entry = this.recording;
    if (!entry) return;
    const collection = store.table.collection;
    let byId = entry.models.get(collection);
    if (!byId) entry.models.set(collection, (byId = new Map()));
    if (!byId.has(id)) byId.set(id, previous);
    if (membersChange && !entry.ids.has(collection)) entry.ids.set(collection, store.ids());
  }

  private recordCalculated(collection: string, id: number, field: string): void {
    const key = `${collection}/${id}/${field}`;
    if (this.recording && !this.recording.calculated.has(key)) this.recording.calculated.set(key, this.calculated.get(collection, id, field));
  }

  /** Applies one change of the state in one synchronous step, recording what it overwrites while snapshots are open. */
  private applying<T>(apply: () => T): T {
    this.recording = this.undo.begin(this.currentVersion + 1);
    try {
      return apply();
    } finally {
      this.recording = undefined;
    }
  }

  /** The model with its present fields; frozen, shared with other readers. */
  get(fqid: Fqid): Readonly<Model> | undefined {
    const target = parseFqid(fqid);
    if (!target) return undefined;
    const store = this.stores.get(target.collection);
    const model = store?.get(target.id);
    if (!store || !model || store.table.calculatedFields.size === 0) return model;
    const calculated = this.calculated.fieldsWithValue(target.collection, target.id);
    if (calculated.length === 0) return model;
    const withCalculated: Model = { ...model };
    for (const field of calculated) withCalculated[field] = this.calculated.get(target.collection, target.id, field);
    return Object.freeze(withCalculated);
  }

  getField(collection: string, id: number, field: string): unknown {
    const store = this.stores.get(collection);
    if (!store) return undefined;
    if (store.table.calculatedFields.has(field)) {
      return store.has(id) ? this.calculated.get(collection, id, field) : undefined;
    }
    return store.getField(id, field);
  }

  exists(collection: string, id: number): boolean {
    return this.stores.get(collection)?.has(id) ?? false;
  }

  /** Ids of the collection's models, ascending. */
  ids(collection: string): readonly number[] {
    return this.stores.get(collection)?.ids() ?? [];
  }

  /** Calls the listener after every applied change; returns the unsubscribe function. */
  subscribe(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The registration point for providers of calculated fields (poll/live_votes, projection/content). */
  registerCalculatedField(collection: string, field: string): CalculatedField {
    const table = FIELD_TABLES.get(collection);
    if (!table?.calculatedFields.has(field)) throw new Error(`${collection}/${field} is not a calculated field`);
    this.calculated.register(collection, field);
    return {
      set: (id, value) =>
        this.applying(() => {
          this.recordCalculated(collection, id, field);
          if (!this.calculated.set(collection, id, field, value) || !this.exists(collection, id)) return;
          this.publish([], new Set([`${collection}/${id}/${field}`]));
        }),
    };
  }

  /** Resolves when every change set received so far is applied. */
  settled(): Promise<void> {
    if (!this.draining && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Stops following the change feed (waits for a batch being applied). */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    this.unfollow();
    await this.draining;
    this.listeners.clear();
    for (const resolve of this.settledWaiters.splice(0)) resolve();
  }

  // -------------------------------------------------------------------------------------------
  // Loading

  async load(): Promise<void> {
    const tables = [...FIELD_TABLES.values()];
    const concurrency = Math.max(1, this.options.loadConcurrency ?? 4);
    let next = 0;
    const worker = async () => {
      while (next < tables.length) await this.loadCollection(tables[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, tables.length) }, worker));
    this.loaded = true;
    this.startDraining();
  }

  private async loadCollection(table: FieldTable): Promise<void> {
    const store = this.stores.get(table.collection)!;
    const ids = await readAllIds(this.db, table.view);
    for (let start = 0; start < ids.length; start += this.batchSize) {
      const models = await readModels(this.db, table.collection, ids.slice(start, start + this.batchSize), table.viewFields, this.batchSize);
      for (const [id, model] of models) store.replace(id, model, table.viewFields);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Following the change feed

  private receive(change: ChangeSet): void {
    if (this.closed) return;
    this.queue.push(change);
    if (this.loaded) this.startDraining();
  }

  private startDraining(): void {
    if (this.draining || this.queue.length === 0) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.queue.length > 0 && !this.closed) this.startDraining();
      else for (const resolve of this.settledWaiters.splice(0)) resolve();
    });
  }

  /** Applies queued change sets; what queued up meanwhile is taken together as one batch. */
  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.closed) {
      const batch = this.queue.splice(0);
      try {
        await this.applyBatch(batch);
      } catch (error) {
        this.log(`applying transactions ${batch.map((change) => change.xactId).join(",")} failed; retrying`, error);
        this.queue.unshift(...batch);
        await new Promise((resolve) => setTimeout(resolve, this.options.retryDelayMs ?? 1000));
      }
    }
  }

  private async applyBatch(batch: readonly ChangeSet[]): Promise<void> {
    const plan = planChanges(batch, (collection, id) => this.exists(collection, id));
    const reads = await this.readPlanned(plan);
    this.applying(() => this.applyRead(batch, plan, reads));
  }

  private applyRead(batch: readonly ChangeSet[], plan: ChangePlan, reads: Map<string, Map<number, Model>>): void {
    const changed = new Set<string>();
    for (const [collection, { deletes, full, partial }] of plan) {
      const store = this.stores.get(collection)!;
      const models = reads.get(collection)!;
      const report = (id: number, fields: string[]) => fields.forEach((field) => changed.add(`${collection}/${id}/${field}`));
      for (const id of deletes) report(id, this.deleteModel(store, id));
      for (const id of full) {
        const model = models.get(id);
        if (!model) report(id, this.deleteModel(store, id));
        else report(id, this.replaceModel(store, id, model));
      }
      for (const [id, fields] of partial) {
        const model = models.get(id);
        if (!model) report(id, this.deleteModel(store, id));
        else report(id, store.write(id, [...fields].map((field) => [field, model[field]] as const)));
      }
    }
    if (changed.size > 0) this.publish(batch.map((change) => change.xactId), changed);
  }

  /**
   * Per collection all view fields when any model is read completely, else the union of the
   * listed fields; all collections in one statement, unless one has more ids than a batch.
   */
  private async readPlanned(plan: ChangePlan): Promise<Map<string, Map<number, Model>>> {
    const planned: CollectionRead[] = [];
    for (const [collection, { full, partial }] of plan) {
      const table = this.stores.get(collection)!.table;
      const fields = full.size > 0 ? table.viewFields : [...new Set([...partial.values()].flatMap((set) => [...set]))];
      planned.push({ collection, ids: [...full, ...partial.keys()], fields: fields.includes("id") ? fields : ["id", ...fields] });
    }
    if (planned.every((read) => read.ids.length <= Math.min(this.batchSize, READ_BATCH_SIZE))) return this.db.getManyOfCollections(planned);
    const reads = new Map<string, Map<number, Model>>();
    for (const [collection, { full, partial }] of plan) {
      const table = this.stores.get(collection)!.table;
      const ids = [...full, ...partial.keys()];
      if (ids.length === 0) {
        reads.set(collection, new Map());
        continue;
      }
      const fields = full.size > 0 ? table.viewFields : [...new Set([...partial.values()].flatMap((set) => [...set]))];
      reads.set(collection, await readModels(this.db, collection, ids, fields, this.batchSize));
    }
    return reads;
  }

  private deleteModel(store: CollectionStore, id: number): string[] {
    if (!store.has(id)) return [];
    const collection = store.table.collection;
    for (const field of this.calculated.fieldsWithValue(collection, id)) this.recordCalculated(collection, id, field);
    return [...store.delete(id), ...this.calculated.dropModel(collection, id)];
  }

  private replaceModel(store: CollectionStore, id: number, model: Model): string[] {
    const isNew = !store.has(id);
    const changed = store.replace(id, model, store.table.viewFields);
    if (isNew) changed.push(...this.calculated.fieldsWithValue(store.table.collection, id));
    return changed;
  }

  private publish(xactIds: readonly string[], keys: ReadonlySet<string>): void {
    this.currentVersion++;
    const change: StateChange = { version: this.currentVersion, xactIds, keys };
    this.recentChanges.push(change);
    if (this.recentChanges.length > RECENT_CHANGES) this.recentChanges.shift();
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        this.log("a state listener failed", error);
      }
    }
  }
}
