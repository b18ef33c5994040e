// JSON schemas of action data items, built from the model fields' payload schemas (generated
// registry) like upstream's DefaultSchema.
import { fieldMeta, type FieldMeta } from "./model-meta.js";
import type { JsonSchema } from "./types.js";
import { FQID_PATTERN } from "../../meta/field-schema.js";

export { FQID_PATTERN };
export const SCHEMA_VERSION = "http://json-schema.org/draft-07/schema#";

export const requiredIdSchema: JsonSchema = { type: "integer", minimum: 1 };
export const optionalIdSchema: JsonSchema = { type: ["integer", "null"], minimum: 1 };
export const idListSchema: JsonSchema = { type: "array", uniqueItems: true, items: requiredIdSchema };
export const requiredFqidSchema: JsonSchema = { type: "string", pattern: FQID_PATTERN, minLength: 1 };
export const fqidListSchema: JsonSchema = { type: "array", uniqueItems: true, items: requiredFqidSchema };
/** Upstream's str_list_schema: distinct, non-empty strings. */
export const stringListSchema: JsonSchema = { type: "array", uniqueItems: true, items: { type: "string", minLength: 1 } };

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
    ...(title === null ? {} : { title }),
    ...(description === null ? {} : { description }),
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

/** The JSON schema of one model field (spec action-service 5.1), from the generated registry. */
export function fieldSchema(field: FieldMeta): JsonSchema {
  return structuredClone(field.schema);
}
