// The fields the state holds per collection: every field of the collection's view (read from
// the database) plus the calculated ones (no column, supplied by vote / projector at runtime).
import { STORAGE } from "../meta/generated/storage.js";

export interface FieldTable {
  collection: string;
  /** The database view the collection is read from. */
  view: string;
  /** Field names; the index of a name is its slot in a stored model. */
  names: readonly string[];
  slots: ReadonlyMap<string, number>;
  /** Fields read from the database view (all but the calculated ones). */
  viewFields: readonly string[];
  calculatedFields: ReadonlySet<string>;
  /** Enum and decimal columns: few distinct string values, shared by the store. */
  internedFields: ReadonlySet<string>;
}

function buildTables(): Map<string, FieldTable> {
  const tables = new Map<string, FieldTable>();
  for (const [collection, storage] of Object.entries(STORAGE)) {
    const names = Object.keys(storage.fields);
    const calculated = names.filter((name) => storage.fields[name]!.kind === "calculated");
    tables.set(collection, {
      collection,
      view: storage.view,
      names,
      slots: new Map(names.map((name, slot) => [name, slot])),
      viewFields: names.filter((name) => !calculated.includes(name)),
      calculatedFields: new Set(calculated),
      internedFields: new Set(
        names.filter((name) => {
          const field = storage.fields[name]!;
          return field.kind === "column" && /^(enum_|decimal)/.test(field.sqlType);
        }),
      ),
    });
  }
  return tables;
}

export const FIELD_TABLES: ReadonlyMap<string, FieldTable> = buildTables();

export const collectionNames = (): string[] => [...FIELD_TABLES.keys()];

export function fieldTable(collection: string): FieldTable | undefined {
  return FIELD_TABLES.get(collection);
}
