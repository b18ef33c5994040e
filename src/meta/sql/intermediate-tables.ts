// The n:m (nm_…) and generic-list (gm_…) tables. Their foreign keys cascade on delete, unlike
// the collection tables' ones: a link row dies with either end.
import type { IntermediateTable } from "../relational.js";
import { ModelIndex, otherSides } from "../relational.js";
import {
  foreignKeyName,
  generatedConstraintName,
  genericValidConstraintName,
  indexName,
  primaryKeyConstraintName,
  requiredConstraintName,
  tableName,
  uniqueConstraintName,
} from "./names.js";
import { genericIdExpression, genericValidCheck } from "./tables.js";

const INDENT = "    ";

function linkColumn(column: string, type: string, constraints: string[]): string {
  return [`${INDENT}${column} ${type}`, ...constraints.map((entry) => `${INDENT}${INDENT}${entry}`)].join("\n");
}

const cascadingReference = (name: string, referencedTable: string) =>
  `CONSTRAINT ${name} REFERENCES ${referencedTable} (id) ON DELETE CASCADE INITIALLY DEFERRED`;

function renderNmTable(index: ModelIndex, table: IntermediateTable): string {
  const [other] = otherSides(index, index.field(table.primary.collection, table.primary.field));
  const referenced = [tableName(table.primary.collection), tableName(other!.collection)];
  const columns = table.columns.map((column, position) =>
    linkColumn(column, "integer", [
      `CONSTRAINT ${requiredConstraintName(table.name, column)} NOT NULL`,
      cascadingReference(foreignKeyName(table.name, column, referenced[position]!), referenced[position]!),
    ]),
  );
  return [
    `CREATE TABLE ${table.name} (`,
    `${columns.join(",\n")},`,
    `${INDENT}CONSTRAINT ${primaryKeyConstraintName(table.name)} PRIMARY KEY (${table.columns.join(", ")})`,
    `);`,
    ...table.columns.map((column) => `CREATE INDEX ${indexName(table.name, column)} ON ${table.name} (${column});`),
  ].join("\n");
}

function renderGmTable(table: IntermediateTable): string {
  const owner = table.primary.collection;
  const [ownerColumn, fqidColumn] = table.columns;
  const idColumns = Object.entries(table.idColumns ?? {});
  const lines = [
    linkColumn(ownerColumn, "integer", [
      `CONSTRAINT ${requiredConstraintName(table.name, ownerColumn)} NOT NULL`,
      cascadingReference(foreignKeyName(table.name, ownerColumn, tableName(owner)), tableName(owner)),
    ]),
    linkColumn(fqidColumn, "varchar(100)", [`CONSTRAINT ${requiredConstraintName(table.name, fqidColumn)} NOT NULL`]),
    ...idColumns.map(([target, column]) =>
      linkColumn(column, "integer", [
        `CONSTRAINT ${generatedConstraintName(owner, fqidColumn)} GENERATED ALWAYS AS (${genericIdExpression(fqidColumn, target)}) STORED`,
        // upstream names this key after the target collection, not its table
        cascadingReference(foreignKeyName(table.name, column, target), tableName(target)),
      ]),
    ),
    `${INDENT}CONSTRAINT ${genericValidConstraintName(owner, fqidColumn)} ${genericValidCheck(
      fqidColumn,
      idColumns.map(([target]) => target),
    )}`,
    `${INDENT}CONSTRAINT ${uniqueConstraintName(ownerColumn, [fqidColumn])} UNIQUE (${ownerColumn}, ${fqidColumn})`,
  ];
  const indexed = [ownerColumn, fqidColumn, ...idColumns.map(([, column]) => column)];
  return [
    `CREATE TABLE ${table.name} (`,
    lines.join(",\n"),
    `);`,
    ...indexed.map((column) => `CREATE INDEX ${indexName(table.name, column)} ON ${table.name} (${column});`),
  ].join("\n");
}

export function renderIntermediateTables(index: ModelIndex, tables: IntermediateTable[]): string {
  return tables.map((table) => (table.kind === "nm" ? renderNmTable(index, table) : renderGmTable(table))).join("\n\n");
}
