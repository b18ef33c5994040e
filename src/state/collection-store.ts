// The models of one collection in memory, stored compactly. Most fields of a model are absent
// (null in the database), and many models of a collection have the same set of present fields.
// So a model is one array: element 0 is its shared "shape" (which fields are present and where
// their values sit), the rest are the values of the present fields only. Shapes are interned
// per collection, so a shape costs memory once, not once per model. Numbers for the
// measurements behind this: bench/state-memory.md.
import type { FieldTable } from "./fields.js";
import type { Model } from "../db/types.js";
import { deepFreeze, sameValue } from "./values.js";

class Shape {
  /** Per field slot: index of its value in a row (1-based), 0 when absent. */
  readonly position: Uint16Array;
  constructor(
    /** Present field slots, ascending. */
    readonly slots: readonly number[],
    fieldCount: number,
  ) {
    this.position = new Uint16Array(fieldCount);
    slots.forEach((slot, index) => (this.position[slot] = index + 1));
  }
}

/** [shape, ...values of the shape's slots] */
type Row = unknown[];

export class CollectionStore {
  private readonly rows = new Map<number, Row>();
  private readonly shapes = new Map<string, Shape>();
  private sortedIds: number[] | undefined;

  constructor(readonly table: FieldTable) {}

  get size(): number {
    return this.rows.size;
  }

  has(id: number): boolean {
    return this.rows.has(id);
  }

  getField(id: number, field: string): unknown {
    const row = this.rows.get(id);
    const slot = this.table.slots.get(field);
    if (row === undefined || slot === undefined) return undefined;
    const index = (row[0] as Shape).position[slot]!;
    return index === 0 ? undefined : row[index];
  }

  /** The model as a plain object of its present fields; undefined when it does not exist. */
  get(id: number): Model | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    const shape = row[0] as Shape;
    const model: Model = {};
    shape.slots.forEach((slot, index) => (model[this.table.names[slot]!] = row[index + 1]));
    return model;
  }

  /** Ids of all models, ascending. */
  ids(): readonly number[] {
    this.sortedIds ??= [...this.rows.keys()].sort((a, b) => a - b);
    return this.sortedIds;
  }

  /**
   * Sets the given fields (undefined: absent) and creates the model when needed. Unknown field
   * names are ignored. Returns the names of the fields whose value changed.
   */
  write(id: number, fields: Iterable<readonly [string, unknown]>): string[] {
    const row = this.rows.get(id);
    const changes = new Map<number, unknown>();
    for (const [field, value] of fields) {
      const slot = this.table.slots.get(field);
      if (slot === undefined) continue;
      const current = row === undefined ? undefined : this.valueAt(row, slot);
      if (!sameValue(current, value ?? undefined)) changes.set(slot, value ?? undefined);
      else changes.delete(slot);
    }
    if (row === undefined && changes.size === 0) {
      // A model without any field still exists (it at least has its id in practice).
      this.storeRow(id, new Map());
      return [];
    }
    if (changes.size === 0) return [];
    this.storeRow(id, this.mergedValues(row, changes));
    return [...changes.keys()].map((slot) => this.table.names[slot]!);
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
    const row = this.rows.get(id);
    if (row === undefined) return [];
    this.rows.delete(id);
    this.sortedIds = undefined;
    return (row[0] as Shape).slots.map((slot) => this.table.names[slot]!);
  }

  private valueAt(row: Row, slot: number): unknown {
    const index = (row[0] as Shape).position[slot]!;
    return index === 0 ? undefined : row[index];
  }

  /** slot -> value of the row after applying the changes (absent values dropped). */
  private mergedValues(row: Row | undefined, changes: Map<number, unknown>): Map<number, unknown> {
    const values = new Map<number, unknown>();
    if (row !== undefined) {
      const shape = row[0] as Shape;
      shape.slots.forEach((slot, index) => values.set(slot, row[index + 1]));
    }
    for (const [slot, value] of changes) {
      if (value === undefined) values.delete(slot);
      else values.set(slot, deepFreeze(value));
    }
    return values;
  }

  private storeRow(id: number, values: Map<number, unknown>): void {
    const slots = [...values.keys()].sort((a, b) => a - b);
    const row: Row = new Array(slots.length + 1);
    row[0] = this.shapeOf(slots);
    slots.forEach((slot, index) => (row[index + 1] = values.get(slot)));
    if (!this.rows.has(id)) this.sortedIds = undefined;
    this.rows.set(id, row);
  }

  private shapeOf(slots: number[]): Shape {
    const key = slots.join(",");
    let shape = this.shapes.get(key);
    if (shape === undefined) {
      shape = new Shape(slots, this.table.names.length);
      this.shapes.set(key, shape);
    }
    return shape;
  }
}
