// Upstream's (fastjsonschema's) text for one schema violation reported by ajv (spec
// action-service 5.2): `data.title must be string`, `data must contain ['title'] properties`, ...
import type { ErrorObject } from "ajv";
import { upstreamPatternText } from "../../meta/field-schema.js";
import { boundedPattern } from "./bounded-pattern.js";
import { pointerSegments } from "./error-order.js";
import { pythonNumberRepr, pythonRepr, pythonSetRepr, pythonStr } from "./python-repr.js";

type Schema = Record<string, unknown>;

/** `data`, `data.title`, `data.tree[0].children[1]`: upstream's name of the value at an instance path. */
export function valueName(instancePath: string, data: unknown): string {
  let name = "data";
  let value = data;
  for (const segment of pointerSegments(instancePath)) {
    name += Array.isArray(value) ? `[${segment}]` : `.${segment}`;
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return name;
}

const limit = (error: ErrorObject): string => (typeof error.schema === "number" ? pythonNumberRepr(error.schema) : pythonStr(error.schema));

function keysOf(value: unknown): string[] {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
}

function missingProperties(error: ErrorObject): string[] {
  const required = Array.isArray(error.schema) ? (error.schema as string[]) : [];
  const present = new Set(keysOf(error.data));
  // Python sorts str by code point, as does comparing UTF-16 units for the usual names.
  return [...new Set(required.filter((name) => !present.has(name)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function additionalProperties(error: ErrorObject): string[] {
  const parent = (error.parentSchema ?? {}) as Schema;
  const properties = (parent.properties ?? {}) as Schema;
  const patterns = Object.keys((parent.patternProperties ?? {}) as Schema).map((pattern) => boundedPattern(pattern));
  return keysOf(error.data).filter((key) => !Object.hasOwn(properties, key) && !patterns.some((pattern) => pattern.test(key)));
}

function typeNames(error: ErrorObject): string {
  const types = Array.isArray(error.schema) ? error.schema : [error.schema];
  return types.map(String).join(" or ");
}

/** The message without the `Action <name>: ` prefix. */
export function violationMessage(error: ErrorObject, data: unknown): string {
  const name = valueName(error.instancePath, data);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "type":
      return `${name} must be ${typeNames(error)}`;
    case "enum":
      return `${name} must be one of ${pythonRepr(error.schema)}`;
    case "const":
      return `${name} must be same as const definition: ${pythonStr(error.schema)}`;
    case "anyOf":
      return `${name} cannot be validated by any definition`;
    case "oneOf": {
      const passing = params.passingSchemas;
      return `${name} must be valid exactly by one definition (${Array.isArray(passing) ? passing.length : 0} matches found)`;
    }
    case "not":
      return `${name} must NOT match a disallowed definition`;
    case "false schema":
      return `${name} must not be there`;
    case "minLength":
      return `${name} must be longer than or equal to ${limit(error)} characters`;
    case "maxLength":
      return `${name} must be shorter than or equal to ${limit(error)} characters`;
    case "pattern":
      return `${name} must match pattern ${upstreamPatternText(String(error.schema))}`;
    case "format":
      return `${name} must be ${String(error.schema)}`;
    case "minimum":
      return `${name} must be bigger than or equal to ${limit(error)}`;
    case "maximum":
      return `${name} must be smaller than or equal to ${limit(error)}`;
    case "exclusiveMinimum":
      return `${name} must be bigger than ${limit(error)}`;
    case "exclusiveMaximum":
      return `${name} must be smaller than ${limit(error)}`;
    case "multipleOf":
      return `${name} must be multiple of ${limit(error)}`;
    case "minItems":
      return `${name} must contain at least ${limit(error)} items`;
    case "maxItems":
      return `${name} must contain less than or equal to ${limit(error)} items`;
    case "uniqueItems":
      return `${name} must contain unique items`;
    case "minProperties":
      return `${name} must contain at least ${limit(error)} properties`;
    case "maxProperties":
      return `${name} must contain less than or equal to ${limit(error)} properties`;
    case "required":
      return `${name} must contain ${pythonRepr(missingProperties(error))} properties`;
    case "additionalProperties":
      return `${name} must not contain ${pythonSetRepr(additionalProperties(error))} properties`;
    case "dependencies":
      return `${name} missing dependency ${String(params.missingProperty)} for ${String(params.property)}`;
    case "propertyNames":
      return `${name} must be named by propertyName definition`;
    case "contains":
      return `${name} must contain one of contains definition`;
    default:
      return `${name} ${error.message ?? "is invalid"}`;
  }
}
