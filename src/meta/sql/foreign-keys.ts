// Foreign keys of stored relations (checked at commit, no ON DELETE action: cascading and
// protecting is the application's job) and an index on every such column.
import { genericTargets, ModelIndex, referencedCollection } from "../relational.js";
import { foreignKeyName, genericIdColumn, indexName, tableName } from "./names.js";

function foreignKey(table: string, column: string, target: string): string {
  const referenced = tableName(target);
  return [
    `ALTER TABLE ${table} ADD CONSTRAINT ${foreignKeyName(table, column, referenced)} FOREIGN KEY (${column}) REFERENCES ${referenced} (id) INITIALLY DEFERRED;`,
    `CREATE INDEX ${indexName(table, column)} ON ${table} (${column});`,
  ].join("\n");
}

export function renderForeignKeys(index: ModelIndex): string {
  const statements: string[] = [];
  for (const collection of index.source.collections) {
    const table = tableName(collection.name);
    for (const field of collection.fields) {
      if (field.raw.calculated) continue;
      if (field.type === "relation" && field.raw.reference !== undefined) {
        statements.push(foreignKey(table, field.name, referencedCollection(field)));
      } else if (field.type === "generic-relation") {
        for (const target of genericTargets(field)) statements.push(foreignKey(table, genericIdColumn(field.name, target), target));
      }
    }
  }
  return statements.join("\n");
}
