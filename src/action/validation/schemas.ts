// Action data-item schemas (spec action-service 5.1): common fragments and the builders of
// upstream's DefaultSchema (create / update / delete / sort), with model fields' schemas taken
// from the generated registry. Property order matters: it decides which violation is reported.
import { getField } from "../../meta/registry.js";
import { COLOR_PATTERN, DECIMAL_PATTERN, FQID_PATTERN } from "../../meta/field-schema.js";
import type { JsonSchema } from "./validator.js";

export { COLOR_PATTERN, DECIMAL_PATTERN, FQID_PATTERN };
export const SCHEMA_VERSION = "http://json-schema.org/draft-07/schema#";

export const POSITIVE_NUMBER_PATTERN = "^(0|[1-9][0-9]*)$";

export const requiredIdSchema: JsonSchema = { type: "integer", minimum: 1 };
export const optionalIdSchema: JsonSchema = { type: ["integer", "null"], minimum: 1 };
export const requiredFqidSchema: JsonSchema = { type: "string", pattern: FQID_PATTERN, minLength: 1 };
export const optionalFqidSchema: JsonSchema = { type: ["string", "null"], pattern: FQID_PATTERN, minLength: 1 };
export const requiredStringSchema: JsonSchema = { type: ["string"], minLength: 1 };
export const optionalStringSchema: JsonSchema = { type: ["string", "null"], minLength: 1 };
export const idListSchema: JsonSchema = { type: "array", uniqueItems: true, items: requiredIdSchema };
export const fqidListSchema: JsonSchema = { type: "array", uniqueItems: true, items: requiredFqidSchema };
export const stringListSchema: JsonSchema = { type: "array", uniqueItems: true, items: requiredStringSchema };
export const optionalStringListSchema: JsonSchema = { type: "array", uniqueItems: true, items: optionalStringSchema };
export const decimalSchema: JsonSchema = { type: "string", pattern: DECIMAL_PATTERN };
/** An object mapping ids ("0", "1", ...) to strings, e.g. motion amendment paragraphs. */
export const numberStringJsonSchema: JsonSchema = {
  type: "object",
  patternProperties: { [POSITIVE_NUMBER_PATTERN]: { type: "string" } },
  additionalProperties: false,
};

/** The payload schema of a model field; throws for unknown fields and read-only fields (a coding error, as upstream). */
export function modelFieldSchema(collection: string, field: string): JsonSchema {
  const definition = getField(collection, field);
  if (!definition) throw new Error(`Model ${collection} has no field ${field}.`);
  if (definition.readOnly) throw new Error(`The field ${field} is read_only and cannot be used in a payload schema.`);
  return structuredClone(definition.schema);
}

export interface ItemSchemaFields {
  /** Model fields that must be given. */
  required?: readonly string[];
  /** Model fields that may be given. */
  optional?: readonly string[];
  /** Non-model properties that must be given. */
  additionalRequired?: Record<string, JsonSchema>;
  /** Non-model properties that may be given. */
  additionalOptional?: Record<string, JsonSchema>;
}

/** upstream's verbose model name in schema titles: "agenda item". */
const verboseName = (collection: string) => collection.replaceAll("_", " ");

/** DefaultSchema.get_default_schema: model fields, then extra properties; nothing else allowed. */
export function itemSchema(collection: string, fields: ItemSchemaFields, title: string | null = null, description: string | null = null): JsonSchema {
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

export function createSchema(collection: string, fields: ItemSchemaFields = {}): JsonSchema {
  return itemSchema(collection, fields, `Create schema for single ${verboseName(collection)}`, `A new ${verboseName(collection)} object.`);
}

/** `id` comes first and is required in addition to the given fields. */
export function updateSchema(collection: string, fields: ItemSchemaFields = {}): JsonSchema {
  return itemSchema(
    collection,
    { ...fields, required: ["id", ...(fields.required ?? [])] },
    `Update schema for single ${verboseName(collection)}`,
    `An instance of ${verboseName(collection)} to be (partially) updated.`,
  );
}

export function deleteSchema(collection: string): JsonSchema {
  return itemSchema(collection, { required: ["id"] }, `Delete schema for single ${verboseName(collection)}`, `An instance of ${verboseName(collection)} to be deleted.`);
}

/** `{<main field>, <ids field>: [unique ids]}`: the ids in their new order. */
export function linearSortSchema(collection: string, idsField: string, mainField = "meeting_id"): JsonSchema {
  return itemSchema(collection, { required: [mainField], additionalRequired: { [idsField]: idListSchema } }, `Sort ${verboseName(collection)} schema`);
}

/** A node of a sort tree: `{id, children?: [node, ...]}` (a local definition instead of upstream's draft-04 `id`). */
const treeSortNodeSchema: JsonSchema = {
  title: "Sort node schema",
  description: "A node inside a sort tree.",
  type: "object",
  properties: {
    id: requiredIdSchema,
    children: { type: "array", items: { type: "object", $ref: "#/definitions/tree_sort_node" }, minItems: 1, uniqueItems: true },
  },
  required: ["id"],
  additionalProperties: false,
};

/** `{meeting_id, tree: [{id, children?}, ...]}`: every model of the meeting in a nested order. */
export function treeSortSchema(collection: string): JsonSchema {
  const name = verboseName(collection);
  const schema = itemSchema(
    collection,
    {
      required: ["meeting_id"],
      additionalRequired: {
        tree: {
          description:
            `An array of ${name} ids to be sorted. The array should contain all root objects of a meeting. ` +
            "Each node is a dictionary with an id and optional children. In the end all objects of a meeting must appear.",
          type: "array",
          items: { $ref: "#/definitions/tree_sort_node" },
          minItems: 1,
          uniqueItems: true,
        },
      },
    },
    `Sort ${name} schema`,
    `Nested array of ${name} objects to be sorted in the given meeting.`,
  );
  return { ...schema, definitions: { tree_sort_node: treeSortNodeSchema } };
}
