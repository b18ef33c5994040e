// CREATE VIEW "<collection>": every column of the table plus one subselect per field that is
// not stored in it (reverse relations, intermediate tables, SQL-computed lists). Lists are
// array_agg ordered by value, so an empty list is NULL. Table aliases follow upstream's rule
// so that the stored view definitions are identical.
import type { FieldStorage, IntermediateStorage, ReverseStorage } from "../relational.js";
import { buildRelationalModel, ModelIndex } from "../relational.js";
import type { SourceCollection } from "../source.js";
import { tableName, viewName } from "./names.js";
import { commentText, quoted } from "./sql-text.js";

/**
 * Upstream's alias rule: the first letter of the aliased name; if taken, the initials of its
 * "_"-separated parts (at most two letters); then those initials with 1, 2, ...
 */
export function tableAlias(name: string, taken: string[]): string {
  let alias = name.charAt(0);
  if (!taken.includes(alias)) return alias;
  const initials = name
    .split("_")
    .map((part) => part.charAt(0))
    .join("")
    .slice(0, 2);
  alias = initials;
  for (let counter = 1; taken.includes(alias); counter++) alias = `${initials}${counter}`;
  return alias;
}

const aggregate = (alias: string, column: string) => `array_agg(${alias}.${column} ORDER BY ${alias}.${column})`;

function reverseExpression(storage: ReverseStorage, own: string): string {
  if (!storage.many) {
    // aliased by collection name (upstream passes the collection here, the table elsewhere)
    const alias = tableAlias(storage.table.replace(/_t$/, ""), [own]);
    return `(select ${alias}.id from ${storage.table} ${alias} where ${alias}.${storage.column} = ${own}.id)`;
  }
  const alias = tableAlias(storage.table, [own]);
  return `(select ${aggregate(alias, "id")} from ${storage.table} ${alias} where ${alias}.${storage.column} = ${own}.id)`;
}

function intermediateExpression(storage: IntermediateStorage, own: string): string {
  const alias = tableAlias(storage.table, [own]);
  const select = (value: string, key: string) =>
    `select ${aggregate(alias, value)} from ${storage.table} ${alias} where ${alias}.${key} = ${own}.id`;
  if (storage.symmetric) {
    return `(select array_cat((${select(storage.ownColumn, storage.valueColumn)}), (${select(storage.valueColumn, storage.ownColumn)})))`;
  }
  return `(${select(storage.valueColumn, storage.ownColumn)})`;
}

function viewExpression(storage: FieldStorage, own: string, sql: unknown): string | undefined {
  switch (storage.kind) {
    case "reverse":
      return reverseExpression(storage, own);
    case "nm":
    case "gm":
      return intermediateExpression(storage, own);
    case "sql":
      return String(sql).trim();
    default:
      return undefined;
  }
}

export function renderView(collection: SourceCollection, fields: Record<string, FieldStorage>): string {
  const own = tableAlias(collection.name, []);
  const view = quoted(viewName(collection.name));
  const columns: string[] = [];
  const comments: string[] = [];
  for (const field of collection.fields) {
    const expression = viewExpression(fields[field.name]!, own, field.raw.sql);
    if (expression === undefined) continue;
    // An SQL expression names its column itself ("... AS user_ids").
    columns.push(fields[field.name]!.kind === "sql" ? `${expression}\n` : `${expression} as ${field.name}`);
    if (field.type === "relation-list" && typeof field.raw.description === "string") {
      comments.push(`COMMENT ON COLUMN ${view}.${field.name} IS ${commentText(field.raw.description)};`);
    }
  }
  const selectList = ["*", ...columns].join(",\n");
  return [`CREATE VIEW ${view} AS SELECT ${selectList}\nFROM ${tableName(collection.name)} ${own};`, ...comments].join("\n");
}

export function renderViews(index: ModelIndex, model = buildRelationalModel(index.source)): string {
  return index.source.collections
    .map((collection) => renderView(collection, model.collections[collection.name]!.fields))
    .join("\n\n");
}
