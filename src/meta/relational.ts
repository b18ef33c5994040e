// Storage decisions of the relational schema: for every field of the models YAML, where its
// value lives (a column of <collection>_t, a subselect in the view, an n:m / generic-list
// table, an SQL expression, or nowhere). The SQL renderers (src/meta/sql/) and the database
// layer (through src/meta/generated/storage.ts) both work from this one description.
import type { ModelSource, SourceCollection, SourceField } from "./source.js";
import {
  genericIdColumn,
  gmTableName,
  idSequenceName,
  nmTableName,
  shortenIdentifier,
  singular,
  tableName,
  viewName,
} from "./sql/names.js";

/** A value stored in a column of the collection's table. */
export interface ColumnStorage {
  kind: "column";
  column: string;
  /** Column type as declared (e.g. "varchar(256)", "decimal(16,6)", "enum_motion_state_restrictions[]"). */
  sqlType: string;
  /** Stored relation: the referenced collection (FK to its table's id). */
  references?: string;
  /** Filled per meeting by a BEFORE INSERT trigger when absent (sequential_number). */
  sequenceScope?: string;
}

/** A generic relation: the fqid string column plus one generated integer column per target collection. */
export interface GenericColumnStorage {
  kind: "generic";
  column: string;
  sqlType: "varchar(100)";
  /** Target collection -> generated (read-only) id column of this table. */
  idColumns: Record<string, string>;
}

/** Reverse side of a stored relation, computed by the view from the other table's column. */
export interface ReverseStorage {
  kind: "reverse";
  /** The table holding the pointing rows. */
  table: string;
  /** Its column holding this model's id. */
  column: string;
  /** relation-list (sorted id array, NULL when empty) or relation (single id). */
  many: boolean;
}

/** Both sides of a relation-list <-> relation-list pair or of a generic list, kept in an intermediate table. */
export interface IntermediateStorage {
  kind: "nm" | "gm";
  table: string;
  /** Column holding this model's id (gm, non-primary side: the generated id column of this collection). */
  ownColumn: string;
  /** Column holding the field's values: ids, or fqids on the primary side of a gm table. */
  valueColumn: string;
  /** The primary side's write events are what insert and delete the rows (spec 3.6). */
  primary: boolean;
  /**
   * Self-symmetric relation (motion/identical_motion_ids): each pair is stored once with
   * ownColumn (<name>_1) < valueColumn (<name>_2); a BEFORE trigger silently drops rows with
   * _1 > _2. The view reads both directions.
   */
  symmetric?: boolean;
}

/** A relation-list computed by the SQL expression given in the YAML. Not writable. */
export interface SqlStorage {
  kind: "sql";
}

/** Produced by another service (poll/live_votes, projection/content): no column, not in the view. */
export interface CalculatedStorage {
  kind: "calculated";
}

export type FieldStorage =
  | ColumnStorage
  | GenericColumnStorage
  | ReverseStorage
  | IntermediateStorage
  | SqlStorage
  | CalculatedStorage;

export interface CollectionStorage {
  table: string;
  view: string;
  idSequence: string;
  fields: Record<string, FieldStorage>;
}

export interface IntermediateTable {
  kind: "nm" | "gm";
  name: string;
  /** The side whose events write the rows. */
  primary: { collection: string; field: string };
  /** nm: the two integer columns in table order. gm: owner id column and fqid column. */
  columns: [string, string];
  /** gm only: target collection -> generated id column. */
  idColumns?: Record<string, string>;
}

export interface RelationalModel {
  collections: Record<string, CollectionStorage>;
  intermediateTables: IntermediateTable[];
}

// ---------------------------------------------------------------------------------------------
// Relation sides

export interface RelationSide {
  collection: string;
  field: string;
  definition: SourceField;
}

export class ModelIndex {
  private readonly byName = new Map<string, SourceCollection>();
  constructor(readonly source: ModelSource) {
    for (const collection of source.collections) this.byName.set(collection.name, collection);
  }
  collection(name: string): SourceCollection {
    const found = this.byName.get(name);
    if (!found) throw new Error(`unknown collection ${name}`);
    return found;
  }
  field(collection: string, field: string): SourceField {
    const found = this.collection(collection).fields.find((entry) => entry.name === field);
    if (!found) throw new Error(`unknown field ${collection}/${field}`);
    return found;
  }
  side(collection: string, field: string): RelationSide {
    return { collection, field, definition: this.field(collection, field) };
  }
}

/** The collections a generic relation points to, in the order of its `reference` list (else of `to`). */
export function genericTargets(field: SourceField): string[] {
  const reference = field.raw.reference;
  if (Array.isArray(reference)) return reference.map(String);
  return field.targets.map((target) => target.collection);
}

/** The other side(s) of a relation field, one per target collection. */
export function otherSides(index: ModelIndex, field: SourceField): RelationSide[] {
  return field.targets.map((target) => index.side(target.collection, target.field));
}

export function otherSideFor(index: ModelIndex, field: SourceField, targetCollection: string): RelationSide {
  const target = field.targets.find((entry) => entry.collection === targetCollection);
  if (!target) throw new Error(`${field.name}: no target ${targetCollection}`);
  return index.side(target.collection, target.field);
}

/** The collection a stored relation's `reference` names ("collection" or "collection(column)"). */
export function referencedCollection(field: SourceField): string {
  return String(field.raw.reference).replace(/\([^()]*\)$/, "").trim();
}

export const isStoredRelation = (field: SourceField): boolean =>
  (field.type === "relation" && field.raw.reference !== undefined) || field.type === "generic-relation";

/** The column of `holder`'s table that holds ids of `pointedTo` (the generated column for generic relations). */
export function pointingColumn(holder: RelationSide, pointedTo: string): string {
  if (holder.definition.type === "generic-relation") return genericIdColumn(holder.field, pointedTo);
  return holder.field;
}

// ---------------------------------------------------------------------------------------------
// Intermediate tables

/** Upstream orders the two sides of an n:m pair by "collection_field" for the table name... */
const nameKey = (side: { collection: string; field: string }) => `${side.collection}_${side.field}`;
/** ...and by "collection/field" for the primary side. */
const primaryKey = (side: { collection: string; field: string }) => `${side.collection}/${side.field}`;

export interface NmLayout {
  table: string;
  /** Column holding ids of `own`'s collection, and of `other`'s. */
  ownColumn: string;
  otherColumn: string;
  ownIsPrimary: boolean;
  symmetric: boolean;
}

/** n:m layout seen from `own`. */
export function nmLayout(own: RelationSide, other: RelationSide): NmLayout {
  const [first, second] = nameKey(own) < nameKey(other) ? [own, other] : [other, own];
  const table = nmTableName(first, second);
  const symmetric = own.collection === other.collection && own.field === other.field;
  const columnFor = (side: RelationSide, opposite: RelationSide) =>
    shortenIdentifier(side.collection === opposite.collection ? singular(opposite.field) : `${side.collection}_id`);
  let ownColumn = columnFor(own, other);
  let otherColumn = columnFor(other, own);
  if (symmetric) {
    ownColumn += "_1";
    otherColumn += "_2";
  }
  const ownIsPrimary = primaryKey(own) <= primaryKey(other);
  return { table, ownColumn, otherColumn, ownIsPrimary, symmetric };
}

export interface GmLayout {
  table: string;
  /** `<collection>_id`: id of the model owning the generic list. */
  ownerColumn: string;
  /** The fqid column: the list field without its trailing "s". */
  fqidColumn: string;
  /** Target collection -> generated id column. */
  idColumns: Record<string, string>;
}

/** Layout of the gm table belonging to the generic-relation-list `owner`. */
export function gmLayout(owner: RelationSide): GmLayout {
  const fqidColumn = singular(owner.field);
  const idColumns: Record<string, string> = {};
  for (const target of owner.definition.targets) idColumns[target.collection] = genericIdColumn(fqidColumn, target.collection);
  return {
    table: gmTableName(owner.collection, owner.field),
    ownerColumn: `${owner.collection}_id`,
    fqidColumn,
    idColumns,
  };
}

// ---------------------------------------------------------------------------------------------
// Field storage

export function fieldStorage(index: ModelIndex, collection: SourceCollection, field: SourceField): FieldStorage {
  const own: RelationSide = { collection: collection.name, field: field.name, definition: field };
  if (field.raw.calculated) return { kind: "calculated" };
  switch (field.type) {
    case "relation":
      if (field.raw.reference !== undefined) {
        return { kind: "column", column: field.name, sqlType: "integer", references: referencedCollection(field) };
      }
      return reverseStorage(index, own, false);
    case "relation-list":
      if (field.raw.sql !== undefined) return { kind: "sql" };
      return listStorage(index, own);
    case "generic-relation": {
      const idColumns: Record<string, string> = {};
      for (const target of genericTargets(field)) idColumns[target] = genericIdColumn(field.name, target);
      return { kind: "generic", column: field.name, sqlType: "varchar(100)", idColumns };
    }
    case "generic-relation-list": {
      const layout = gmLayout(own);
      return { kind: "gm", table: layout.table, ownColumn: layout.ownerColumn, valueColumn: layout.fqidColumn, primary: true };
    }
    default: {
      const storage: ColumnStorage = { kind: "column", column: field.name, sqlType: columnType(collection.name, field) };
      if (typeof field.raw.sequence_scope === "string") storage.sequenceScope = field.raw.sequence_scope;
      return storage;
    }
  }
}

function reverseStorage(index: ModelIndex, own: RelationSide, many: boolean): ReverseStorage {
  const [other] = otherSides(index, own.definition);
  if (!other || !isStoredRelation(other.definition)) {
    throw new Error(`${own.collection}/${own.field}: the other side ${other?.collection}/${other?.field} stores nothing`);
  }
  return { kind: "reverse", table: tableName(other.collection), column: pointingColumn(other, own.collection), many };
}

function listStorage(index: ModelIndex, own: RelationSide): FieldStorage {
  const [other] = otherSides(index, own.definition);
  if (!other) throw new Error(`${own.collection}/${own.field}: relation-list without target`);
  switch (other.definition.type) {
    case "relation":
    case "generic-relation":
      return reverseStorage(index, own, true);
    case "relation-list": {
      const layout = nmLayout(own, other);
      const storage: IntermediateStorage = {
        kind: "nm",
        table: layout.table,
        ownColumn: layout.ownColumn,
        valueColumn: layout.otherColumn,
        primary: layout.ownIsPrimary,
      };
      if (layout.symmetric) storage.symmetric = true;
      return storage;
    }
    case "generic-relation-list": {
      const layout = gmLayout(other);
      return {
        kind: "gm",
        table: layout.table,
        ownColumn: layout.idColumns[own.collection]!,
        valueColumn: layout.ownerColumn,
        primary: false,
      };
    }
    default:
      throw new Error(`${own.collection}/${own.field}: unsupported other side type ${other.definition.type}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Column types

const SCALAR_TYPES: Record<string, string> = {
  string: "varchar(256)",
  number: "integer",
  boolean: "boolean",
  JSON: "jsonb",
  HTMLStrict: "text",
  HTMLPermissive: "text",
  float: "double precision",
  "decimal(6)": "decimal(16,6)",
  timestamp: "timestamptz",
  color: "varchar(7)",
  "string[]": "varchar(256)[]",
  "number[]": "integer[]",
  "text[]": "text[]",
  text: "text",
  timezone: "text",
};

/** The enum type of a field (shared enums keep their own name), or undefined. */
export function enumTypeOf(collection: string, field: SourceField): string | undefined {
  const items = field.raw.items as { enum?: unknown } | undefined;
  const values = field.raw.enum ?? items?.enum;
  if (values === undefined) return undefined;
  if (field.sharedEnum) return shortenIdentifier(`enum_${field.sharedEnum}`);
  return shortenIdentifier(`enum_${collection}_${field.name}`);
}

export function columnType(collection: string, field: SourceField): string {
  if (field.name === "id") return "integer";
  const enumType = enumTypeOf(collection, field);
  if (enumType) return field.type.endsWith("[]") ? `${enumType}[]` : enumType;
  const maxLength = field.raw.maxLength;
  if (typeof maxLength === "number" && (field.type === "string" || field.type === "string[]")) {
    return field.type === "string" ? `varchar(${maxLength})` : `varchar(${maxLength})[]`;
  }
  const type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`${collection}/${field.name}: no column type for ${field.type}`);
  return type;
}

// ---------------------------------------------------------------------------------------------
// The whole model

export function buildRelationalModel(source: ModelSource): RelationalModel {
  const index = new ModelIndex(source);
  const collections: Record<string, CollectionStorage> = {};
  const intermediateTables: IntermediateTable[] = [];
  for (const collection of source.collections) {
    const fields: Record<string, FieldStorage> = {};
    for (const field of collection.fields) {
      const storage = fieldStorage(index, collection, field);
      fields[field.name] = storage;
      const table = intermediateTableOf(index, collection.name, field, storage);
      if (table) intermediateTables.push(table);
    }
    collections[collection.name] = {
      table: tableName(collection.name),
      view: viewName(collection.name),
      idSequence: idSequenceName(collection.name),
      fields,
    };
  }
  return { collections, intermediateTables };
}

function intermediateTableOf(
  index: ModelIndex,
  collection: string,
  field: SourceField,
  storage: FieldStorage,
): IntermediateTable | undefined {
  if ((storage.kind !== "nm" && storage.kind !== "gm") || !storage.primary) return undefined;
  const primary = { collection, field: field.name };
  if (storage.kind === "nm") return { kind: "nm", name: storage.table, primary, columns: [storage.ownColumn, storage.valueColumn] };
  const layout = gmLayout(index.side(collection, field.name));
  return {
    kind: "gm",
    name: layout.table,
    primary,
    columns: [layout.ownerColumn, layout.fqidColumn],
    idColumns: layout.idColumns,
  };
}
