// Snapshots of the state for computations that await between their reads (the autoupdate's
// sliced computations, docs/security.md). A snapshot reads the state as it was at its version,
// however many change batches are applied meanwhile: while any snapshot is open, applying a
// batch first records what it overwrites (the previous frozen model of each changed id, the
// previous id list of a collection whose members change, previous calculated values) in an undo
// entry of the new version. A snapshot's read looks for the oldest undo entry after its version
// that holds the key, else reads the live state. Models are copy-on-write (collection-store.ts),
// so keeping the previous object is enough. Writers never wait and readers never block them;
// entries are dropped as soon as no open snapshot is older than them. Without open snapshots
// nothing is recorded.
import type { Model } from "../db/types.js";

/** What one applied batch overwrote. */
export interface UndoEntry {
  /** The state version the batch produced. */
  readonly version: number;
  /** collection → id → the model before (undefined: it did not exist). */
  readonly models: Map<string, Map<number, Readonly<Model> | undefined>>;
  /** collection → its ids before. */
  readonly ids: Map<string, readonly number[]>;
  /** "collection/id/field" of calculated fields → the value before. */
  readonly calculated: Map<string, unknown>;
}

/** The live state as a snapshot sees it. */
export interface SnapshotSource {
  readonly version: number;
  liveModel(collection: string, id: number): Readonly<Model> | undefined;
  liveCalculated(collection: string, id: number, field: string): unknown;
  isCalculated(collection: string, field: string): boolean;
  liveIds(collection: string): readonly number[];
  changedKeysBetween(from: number, to: number): ReadonlySet<string> | undefined;
}

export class UndoLog {
  private readonly entries: UndoEntry[] = [];
  /** version → open snapshots of it */
  private readonly pins = new Map<number, number>();

  get recording(): boolean {
    return this.pins.size > 0;
  }

  /** Undo entries kept (for tests and measurements). */
  get size(): number {
    return this.entries.length;
  }

  /** A new entry for the batch that produces `version`, or undefined when no snapshot is open. */
  begin(version: number): UndoEntry | undefined {
    if (!this.recording) return undefined;
    const entry: UndoEntry = { version, models: new Map(), ids: new Map(), calculated: new Map() };
    this.entries.push(entry);
    return entry;
  }

  open(source: SnapshotSource): StateSnapshot {
    const version = source.version;
    this.pins.set(version, (this.pins.get(version) ?? 0) + 1);
    let released = false;
    return new StateSnapshot(source, this, version, () => {
      if (released) return;
      released = true;
      const left = this.pins.get(version)! - 1;
      if (left > 0) this.pins.set(version, left);
      else this.pins.delete(version);
      this.prune();
    });
  }

  /** The oldest entry after `version` that recorded something for the lookup, via `pick`. */
  find<T>(version: number, pick: (entry: UndoEntry) => T | typeof NOT_RECORDED): T | typeof NOT_RECORDED {
    for (const entry of this.entries) {
      if (entry.version <= version) continue;
      const found = pick(entry);
      if (found !== NOT_RECORDED) return found;
    }
    return NOT_RECORDED;
  }

  /** True when a batch was applied after `version` while snapshots were open. */
  changedAfter(version: number): boolean {
    const last = this.entries[this.entries.length - 1];
    return last !== undefined && last.version > version;
  }

  private prune(): void {
    if (this.pins.size === 0) {
      this.entries.length = 0;
      return;
    }
    const oldest = Math.min(...this.pins.keys());
    let drop = 0;
    while (drop < this.entries.length && this.entries[drop]!.version <= oldest) drop++;
    if (drop > 0) this.entries.splice(0, drop);
  }
}

export const NOT_RECORDED: unique symbol = Symbol("not recorded");

/** The state at one version; release it when the computation is over. */
export class StateSnapshot {
  constructor(
    private readonly source: SnapshotSource,
    private readonly log: UndoLog,
    readonly version: number,
    readonly release: () => void,
  ) {}

  private model(collection: string, id: number): Readonly<Model> | undefined {
    if (!this.log.changedAfter(this.version)) return this.source.liveModel(collection, id);
    const models = (entry: UndoEntry) => {
      const byId = entry.models.get(collection);
      return byId?.has(id) ? byId.get(id) : NOT_RECORDED;
    };
    const before = this.log.find(this.version, models);
    return before === NOT_RECORDED ? this.source.liveModel(collection, id) : before;
  }

  getField(collection: string, id: number, field: string): unknown {
    if (!this.source.isCalculated(collection, field)) {
      const model = this.model(collection, id);
      return model !== undefined && Object.hasOwn(model, field) ? model[field] : undefined;
    }
    if (this.model(collection, id) === undefined) return undefined;
    if (!this.log.changedAfter(this.version)) return this.source.liveCalculated(collection, id, field);
    const key = `${collection}/${id}/${field}`;
    const before = this.log.find(this.version, (entry) => (entry.calculated.has(key) ? entry.calculated.get(key) : NOT_RECORDED));
    return before === NOT_RECORDED ? this.source.liveCalculated(collection, id, field) : before;
  }

  exists(collection: string, id: number): boolean {
    return this.model(collection, id) !== undefined;
  }

  ids(collection: string): readonly number[] {
    if (!this.log.changedAfter(this.version)) return this.source.liveIds(collection);
    const before = this.log.find(this.version, (entry) => entry.ids.get(collection) ?? NOT_RECORDED);
    return before === NOT_RECORDED ? this.source.liveIds(collection) : before;
  }

  /** The keys changed after `version` up to this snapshot's version (undefined: unknown, compute anew). */
  changedKeysSince(version: number): ReadonlySet<string> | undefined {
    return this.source.changedKeysBetween(version, this.version);
  }
}
