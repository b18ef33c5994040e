// How each model field is read from its collection's view and written to its table, derived once
// from the generated storage facts (src/meta/generated/storage.ts).
import { STORAGE } from "../meta/generated/storage.js";
import type { CollectionStorage, FieldStorage } from "../meta/relational.js";
import { DatabaseError } from "./types.js";

export type ValueKind = "integer" | "number" | "string" | "boolean" | "decimal" | "timestamp" | "json" | "integer[]" | "string[]";

export interface FieldAccess {
  name: string;
  storage: FieldStorage;
  /** SQL expression selecting the field from the view in the upstream value encoding. */
  select: string;
  kind: ValueKind;
  /** Writable column of the table (stored scalars, stored relations, generic fqid columns). */
  column?: string;
  /** Primary side of an intermediate table: writing the field writes rows there. */
  intermediate?: { table: string; ownColumn: string; valueColumn: string; valueType: "integer" | "varchar" };
}

export interface CollectionAccess {
  name: string;
  storage: CollectionStorage;
  table: string;
  view: string;
  fields: Map<string, FieldAccess>;
  /** Fields present in the view (everything but calculated ones), in definition order. */
  readable: FieldAccess[];
}

export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

function kindOfColumn(sqlType: string): ValueKind {
  if (sqlType === "integer") return "integer";
  if (sqlType === "boolean") return "boolean";
  if (sqlType === "double precision") return "number";
  if (sqlType.startsWith("decimal")) return "decimal";
  if (sqlType === "timestamptz") return "timestamp";
  if (sqlType === "jsonb") return "json";
  if (sqlType === "integer[]") return "integer[]";
  if (sqlType.endsWith("[]")) return "string[]";
  return "string";
}

function selectExpression(field: string, kind: ValueKind, sqlType: string | undefined): string {
  const column = quote(field);
  if (kind === "timestamp") return `floor(extract(epoch from ${column}))::float8 AS ${column}`;
  if (kind === "decimal") return `${column}::text AS ${column}`;
  if (kind === "string[]" && sqlType?.startsWith("enum_")) return `${column}::text[] AS ${column}`;
  if (kind === "string" && sqlType?.startsWith("enum_")) return `${column}::text AS ${column}`;
  return column;
}

function describeField(name: string, storage: FieldStorage): FieldAccess | undefined {
  switch (storage.kind) {
    case "column": {
      const kind = kindOfColumn(storage.sqlType);
      return { name, storage, kind, column: storage.column, select: selectExpression(name, kind, storage.sqlType) };
    }
    case "generic":
      return { name, storage, kind: "string", column: storage.column, select: quote(name) };
    case "reverse":
      return { name, storage, kind: storage.many ? "integer[]" : "integer", select: quote(name) };
    case "sql":
      return { name, storage, kind: "integer[]", select: quote(name) };
    case "nm":
    case "gm": {
      // The primary side of a gm table holds fqids; every other side holds ids.
      const holdsFqids = storage.kind === "gm" && storage.primary;
      const access: FieldAccess = { name, storage, kind: holdsFqids ? "string[]" : "integer[]", select: quote(name) };
      if (storage.primary) {
        access.intermediate = {
          table: storage.table,
          ownColumn: storage.ownColumn,
          valueColumn: storage.valueColumn,
          valueType: holdsFqids ? "varchar" : "integer",
        };
      }
      return access;
    }
    case "calculated":
      return undefined;
  }
}

const collections = new Map<string, CollectionAccess>();
for (const [name, storage] of Object.entries(STORAGE)) {
  const fields = new Map<string, FieldAccess>();
  for (const [fieldName, fieldStorage] of Object.entries(storage.fields)) {
    const access = describeField(fieldName, fieldStorage);
    if (access) fields.set(fieldName, access);
  }
  collections.set(name, { name, storage, table: storage.table, view: storage.view, fields, readable: [...fields.values()] });
}

export function collectionAccess(collection: string): CollectionAccess {
  const access = collections.get(collection);
  if (!access) throw new DatabaseError(`Collection '${collection}' does not exist in the database`, "invalid_request");
  return access;
}

export function fieldAccess(collection: CollectionAccess, field: string): FieldAccess {
  const access = collection.fields.get(field);
  if (!access) throw new DatabaseError(`Field '${field}' does not exist in collection '${collection.name}'`, "invalid_request");
  return access;
}

/** The fields to select: all readable ones, or the requested ones (id always included). */
export function selectedFields(collection: CollectionAccess, fields: string[] | undefined): FieldAccess[] {
  if (!fields || fields.length === 0) return collection.readable;
  const wanted = new Set(fields);
  wanted.add("id");
  const result: FieldAccess[] = [];
  for (const name of wanted) {
    const storage = collection.storage.fields[name];
    if (storage?.kind === "calculated") continue;
    result.push(fieldAccess(collection, name));
  }
  return result;
}

/** Turns a row of the view into a model: null values are absent, timestamps are whole seconds. */
export function rowToModel(row: Record<string, unknown>, fields: FieldAccess[]): Record<string, unknown> {
  const model: Record<string, unknown> = {};
  for (const field of fields) {
    const value = row[field.name];
    if (value === null || value === undefined) continue;
    model[field.name] = field.kind === "timestamp" ? Math.floor(Number(value)) : value;
  }
  return model;
}
