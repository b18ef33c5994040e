// JSON schemas of action data items, built from the model fields like upstream's DefaultSchema.
//
// INTEGRATION POINT: field schemas and the DefaultSchema-like builders are provided by
// src/meta/field-schema*.ts and src/action/validation/* (permissions/validation developer). Until
// they land, fieldSchema() below derives the same fragments from the models YAML.
import { fieldMeta, type FieldMeta } from "./model-meta.js";
import type { JsonSchema } from "./types.js";

export const SCHEMA_VERSION = "http://json-schema.org/draft-07/schema#";
export const FQID_PATTERN = "^[a-z](?:[a-z_]+[a-z]+)?/[1-9][0-9]*$";
export const DECIMAL_PATTERN = "^-?(\\d|[1-9]\\d+)(\\.\\d{1,6})?$";
export const COLOR_PATTERN = "^#[0-9a-fA-F]{6}$";

export const requiredIdSchema: JsonSchema = { type: "integer", minimum: 1 };
export const optionalIdSchema: JsonSchema = { type: ["integer", "null"], minimum: 1 };
export const idListSchema: JsonSchema = { type: "array", uniqueItems: true, items: requiredIdSchema };
export const requiredFqidSchema: JsonSchema = { type: "string", pattern: FQID_PATTERN, minLength: 1 };
export const fqidListSchema: JsonSchema = { type: "array", uniqueItems: true, items: requiredFqidSchema };

export interface SchemaFields {
  required?: string[];
  optional?: string[];
  /** Non-model properties that must be given. */
  additionalRequired?: Record<string, JsonSchema>;
  /** Non-model properties that may be given. */
  additionalOptional?: Record<string, JsonSchema>;
}

/** Upstream's DefaultSchema.get_default_schema: model field schemas plus extra properties, no other keys. */
export function itemSchema(collection: string, fields: SchemaFields, title: string | null = null, description: string | null = null): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of [...(fields.required ?? []), ...(fields.optional ?? [])]) properties[name] = modelFieldSchema(collection, name);
  Object.assign(properties, fields.additionalRequired ?? {}, fields.additionalOptional ?? {});
  return {
    $schema: SCHEMA_VERSION,
    title,
    description,
    type: "object",
    properties,
    required: [...(fields.required ?? []), ...Object.keys(fields.additionalRequired ?? {})],
    additionalProperties: false,
  };
}

export function createSchema(collection: string, fields: SchemaFields): JsonSchema {
  return itemSchema(collection, fields, `Create schema for single ${collection}`, `A new ${collection} object.`);
}

/** `id` is required in addition to the given fields. */
export function updateSchema(collection: string, fields: SchemaFields): JsonSchema {
  return itemSchema(
    collection,
    { ...fields, required: ["id", ...(fields.required ?? [])] },
    `Update schema for single ${collection}`,
    `An instance of ${collection} to be (partially) updated.`,
  );
}

export function deleteSchema(collection: string): JsonSchema {
  return itemSchema(collection, { required: ["id"] }, `Delete schema for single ${collection}`, `An instance of ${collection} to be deleted.`);
}

export function modelFieldSchema(collection: string, name: string): JsonSchema {
  const field = fieldMeta(collection, name);
  if (!field) throw new Error(`schema of unknown field ${collection}/${name}`);
  return fieldSchema(field);
}

const CONSTRAINT_KEYS = ["enum", "minimum", "maximum", "minLength", "maxLength", "description"];

/** The JSON schema of one model field (spec action-service 5.1). */
export function fieldSchema(field: FieldMeta): JsonSchema {
  const constraints: JsonSchema = {};
  for (const key of CONSTRAINT_KEYS) if (field.raw[key] !== undefined) constraints[key] = structuredClone(field.raw[key]);
  if (Array.isArray(constraints.enum) && !field.required) constraints.enum = [...(constraints.enum as unknown[]), null];
  const typed = (type: string | string[]) => ({ ...constraints, type: field.required ? type : [...[type].flat(), "null"] });
  switch (field.type) {
    case "string":
      return { ...typed("string"), ...(field.required ? { minLength: 1 } : {}), maxLength: constraints.maxLength ?? 256 };
    case "text":
    case "timezone":
      return { ...typed("string"), ...(field.required ? { minLength: 1 } : {}) };
    case "HTMLStrict":
    case "HTMLPermissive":
      return typed("string");
    case "color":
      return { ...typed("string"), ...(field.required ? { minLength: 1 } : {}), pattern: COLOR_PATTERN };
    case "number":
    case "timestamp":
      return typed("integer");
    case "float":
      return typed("number");
    case "decimal(6)":
    case "decimal": {
      const { minimum: _min, maximum: _max, ...rest } = constraints;
      return { ...rest, type: field.required ? "string" : ["string", "null"], pattern: DECIMAL_PATTERN };
    }
    case "boolean":
      return typed(["boolean", "string", "integer"]);
    case "JSON":
      return typed(["object", "array"]);
    case "string[]":
    case "text[]":
    case "number[]": {
      const items: JsonSchema = { type: field.type === "number[]" ? "integer" : "string" };
      if (field.type === "string[]") items.maxLength = 256;
      const itemConstraints = field.raw.items as Record<string, unknown> | undefined;
      if (itemConstraints?.enum) items.enum = itemConstraints.enum;
      const { enum: _enum, ...rest } = constraints;
      return { ...rest, type: field.required ? "array" : ["array", "null"], items };
    }
    case "relation":
      if (field.name === "organization_id") return { ...constraints, type: "integer", enum: [1] };
      return { ...constraints, ...(field.required ? requiredIdSchema : optionalIdSchema) };
    case "relation-list":
      return { ...constraints, ...idListSchema, type: field.required ? "array" : ["array", "null"] };
    case "generic-relation":
      return { ...constraints, type: field.required ? "string" : ["string", "null"], pattern: FQID_PATTERN, minLength: 1 };
    case "generic-relation-list":
      return { ...constraints, ...fqidListSchema };
    default:
      return { ...constraints };
  }
}
