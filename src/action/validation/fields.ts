// Field validation and coercion that runs after the schema check and before the permission
// check (spec action-service 3.9): booleans given as strings or 0/1, decimal bounds, HTML
// sanitising, generic relations. Errors are 400 ActionErrors with upstream's texts.
import { ActionError } from "../errors.js";
import { getField, type FieldDefinition } from "../../meta/registry.js";
import { sanitizeHtml } from "../html.js";
import { OFF_THREAD_MIN_LENGTH, sanitizeHtmlOffThread } from "../html-off-thread.js";
import { pythonStr } from "./python-repr.js";
import { compileSchema, type SchemaValidator } from "./validator.js";

const TRUE_VALUES = ["1", "true", "yes", "t", "y"];
const FALSE_VALUES = ["0", "false", "no", "f", "n"];

/** true/false, "yes"/"no"/"t"/"f"/... (any case), 0/1 and null; anything else: `Could not parse <value>, expect boolean`. */
export function coerceBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean" || value === null) return value;
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    if (TRUE_VALUES.includes(lower)) return true;
    if (FALSE_VALUES.includes(lower)) return false;
  }
  if (value === 0 || value === 1) return value === 1;
  throw new ActionError(`Could not parse ${pythonStr(value)}, expect boolean`);
}

/** A decimal as an exact fraction: digits and a power-of-ten scale (value = digits / 10^scale). */
interface ExactDecimal {
  digits: bigint;
  scale: number;
}

/** What Python's Decimal() accepts of finite numbers: optional sign, digits with an optional point, optional exponent, surrounding whitespace. */
const DECIMAL_SYNTAX = /^\s*([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?\s*$/;

export function parseDecimal(text: string): ExactDecimal | undefined {
  const match = DECIMAL_SYNTAX.exec(text);
  if (!match) return undefined;
  const [, sign, number, exponent] = match as unknown as [string, string, string, string | undefined];
  const [whole, fraction = ""] = number.split(".") as [string, string?];
  let digits = BigInt(`${whole || "0"}${fraction}`);
  let scale = fraction.length - Number(exponent ?? 0);
  if (scale < 0) {
    digits *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { digits: sign === "-" ? -digits : digits, scale };
}

export function compareDecimals(a: ExactDecimal, b: ExactDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const left = a.digits * 10n ** BigInt(scale - a.scale);
  const right = b.digits * 10n ** BigInt(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * upstream DecimalField.validate: with a minimum or maximum in the model, the value must be a
 * number within them (`<field> must be bigger than or equal to <min>.`). Like upstream, a bound
 * of 0 is not checked.
 */
export function checkDecimal(fieldName: string, value: unknown, minimum?: unknown, maximum?: unknown): unknown {
  const bounded = (bound: unknown) => bound !== undefined && bound !== null && bound !== 0 && bound !== "";
  if (value === null || value === undefined || (!bounded(minimum) && !bounded(maximum))) return value;
  const parsed = typeof value === "string" ? parseDecimal(value) : undefined;
  if (!parsed) throw new ActionError(`${fieldName}: value '${pythonStr(value)}' couldn't be converted to decimal.`);
  if (bounded(minimum) && compareDecimals(parsed, parseDecimal(String(minimum))!) < 0) {
    throw new ActionError(`${fieldName} must be bigger than or equal to ${String(minimum)}.`);
  }
  if (bounded(maximum) && compareDecimals(parsed, parseDecimal(String(maximum))!) > 0) {
    throw new ActionError(`${fieldName} must be smaller than or equal to ${String(maximum)}.`);
  }
  return value;
}

/** The value as it is stored: coerced, sanitised or checked per field type (upstream Field.validate). */
export function validateFieldValue(field: FieldDefinition, value: unknown): unknown {
  switch (field.type) {
    case "boolean":
      return coerceBoolean(value);
    case "decimal(6)":
      return checkDecimal(field.name, value, field.minimum, field.maximum);
    case "HTMLStrict":
    case "HTMLPermissive":
      return typeof value === "string" ? sanitizeHtml(value, field.type === "HTMLPermissive" ? "permissive" : "strict") : value;
    case "generic-relation":
      // upstream asserts without a message
      if (Array.isArray(value)) throw new ActionError("");
      return value;
    case "generic-relation-list":
      if (value !== null && value !== undefined && !Array.isArray(value)) throw new ActionError("assert list-failure");
      return value;
    default:
      return value;
  }
}

/**
 * Validates every key of the item that is a field of the collection, in place; other keys are
 * left alone, and so are the `sanitized` ones (HTML already sanitised by sanitizeLongHtmlFields).
 */
export function validateModelFields(collection: string, item: Record<string, unknown>, sanitized?: ReadonlySet<string>): Record<string, unknown> {
  for (const [name, value] of Object.entries(item)) {
    if (sanitized?.has(name)) continue;
    const field = getField(collection, name);
    if (field) item[name] = validateFieldValue(field, value);
  }
  return item;
}

/** Sanitises the item's long HTML values in place, off the event loop; returns their field names. */
export async function sanitizeLongHtmlFields(collection: string, item: Record<string, unknown>): Promise<Set<string>> {
  const sanitized = new Set<string>();
  for (const [name, value] of Object.entries(item)) {
    if (typeof value !== "string" || value.length < OFF_THREAD_MIN_LENGTH) continue;
    const field = getField(collection, name);
    if (field?.type !== "HTMLStrict" && field?.type !== "HTMLPermissive") continue;
    item[name] = await sanitizeHtmlOffThread(value, field.type === "HTMLPermissive" ? "permissive" : "strict");
    sanitized.add(name);
  }
  return sanitized;
}

const fieldValidators = new Map<string, SchemaValidator>();

/**
 * Checks a value about to be written against its field's schema (write-request validation);
 * returns the bare message (`data must be string`), which upstream wraps as
 * `Invalid data for <fqid>/<field>: <message>`.
 */
export function fieldSchemaError(field: FieldDefinition, value: unknown): string | undefined {
  const key = `${field.collection}/${field.name}`;
  let validator = fieldValidators.get(key);
  if (!validator) fieldValidators.set(key, (validator = compileSchema(field.schema)));
  return validator(value);
}
