// Evaluates a database filter against a model held in memory (the request's change overlay),
// with the semantics of upstream's in-memory filter check.
import type { Filter, FilterOperator } from "../../db/types.js";

export function matchesFilter(model: Record<string, unknown>, filter: Filter): boolean {
  if ("and_filter" in filter) return filter.and_filter.every((part) => matchesFilter(model, part));
  if ("or_filter" in filter) return filter.or_filter.some((part) => matchesFilter(model, part));
  if ("not_filter" in filter) return !matchesFilter(model, filter.not_filter);
  return matchesOperator(model, filter);
}

function matchesOperator(model: Record<string, unknown>, { field, operator, value }: FilterOperator): boolean {
  const actual = model[field] ?? null;
  if (value === null) {
    if (operator === "=") return actual === null;
    if (operator === "!=") return actual !== null;
  }
  switch (operator) {
    case "=":
      return equal(actual, value);
    case "!=":
      return !equal(actual, value);
    case "<":
    case ">":
    case "<=":
    case ">=":
      return actual !== null && compare(actual, value, operator);
    case "~=":
      return typeof actual === "string" && typeof value === "string" && actual.toLowerCase() === value.toLowerCase();
    case "in":
      return Array.isArray(value) && value.some((entry) => equal(actual, entry));
    case "has":
      return Array.isArray(actual) && actual.some((entry) => equal(entry, value));
    case "%=":
      return typeof actual === "string" && typeof value === "string" && likeToRegExp(value).test(actual);
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((entry, i) => equal(entry, b[i]));
  return a === b;
}

function compare(a: unknown, b: unknown, operator: "<" | ">" | "<=" | ">="): boolean {
  const [x, y] = [a as number | string, b as number | string];
  switch (operator) {
    case "<":
      return x < y;
    case ">":
      return x > y;
    case "<=":
      return x <= y;
    case ">=":
      return x >= y;
  }
}

function likeToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/%/g, ".*").replace(/_/g, ".");
  return new RegExp(`^${escaped}$`, "is");
}

/** Every field name a filter looks at. */
export function filterFields(filter: Filter, into = new Set<string>()): Set<string> {
  if ("and_filter" in filter) filter.and_filter.forEach((part) => filterFields(part, into));
  else if ("or_filter" in filter) filter.or_filter.forEach((part) => filterFields(part, into));
  else if ("not_filter" in filter) filterFields(filter.not_filter, into);
  else into.add(filter.field);
  return into;
}
