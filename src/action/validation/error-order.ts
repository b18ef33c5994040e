// Which of several schema violations upstream reports.
//
// Upstream (fastjsonschema) stops at the first violation in its own evaluation order: depth
// first; at each schema node the keywords in a fixed order (type, enum, ..., required,
// properties, patternProperties, additionalProperties, ...); properties in the order the schema
// lists them, array items by index. ajv reports all violations (allErrors) in another order, so
// we rank them by that evaluation order and take the first.
import type { ErrorObject } from "ajv";

type Schema = Record<string, unknown>;

const KEYWORD_ORDER = [
  "type", "enum", "allOf", "anyOf", "oneOf", "not", "minLength", "maxLength", "pattern", "format",
  "minimum", "maximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "items",
  "minProperties", "maxProperties", "required", "dependencies", "properties", "patternProperties",
  "additionalProperties", "exclusiveMinimum", "exclusiveMaximum", "propertyNames", "contains",
  "const", "if", "contentEncoding", "contentMediaType",
];

function rank(keyword: string): number {
  const index = KEYWORD_ORDER.indexOf(keyword);
  return index < 0 ? KEYWORD_ORDER.length : index;
}

const isSchema = (value: unknown): value is Schema => typeof value === "object" && value !== null && !Array.isArray(value);

export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** Follows local references ("#/definitions/x", or an $id given inside the same document). */
export class SchemaWalker {
  private readonly ids = new Map<string, Schema>();

  constructor(private readonly root: Schema) {
    this.indexIds(root);
  }

  private indexIds(node: unknown): void {
    if (Array.isArray(node)) node.forEach((item) => this.indexIds(item));
    if (!isSchema(node)) return;
    if (typeof node.$id === "string") this.ids.set(node.$id, node);
    for (const value of Object.values(node)) this.indexIds(value);
  }

  resolve(node: unknown): Schema | undefined {
    let current = node;
    for (let depth = 0; isSchema(current) && typeof current.$ref === "string" && depth < 32; depth++) {
      const ref = current.$ref;
      if (ref.startsWith("#")) {
        current = pointerSegments(decodeURIComponent(ref.slice(1))).reduce<unknown>((at, segment) => (isSchema(at) || Array.isArray(at) ? (at as Schema)[segment] : undefined), this.root);
      } else {
        current = this.ids.get(ref);
      }
    }
    return isSchema(current) ? current : undefined;
  }

  /**
   * The evaluation-order key of a violation: per level of the instance path the keyword that
   * descends into the child and the child's position, then the failing keyword.
   */
  orderKey(error: ErrorObject, data: unknown): number[] {
    const key: number[] = [];
    let schema = this.resolve(this.root);
    let value = data;
    for (const segment of pointerSegments(error.instancePath)) {
      if (Array.isArray(value)) {
        key.push(rank("items"), Number(segment));
        schema = this.resolve(schema?.items);
      } else if (isSchema(value)) {
        const properties = isSchema(schema?.properties) ? schema.properties : {};
        const patterns = isSchema(schema?.patternProperties) ? Object.keys(schema.patternProperties) : [];
        const matching = patterns.findIndex((pattern) => new RegExp(pattern, "u").test(segment));
        if (Object.hasOwn(properties, segment)) {
          key.push(rank("properties"), Object.keys(properties).indexOf(segment));
          schema = this.resolve(properties[segment]);
        } else if (matching >= 0) {
          key.push(rank("patternProperties"), Object.keys(value).indexOf(segment), matching);
          schema = this.resolve((schema!.patternProperties as Schema)[patterns[matching]!]);
        } else {
          key.push(rank("additionalProperties"), Object.keys(value).indexOf(segment));
          schema = this.resolve(schema?.additionalProperties);
        }
      } else {
        break;
      }
      value = (value as Record<string, unknown>)[segment];
    }
    key.push(rank(error.keyword));
    return key;
  }
}

export function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** Violations inside a combinator's branches: upstream reports only the combinator itself. */
const BRANCH_SEGMENT = /\/(anyOf|oneOf|not|propertyNames|contains)\//;

/** The violation upstream would report first, or undefined. */
export function firstViolation(errors: readonly ErrorObject[], walker: SchemaWalker, data: unknown): ErrorObject | undefined {
  const relevant = errors.filter((error) => error.keyword !== "if" && !BRANCH_SEGMENT.test(error.schemaPath));
  let best: ErrorObject | undefined;
  let bestKey: number[] = [];
  for (const error of relevant.length > 0 ? relevant : errors) {
    const key = walker.orderKey(error, data);
    if (!best || compareKeys(key, bestKey) < 0) [best, bestKey] = [error, key];
  }
  return best;
}
