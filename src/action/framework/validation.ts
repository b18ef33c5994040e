// The framework's door to payload validation (src/action/validation): compiled JSON schemas with
// upstream's message texts, field coercion and HTML sanitising (spec 3.9), and the per-field
// schema check of the final write request.
import { compileSchema, fieldSchemaError, sanitizeLongHtmlFields, validateModelFields as validateFields } from "../validation/index.js";
import { getField } from "../../meta/registry.js";
import type { FieldMeta } from "./model-meta.js";
import type { Instance, JsonSchema } from "./types.js";

export type Validator = (value: unknown) => string | undefined;

export function compileValidator(schema: JsonSchema): Validator {
  return compileSchema(schema as Record<string, unknown>);
}

/** Coerces and sanitises every key of the item that is a field of the collection, in place (long HTML values off the event loop). */
export async function validateModelFields(collection: string, item: Instance): Promise<Instance> {
  const sanitized = await sanitizeLongHtmlFields(collection, item);
  return validateFields(collection, item, sanitized) as Instance;
}

/** Checks a value about to be written against its field schema; the message without prefix. */
export function fieldValueError(field: FieldMeta, value: unknown): string | undefined {
  // Actions store times with their fraction (shared/clock.ts), as upstream stores datetimes.
  if (field.type === "timestamp" && typeof value === "number" && Number.isFinite(value) && value >= 0) return undefined;
  const definition = getField(field.collection, field.name);
  return definition ? fieldSchemaError(definition, value) : undefined;
}
