// The models of one collection in memory. A model is a frozen plain object of its present
// fields, always built with the fields in definition order: models with the same present fields
// then share one V8 hidden class, which stores them as compactly as a hand-made layout would
// (measured: bench/state-memory.md). Changing a model builds a new object rather than deleting
// properties, which would turn it into a slow dictionary. Readers get the stored object itself.
import type { Model } from "../db/types.js";
import type { FieldTable } from "./fields.js";
import { deepFreeze, sameValue } from "./values.js";

/**
 * Enum and decimal values repeat a lot ("1.000000", "finished", "Y" on every vote); one shared
 * string per distinct value. Bounded by the distinct values of those columns.
 */
const internedStrings = new Map<string, string>();

function intern(value: string): string {
  const known = internedStrings.get(value);
  if (known !== undefined) return known;
  internedStrings.set(value, value);
  return value;
}

/** Told before a model is replaced, created or deleted (snapshots.ts records what is overwritten). */
export type BeforeChange = (store: CollectionStore, id: number, previous: Readonly<Model> | undefined, membersChange: boolean) => void;

export class CollectionStore {
  private readonly models = new Map<number, Readonly<Model>>();
  private sortedIds: number[] | undefined;
  /** Set while snapshots are open. */
  beforeChange?: BeforeChange;

  constructor(readonly table: FieldTable) {}

  get size(): number {
    return this.models.size;
  }

  has(id: number): boolean {
    return this.models.has(id);
  }

  getField(id: number, field: string): unknown {
    if (!this.table.slots.has(field)) return undefined;
    return this.models.get(id)?.[field];
  }

  /** The stored (frozen) model; undefined when it does not exist. */
  get(id: number): Readonly<Model> | undefined {
    return this.models.get(id);
  }

  /** Ids of all models, ascending. */
  ids(): readonly number[] {
    this.sortedIds ??= [...this.models.keys()].sort((a, b) => a - b);
    return this.sortedIds;
  }

  /**
   * Sets the given fields (undefined: absent) and creates the model when needed. Unknown field
   * names are ignored. Returns the names of the fields whose value changed.
   */
  write(id: number, fields: Iterable<readonly [string, unknown]>): string[] {
    const current = this.models.get(id);
    const changes = new Map<string, unknown>();
    for (const [field, value] of fields) {
      if (!this.table.slots.has(field)) continue;
      const next = value ?? undefined;
      if (sameValue(current?.[field], next)) changes.delete(field);
      else changes.set(field, next);
    }
    if (current !== undefined && changes.size === 0) return [];
    this.store(id, current, changes);
    return [...changes.keys()];
  }

  /**
   * Replaces the fields of `fieldNames` with the model's values: those missing in `model`
   * become absent. Returns the names of the fields whose value changed.
   */
  replace(id: number, model: Model, fieldNames: readonly string[]): string[] {
    return this.write(
      id,
      fieldNames.map((field) => [field, model[field]] as const),
    );
  }

  /** Removes the model; returns the names of the fields it had. */
  delete(id: number): string[] {
    const model = this.models.get(id);
    if (model === undefined) return [];
    this.beforeChange?.(this, id, model, true);
    this.models.delete(id);
    this.sortedIds = undefined;
    return Object.keys(model);
  }

  private store(id: number, current: Readonly<Model> | undefined, changes: Map<string, unknown>): void {
    const model: Model = {};
    for (const field of this.table.names) {
      const value = changes.has(field) ? this.prepare(field, changes.get(field)) : current?.[field];
      if (value !== undefined) model[field] = value;
    }
    this.beforeChange?.(this, id, current, current === undefined);
    if (current === undefined) this.sortedIds = undefined;
    this.models.set(id, Object.freeze(model));
  }

  private prepare(field: string, value: unknown): unknown {
    if (typeof value === "string") return this.table.internedFields.has(field) ? intern(value) : value;
    return deepFreeze(value);
  }
}
