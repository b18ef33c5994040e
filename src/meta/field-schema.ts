// The JSON schema of one model field in action payloads, built from its YAML definition with
// the rules of upstream's backend field classes (openslides_backend/models/fields.py): the same
// keywords, values and key order, so payload schemas (and /system/action/info) match upstream.
import type { SourceField } from "./source.js";
import { enumTypeName } from "./sql/names.js";

export type JsonSchema = Record<string, unknown>;

// The identifier patterns of upstream (openslides-backend shared/patterns.py), rewritten so that
// no two quantifiers compete for the same characters: upstream's `[a-z_]+[a-z]+` and
// `[a-z0-9_]*\$?[a-z0-9_]*` backtrack quadratically on a long non-matching string. Each
// rewrite accepts exactly the strings upstream's pattern accepts (also upstream's quirk that a
// collection name has one or at least three letters).
export const COLLECTION_PATTERN = "^[a-z](?:[a-z_]+[a-z])?$";
export const ID_PATTERN = "^[1-9][0-9]*$";
export const FIELD_PATTERN = "^[a-z][a-z0-9_]*(?:\\$[a-z0-9_]*)?$";
export const FQID_PATTERN = "^[a-z](?:[a-z_]+[a-z])?/[1-9][0-9]*$";
export const FQFIELD_PATTERN = "^[a-z](?:[a-z_]+[a-z])?/[1-9][0-9]*/[a-z][a-z0-9_]*(?:\\$[a-z0-9_]*)?$";
/** Upstream's text of each rewritten pattern: error messages quote it, as upstream's do. */
const UPSTREAM_PATTERN_TEXT: ReadonlyMap<string, string> = new Map([
  [COLLECTION_PATTERN, "^[a-z](?:[a-z_]+[a-z]+)?$"],
  [FIELD_PATTERN, "^[a-z][a-z0-9_]*\\$?[a-z0-9_]*$"],
  [FQID_PATTERN, "^[a-z](?:[a-z_]+[a-z]+)?/[1-9][0-9]*$"],
  [FQFIELD_PATTERN, "^[a-z](?:[a-z_]+[a-z]+)?/[1-9][0-9]*/[a-z][a-z0-9_]*\\$?[a-z0-9_]*$"],
]);

/** The pattern as upstream writes it (the same language; ours cannot backtrack). */
export function upstreamPatternText(pattern: string): string {
  return UPSTREAM_PATTERN_TEXT.get(pattern) ?? pattern;
}

export const DECIMAL_PATTERN = "^-?(\\d|[1-9]\\d+)(\\.\\d{1,6})?$";
export const COLOR_PATTERN = "^#[0-9a-fA-F]{6}$";

/**
 * Keywords upstream leaves in field schemas that validate nothing (model metadata). Validators
 * that run in strict mode must declare them (ajv: `keywords: SCHEMA_ANNOTATION_KEYWORDS`).
 */
export const SCHEMA_ANNOTATION_KEYWORDS = ["sequence_scope", "enum_name"] as const;

/**
 * YAML keys that are not copied into the schema: the ones upstream's models generator consumes
 * itself or skips as database metadata. Everything else (enum, minimum, maxLength, description,
 * sequence_scope, ...) becomes a schema keyword, in YAML order.
 */
const NON_CONSTRAINT_KEYS = new Set([
  "type", "to", "on_delete", "required", "unique", "read_only", "constant", "default",
  "items", "restriction_mode", "reference", "sql", "deferred", "equal_fields", "log_triggers",
  // not in upstream's models at all (produced by other services)
  "calculated",
]);

const idSchema = (): JsonSchema => ({ type: "integer", minimum: 1 });
const fqidSchema = (): JsonSchema => ({ type: "string", pattern: FQID_PATTERN, minLength: 1 });

function constraintsOf(field: SourceField): JsonSchema {
  const required = Boolean(field.raw.required);
  const constraints: JsonSchema = {};
  for (const [key, value] of Object.entries(field.raw)) {
    if (NON_CONSTRAINT_KEYS.has(key)) continue;
    // upstream reads constant_legacy only when constant is not set; then it is not a constraint
    if (key === "constant_legacy" && !field.raw.constant) continue;
    constraints[key] = structuredClone(value);
  }
  if (!required && Array.isArray(constraints.enum)) constraints.enum = [...constraints.enum, null];
  return constraints;
}

/** Keeps existing keys in place and appends new ones, like Python's dict.update. */
const extend = (schema: JsonSchema, extra: JsonSchema): JsonSchema => Object.assign(schema, extra);

function textSchema(constraints: JsonSchema, required: boolean): JsonSchema {
  return required ? extend(constraints, { type: "string", minLength: 1 }) : extend(constraints, { type: ["string", "null"] });
}

function arrayItems(field: SourceField, collection: string, enumDefinitions: Record<string, string[]>): JsonSchema {
  const items: JsonSchema = field.type === "number[]" ? { type: "integer" } : field.type === "string[]" ? { type: "string", maxLength: 256 } : { type: "string" };
  const itemsEnum = (field.raw.items as { enum?: unknown } | undefined)?.enum;
  if (itemsEnum !== undefined && field.type !== "number[]") {
    const shared = typeof itemsEnum === "string";
    const values = shared ? enumDefinitions[itemsEnum] : itemsEnum;
    if (!Array.isArray(values)) throw new Error(`${collection}/${field.name}: unknown items enum ${String(itemsEnum)}`);
    items.enum = [...values];
    items.enum_name = `${enumTypeName(shared ? itemsEnum : `${collection}_${field.name}`)}[]`;
  }
  return items;
}

/** The payload schema of `collection/field`, as upstream's Field.get_schema() returns it. */
export function buildFieldSchema(collection: string, field: SourceField, enumDefinitions: Record<string, string[]> = {}): JsonSchema {
  const required = Boolean(field.raw.required);
  const schema = constraintsOf(field);
  switch (field.type) {
    case "number":
    case "timestamp":
      return extend(schema, { type: required ? "integer" : ["integer", "null"] });
    case "float":
      return extend(schema, { type: required ? "number" : ["number", "null"] });
    case "boolean":
      return extend(schema, { type: required ? ["boolean", "string", "integer"] : ["boolean", "string", "integer", "null"] });
    case "text":
    case "timezone":
      return textSchema(schema, required);
    case "string": {
      const text = textSchema(schema, required);
      if (text.maxLength === undefined) text.maxLength = 256;
      return text;
    }
    case "HTMLStrict":
    case "HTMLPermissive":
      return extend(schema, { type: required ? "string" : ["string", "null"] });
    case "color":
      return extend(textSchema(schema, required), { pattern: COLOR_PATTERN });
    case "JSON":
      return extend(schema, { type: required ? ["object", "array"] : ["object", "array", "null"] });
    case "decimal(6)": {
      // minimum/maximum are compared as decimals by the action layer, not by the schema
      const decimal = extend(schema, { type: required ? "string" : ["string", "null"], pattern: DECIMAL_PATTERN });
      delete decimal.minimum;
      delete decimal.maximum;
      return decimal;
    }
    case "string[]":
    case "text[]":
    case "number[]": {
      const array = required ? extend(schema, { type: "array", default: [] }) : extend(schema, { type: ["array", "null"] });
      return extend(array, { items: arrayItems(field, collection, enumDefinitions) });
    }
    case "relation": {
      const relation = extend(schema, idSchema());
      if (!required) relation.type = ["integer", "null"];
      // upstream's OrganizationField: only organization 1 exists
      if (field.name === "organization_id") relation.enum = [1];
      return relation;
    }
    case "relation-list": {
      const list = extend(schema, { type: "array", uniqueItems: true, items: idSchema() });
      if (!required) list.type = ["array", "null"];
      return list;
    }
    case "generic-relation": {
      const generic = extend(schema, fqidSchema());
      if (!required) generic.type = ["string", "null"];
      return generic;
    }
    case "generic-relation-list":
      return extend(schema, { type: "array", uniqueItems: true, items: fqidSchema() });
    default:
      throw new Error(`${collection}/${field.name}: unknown field type ${field.type}`);
  }
}
