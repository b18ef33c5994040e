// Turns the normalised models source into the registry data: one FieldDefinition per field,
// one CollectionDefinition per collection (collections sorted, fields in YAML order).
import type { ModelSource, SourceCollection, SourceField } from "../source.js";
import { RELATION_TYPES } from "../source.js";
import { buildFieldSchema } from "../field-schema.js";
import type { CollectionDefinition, FieldDefinition, FieldType, LogTrigger, OnDelete, RelationDefinition, RelationKind } from "../registry-types.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

const camelCase = (key: string): string => key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

function logTriggersOf(value: unknown): LogTrigger[] {
  if (!Array.isArray(value)) throw new Error(`log_triggers must be a list: ${JSON.stringify(value)}`);
  return value.map((entry: Record<string, unknown>) => {
    if (typeof entry.on_table !== "string") throw new Error(`log trigger without on_table: ${JSON.stringify(entry)}`);
    return Object.fromEntries(Object.entries(entry).map(([key, setting]) => [camelCase(key), String(setting)])) as unknown as LogTrigger;
  });
}

function relationOf(field: SourceField): RelationDefinition {
  const relation: Mutable<RelationDefinition> = {
    kind: field.type as RelationKind,
    targets: Object.fromEntries(field.targets.map((target) => [target.collection, target.field])),
    onDelete: (field.raw.on_delete as OnDelete | undefined) ?? "SET_NULL",
  };
  const reference = field.raw.reference;
  if (reference !== undefined) relation.reference = Array.isArray(reference) ? reference.map(String) : String(reference);
  return relation;
}

function itemsEnumOf(field: SourceField, enumDefinitions: Record<string, string[]>): string[] | undefined {
  const itemsEnum = (field.raw.items as { enum?: unknown } | undefined)?.enum;
  if (typeof itemsEnum === "string") return enumDefinitions[itemsEnum];
  return Array.isArray(itemsEnum) ? itemsEnum.map(String) : undefined;
}

export function describeField(collection: SourceCollection, field: SourceField, enumDefinitions: Record<string, string[]>): FieldDefinition {
  const raw = field.raw;
  const definition: Mutable<Omit<FieldDefinition, "schema">> = {
    name: field.name,
    collection: collection.name,
    type: field.type as FieldType,
    restrictionMode: String(raw.restriction_mode ?? ""),
    required: Boolean(raw.required),
    readOnly: Boolean(raw.read_only),
    constant: Boolean(raw.constant),
    constantLegacy: Boolean(raw.constant_legacy),
    unique: Boolean(raw.unique),
    equalFields: asList(raw.equal_fields),
    calculated: Boolean(raw.calculated),
    deferred: Boolean(raw.deferred),
  };
  if (raw.default !== undefined) definition.default = structuredClone(raw.default);
  if (Array.isArray(raw.enum)) definition.enum = [...raw.enum];
  if (field.sharedEnum) definition.sharedEnum = field.sharedEnum;
  const itemsEnum = itemsEnumOf(field, enumDefinitions);
  if (itemsEnum) definition.itemsEnum = [...itemsEnum];
  for (const key of ["minimum", "maximum"] as const) {
    if (typeof raw[key] === "number" || typeof raw[key] === "string") definition[key] = raw[key] as number | string;
  }
  for (const key of ["minLength", "maxLength"] as const) {
    if (typeof raw[key] === "number") definition[key] = raw[key] as number;
  }
  if (typeof raw.description === "string") definition.description = raw.description;
  if (typeof raw.sql === "string") definition.sql = raw.sql;
  if (raw.log_triggers !== undefined) definition.logTriggers = logTriggersOf(raw.log_triggers);
  if (typeof raw.sequence_scope === "string") definition.sequenceScope = raw.sequence_scope;
  if (RELATION_TYPES.has(field.type)) definition.relation = relationOf(field);
  return { ...definition, schema: buildFieldSchema(collection.name, field, enumDefinitions) };
}

export function buildRegistry(source: ModelSource): Record<string, CollectionDefinition> {
  const registry: Record<string, CollectionDefinition> = {};
  for (const collection of [...source.collections].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    registry[collection.name] = {
      name: collection.name,
      uniqueTogether: collection.uniqueTogether,
      uniqueTogetherStrict: collection.uniqueTogetherStrict,
      fields: Object.fromEntries(collection.fields.map((field) => [field.name, describeField(collection, field, source.enumDefinitions)])),
    };
  }
  return registry;
}
