// Runtime access to the generated models registry: collections, fields, relations, payload
// schemas, and the identifier helpers (fqid, fqfield) with upstream's patterns.
import { REGISTRY } from "./generated/registry.js";
import type { CollectionDefinition, FieldDefinition, JsonSchema } from "./registry-types.js";
import * as patterns from "./field-schema.js";

export type {
  CollectionDefinition, FieldDefinition, FieldType, JsonSchema, LogTrigger, OnDelete, RelationDefinition, RelationKind,
} from "./registry-types.js";
export type { CollectionName, Models } from "./generated/models.js";

export const COLLECTION_PATTERN = new RegExp(patterns.COLLECTION_PATTERN);
export const ID_PATTERN = new RegExp(patterns.ID_PATTERN);
export const FIELD_PATTERN = new RegExp(patterns.FIELD_PATTERN);
const FQID_PARTS = /^([a-z](?:[a-z_]+[a-z])?)\/([1-9][0-9]*)$/;
const FQFIELD_PARTS = /^([a-z](?:[a-z_]+[a-z])?)\/([1-9][0-9]*)\/([a-z][a-z0-9_]*(?:\$[a-z0-9_]*)?)$/;
const COLLECTIONFIELD_PARTS = /^([a-z](?:[a-z_]+[a-z])?)\/([a-z][a-z0-9_]*(?:\$[a-z0-9_]*)?)$/;

const collections: ReadonlyMap<string, CollectionDefinition> = new Map(Object.entries(REGISTRY));
const fields: ReadonlyMap<string, ReadonlyMap<string, FieldDefinition>> = new Map(
  Object.entries(REGISTRY).map(([name, collection]) => [name, new Map(Object.entries(collection.fields))]),
);
const names: readonly string[] = Object.freeze([...collections.keys()]);

/** Every collection name, sorted. */
export function collectionNames(): readonly string[] {
  return names;
}

export function isCollection(name: string): boolean {
  return collections.has(name);
}

export function getCollection(name: string): CollectionDefinition | undefined {
  return collections.get(name);
}

/** The definition of `collection/field`; undefined when either is unknown. */
export function getField(collection: string, field: string): FieldDefinition | undefined {
  return fields.get(collection)?.get(field);
}

/** The fields of a collection in model order (empty for unknown collections). */
export function fieldsOf(collection: string): readonly FieldDefinition[] {
  return [...(fields.get(collection)?.values() ?? [])];
}

/** The payload JSON schema of `collection/field` (upstream's Field.get_schema()); a fresh copy. */
export function fieldSchema(collection: string, field: string): JsonSchema | undefined {
  const schema = getField(collection, field)?.schema;
  return schema && structuredClone(schema);
}

// Field classification.
export const isRelation = (field: FieldDefinition): boolean => field.relation !== undefined;
export const isGeneric = (field: FieldDefinition): boolean => field.type === "generic-relation" || field.type === "generic-relation-list";
/** relation-list, generic-relation-list, string[], text[], number[]: values are arrays. */
export const isListField = (field: FieldDefinition): boolean => field.type.endsWith("-list") || field.type.endsWith("[]");
export const isHtmlField = (field: FieldDefinition): boolean => field.type === "HTMLStrict" || field.type === "HTMLPermissive";
/** Legacy template syntax (`field$replacement`); the 4.3 models have no template fields. */
export const isTemplateField = (name: string): boolean => name.includes("$");

/** The target collection of a non-generic relation. */
export function relationTarget(field: FieldDefinition): string | undefined {
  if (!field.relation || isGeneric(field)) return undefined;
  return Object.keys(field.relation.targets)[0];
}

// Identifiers (spec models-and-database 3.2).
export function fqid(collection: string, id: number): string {
  return `${collection}/${id}`;
}

export function fqfield(collection: string, id: number, field: string): string {
  return `${collection}/${id}/${field}`;
}

const toId = (digits: string): number | undefined => {
  const id = Number(digits);
  return Number.isSafeInteger(id) ? id : undefined;
};

export function isFqid(value: unknown): value is string {
  return parseFqid(value) !== undefined;
}

/** `motion/5` -> {collection, id}; undefined for anything else (including non-strings). */
export function parseFqid(value: unknown): { collection: string; id: number } | undefined {
  if (typeof value !== "string") return undefined;
  const match = FQID_PARTS.exec(value);
  const id = match ? toId(match[2]!) : undefined;
  return id === undefined ? undefined : { collection: match![1]!, id };
}

/** `motion/5/title` -> {collection, id, field}; undefined for anything else. */
export function parseFqfield(value: unknown): { collection: string; id: number; field: string } | undefined {
  if (typeof value !== "string") return undefined;
  const match = FQFIELD_PARTS.exec(value);
  const id = match ? toId(match[2]!) : undefined;
  return id === undefined ? undefined : { collection: match![1]!, id, field: match![3]! };
}

/** `motion/title` -> {collection, field}; undefined for anything else. */
export function parseCollectionField(value: unknown): { collection: string; field: string } | undefined {
  if (typeof value !== "string") return undefined;
  const match = COLLECTIONFIELD_PARTS.exec(value);
  return match ? { collection: match[1]!, field: match[2]! } : undefined;
}
