// The framework's door to payload validation: compiled JSON schemas with upstream's message
// texts, field coercion (3.9) and per-field schemas for the write-request check.
//
// INTEGRATION POINT: the permissions/validation developer provides src/action/validation/*
// (ajv with upstream messages, field schemas) and src/action/html.ts. Until they land this file
// carries a small stand-in with the same signatures; replace the bodies, keep the signatures.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { ActionError, pythonList } from "../errors.js";
import type { FieldMeta } from "./model-meta.js";
import { fieldMeta } from "./model-meta.js";
import { fieldSchema } from "./schemas.js";
import type { Instance, JsonSchema } from "./types.js";

export type Validator = (value: unknown) => string | undefined;

const ajv = new Ajv({ strict: false, allErrors: false, verbose: true });

export function compileValidator(schema: JsonSchema): Validator {
  const validate: ValidateFunction = ajv.compile(schema);
  return (value) => (validate(value) ? undefined : formatError(validate.errors?.[0], value, schema));
}

function formatError(error: ErrorObject | undefined, root: unknown, rootSchema: JsonSchema): string {
  if (!error) return "data is invalid";
  const path = "data" + error.instancePath.split("/").slice(1).map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`)).join("");
  const params = error.params as Record<string, unknown>;
  const here = valueAt(root, error.instancePath);
  const schema = (error.parentSchema ?? rootSchema) as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const required = (schema.required as string[]) ?? [];
      const missing = required.filter((key) => !(here && typeof here === "object" && key in here)).sort();
      return `${path} must contain ${pythonList(missing)} properties`;
    }
    case "additionalProperties": {
      const known = Object.keys((schema.properties as object) ?? {});
      const extra = Object.keys(here as object).filter((key) => !known.includes(key));
      return `${path} must not contain {${extra.map((key) => `'${key}'`).join(", ")}} properties`;
    }
    case "type": {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type];
      return `${path} must be ${types.join(" or ")}`;
    }
    case "minLength":
      return `${path} must be longer than or equal to ${params.limit} characters`;
    case "maxLength":
      return `${path} must be shorter than or equal to ${params.limit} characters`;
    case "minimum":
      return `${path} must be bigger than or equal to ${params.limit}`;
    case "maximum":
      return `${path} must be smaller than or equal to ${params.limit}`;
    case "pattern":
      return `${path} must match pattern ${params.pattern}`;
    case "enum":
      return `${path} must be one of ${pythonRepr(schema.enum)}`;
    case "uniqueItems":
      return `${path} must contain unique items`;
    case "minItems":
      return `${path} must contain at least ${params.limit} items`;
    case "maxItems":
      return `${path} must contain less than or equal to ${params.limit} items`;
    default:
      return `${path} ${error.message ?? "is invalid"}`;
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const part of pointer.split("/").slice(1)) value = (value as Record<string, unknown> | undefined)?.[part];
  return value;
}

function pythonRepr(value: unknown): string {
  if (value === null) return "None";
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}

const TRUE_VALUES = ["1", "true", "yes", "t", "y"];
const FALSE_VALUES = ["0", "false", "no", "f", "n"];

/** Coerces and sanitises every key of the item that is a field of the collection (spec 3.9). */
export function validateModelFields(collection: string, item: Instance): Instance {
  for (const [name, value] of Object.entries(item)) {
    const field = fieldMeta(collection, name);
    if (!field) continue;
    item[name] = coerceField(field, value);
  }
  return item;
}

function coerceField(field: FieldMeta, value: unknown): unknown {
  if (field.type === "boolean") {
    if (typeof value === "boolean" || value === null) return value;
    if (typeof value === "string" && TRUE_VALUES.includes(value.toLowerCase())) return true;
    if (typeof value === "string" && FALSE_VALUES.includes(value.toLowerCase())) return false;
    if (value === 0 || value === 1) return value === 1;
    throw new ActionError(`Could not parse ${pythonRepr(value)}, expect boolean`);
  }
  return value;
}

const fieldValidators = new Map<string, Validator>();

/** Checks a value about to be written against its field schema; the message without prefix. */
export function fieldValueError(field: FieldMeta, value: unknown): string | undefined {
  const key = `${field.collection}/${field.name}`;
  let validator = fieldValidators.get(key);
  if (!validator) fieldValidators.set(key, (validator = compileValidator(fieldSchema(field))));
  return validator(value);
}
