// Runtime access to the generated models registry: collections, fields, relations, payload
// schemas, and the identifier helpers (fqid, fqfield) with upstream's patterns.
import { REGISTRY } from "./generated/registry.js";
import type { CollectionDefinition, FieldDefinition, JsonSchema } from "./registry-types.js";

export type { CollectionDefinition, FieldDefinition, JsonSchema, RelationDefinition, OnDelete, FieldType } from "./registry-types.js";

export const COLLECTION_PATTERN = /^[a-z](?:[a-z_]+[a-z]+)?$/;
export const ID_PATTERN = /^[1-9][0-9]*$/;
export const FIELD_PATTERN = /^[a-z][a-z0-9_]*\$?[a-z0-9_]*$/;
const FQID_PATTERN = /^([a-z](?:[a-z_]+[a-z]+)?)\/([1-9][0-9]*)$/;
const FQFIELD_PATTERN = /^([a-z](?:[a-z_]+[a-z]+)?)\/([1-9][0-9]*)\/([a-z][a-z0-9_]*\$?[a-z0-9_]*)$/;

export function collectionNames(): string[] {
  return Object.keys(REGISTRY);
}

export function isCollection(name: string): boolean {
  return Object.hasOwn(REGISTRY, name);
}

export function getCollection(name: string): CollectionDefinition | undefined {
  return isCollection(name) ? REGISTRY[name] : undefined;
}

export function getField(collection: string, field: string): FieldDefinition | undefined {
  const definition = getCollection(collection);
  return definition && Object.hasOwn(definition.fields, field) ? definition.fields[field] : undefined;
}

export function fieldSchema(collection: string, field: string): JsonSchema | undefined {
  return getField(collection, field)?.schema;
}

export const isRelation = (field: FieldDefinition): boolean => field.relation !== undefined;
export const isListField = (field: FieldDefinition): boolean =>
  field.type === "relation-list" || field.type === "generic-relation-list" || field.type.endsWith("[]");
export const isGeneric = (field: FieldDefinition): boolean => field.type === "generic-relation" || field.type === "generic-relation-list";

export function fqid(collection: string, id: number): string {
  return `${collection}/${id}`;
}

export function parseFqid(value: string): { collection: string; id: number } | undefined {
  const match = FQID_PATTERN.exec(value);
  return match ? { collection: match[1]!, id: Number(match[2]) } : undefined;
}

export function parseFqfield(value: string): { collection: string; id: number; field: string } | undefined {
  const match = FQFIELD_PATTERN.exec(value);
  return match ? { collection: match[1]!, id: Number(match[2]), field: match[3]! } : undefined;
}
