// Compiles the upstream filter JSON (and_filter / or_filter / not_filter / {field, operator, value})
// into a parameterised WHERE clause on a collection's view.
import type { Filter, FilterOperator } from "./types.js";
import { DatabaseError } from "./types.js";
import { fieldAccess, quote, type CollectionAccess, type FieldAccess } from "./fields.js";

const FIELD_PATTERN = /^[a-z][a-z0-9_]*(?:\$[a-z0-9_]*)?$/;
const COMPARISONS = new Set(["=", "!=", "<", ">", "<=", ">="]);

export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export function compileFilter(collection: CollectionAccess, filter: Filter, params: SqlParams): string {
  if (filter === null || typeof filter !== "object") throw invalid("Filter must be an object");
  if ("and_filter" in filter) return joinParts(collection, filter.and_filter, "AND", params);
  if ("or_filter" in filter) return joinParts(collection, filter.or_filter, "OR", params);
  if ("not_filter" in filter) return `NOT (${compileFilter(collection, filter.not_filter, params)})`;
  return compileOperator(collection, filter, params);
}

function joinParts(collection: CollectionAccess, parts: Filter[], joiner: "AND" | "OR", params: SqlParams): string {
  if (!Array.isArray(parts) || parts.length === 0) throw invalid(`${joiner === "AND" ? "and_filter" : "or_filter"} needs a non-empty list`);
  return parts.map((part) => `(${compileFilter(collection, part, params)})`).join(` ${joiner} `);
}

function compileOperator(collection: CollectionAccess, filter: FilterOperator, params: SqlParams): string {
  const { field, operator, value } = filter;
  if (typeof field !== "string" || !FIELD_PATTERN.test(field)) throw invalid(`Invalid filter field: ${String(field)}`);
  const access = fieldAccess(collection, field);
  const column = quote(field);
  if (value === null || value === undefined) {
    if (operator === "=") return `${column} IS NULL`;
    if (operator === "!=") return `${column} IS NOT NULL`;
    throw invalid("You can only compare to None with = or !=");
  }
  if (COMPARISONS.has(operator)) {
    if (Array.isArray(value)) {
      if (operator !== "=" && operator !== "!=") throw invalid(`Operator ${operator} cannot compare lists`);
      return `${textualArray(column, access)} ${operator === "=" ? "=" : "IS DISTINCT FROM"} ${params.add(value)}::${arrayCast(access)}`;
    }
    return `${comparable(column, access)} ${operator === "!=" ? "<>" : operator} ${scalar(value, access, params)}`;
  }
  switch (operator) {
    case "~=":
      return `LOWER(${column}::text) = LOWER(${params.add(String(value))})`;
    case "%=":
      return `${column}::text ILIKE ${params.add(String(value))}`;
    case "in":
      if (!Array.isArray(value)) throw invalid("Operator in needs a list");
      return `${comparable(column, access)} = ANY(${params.add(value)}::${elementCast(access)}[])`;
    case "has":
      return `${params.add(value)}::${elementCast(access)} = ANY(${textualArray(column, access)})`;
    default:
      throw invalid(`Invalid filter operator: ${String(operator)}`);
  }
}

function isEnum(access: FieldAccess): boolean {
  return access.storage.kind === "column" && access.storage.sqlType.startsWith("enum_");
}

/** Enums compare as text, so a parameter never needs the enum type. */
function comparable(column: string, access: FieldAccess): string {
  return isEnum(access) ? `${column}::text` : column;
}

function textualArray(column: string, access: FieldAccess): string {
  return access.kind === "string[]" ? `${column}::text[]` : column;
}

function arrayCast(access: FieldAccess): string {
  return access.kind === "integer[]" ? "integer[]" : "text[]";
}

function elementCast(access: FieldAccess): string {
  switch (access.kind) {
    case "integer":
    case "integer[]":
      return "integer";
    case "number":
      return "float8";
    case "decimal":
      return "numeric";
    case "boolean":
      return "boolean";
    case "timestamp":
      return "timestamptz";
    default:
      return "text";
  }
}

function scalar(value: unknown, access: FieldAccess, params: SqlParams): string {
  if (access.kind === "timestamp" && typeof value === "number") return `to_timestamp(${params.add(value)})`;
  if (access.kind === "json") return `${params.add(JSON.stringify(value))}::jsonb`;
  return `${params.add(value)}::${elementCast(access)}`;
}

function invalid(message: string): DatabaseError {
  return new DatabaseError(message, "invalid_request");
}
