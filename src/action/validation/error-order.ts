// Which of several schema violations upstream reports.
//
// Upstream (fastjsonschema) stops at the first violation in its own evaluation order: depth
// first; at each schema node the keywords in a fixed order (type, enum, ..., required,
// properties, patternProperties, additionalProperties, ...); properties in the order the schema
// lists them, array items by index. ajv reports all violations (allErrors) in another order, so
// we rank them by that evaluation order and take the first.
import type { ErrorObject } from "ajv";
import { boundedPattern } from "./bounded-pattern.js";

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

  /** The schema nodes and values along an instance path, from the root to the path's end. */
  nodesAlong(instancePath: string, data: unknown): { path: string; schema: Schema | undefined; value: unknown }[] {
    const nodes = [{ path: "", schema: this.resolve(this.root), value: data }];
    let path = "";
    for (const segment of pointerSegments(instancePath)) {
      const { schema, value } = nodes[nodes.length - 1]!;
      if (value === null || typeof value !== "object") break;
      let child: unknown;
      if (Array.isArray(value)) {
        child = schema?.items;
      } else {
        const properties = isSchema(schema?.properties) ? schema.properties : {};
        const patterns = isSchema(schema?.patternProperties) ? schema.patternProperties : {};
        const pattern = Object.keys(patterns).find((candidate) => boundedPattern(candidate).test(segment));
        child = Object.hasOwn(properties, segment) ? properties[segment] : pattern !== undefined ? patterns[pattern] : schema?.additionalProperties;
      }
      path += `/${segment.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      nodes.push({ path, schema: this.resolve(child), value: (value as Record<string, unknown>)[segment] });
    }
    return nodes;
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
        const matching = patterns.findIndex((pattern) => boundedPattern(pattern).test(segment));
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

/** Python's equality of JSON values for uniqueItems (1 == 1.0; True equals "True", as upstream compares str(bool)). */
function uniquenessKey(value: unknown): string {
  if (typeof value === "boolean") return `s:${value ? "True" : "False"}`;
  if (typeof value === "string") return `s:${value}`;
  if (Array.isArray(value)) return `[${value.map(uniquenessKey).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${uniquenessKey((value as Record<string, unknown>)[key])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function hasDuplicates(items: unknown[]): boolean {
  return new Set(items.map(uniquenessKey)).size < items.length;
}

/**
 * ajv skips items of a wrong type when checking uniqueItems (["a", "a"] against unique
 * integers reports only the type); upstream checks uniqueness first. These are the missing
 * uniqueItems violations on the paths of the reported ones.
 */
function missedDuplicates(errors: readonly ErrorObject[], walker: SchemaWalker, data: unknown): ErrorObject[] {
  const reported = new Set(errors.filter((error) => error.keyword === "uniqueItems").map((error) => error.instancePath));
  const missed = new Map<string, ErrorObject>();
  for (const error of errors) {
    for (const node of walker.nodesAlong(error.instancePath, data)) {
      if (node.schema?.uniqueItems !== true || !Array.isArray(node.value) || reported.has(node.path) || missed.has(node.path)) continue;
      if (!hasDuplicates(node.value)) continue;
      missed.set(node.path, {
        keyword: "uniqueItems",
        instancePath: node.path,
        schemaPath: "",
        params: {},
        schema: true,
        parentSchema: node.schema,
        data: node.value,
      });
    }
  }
  return [...missed.values()];
}

/** The violation upstream would report first, or undefined. */
export function firstViolation(reportedErrors: readonly ErrorObject[], walker: SchemaWalker, data: unknown): ErrorObject | undefined {
  const errors = [...reportedErrors, ...missedDuplicates(reportedErrors, walker, data)];
  const relevant = errors.filter((error) => error.keyword !== "if" && !BRANCH_SEGMENT.test(error.schemaPath));
  let best: ErrorObject | undefined;
  let bestKey: number[] = [];
  for (const error of relevant.length > 0 ? relevant : errors) {
    const key = walker.orderKey(error, data);
    if (!best || compareKeys(key, bestKey) < 0) [best, bestKey] = [error, key];
  }
  return best;
}
