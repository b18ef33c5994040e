// The change feed: row triggers writing os_notify_log_t (the changed model, and every model
// whose reverse field changes with it) and the deferred trigger sending one NOTIFY per
// transaction. Autoupdate (openslides-go and ours) consumes exactly these rows.
import type { IntermediateTable } from "../relational.js";
import { genericTargets, ModelIndex, otherSideFor, otherSides, referencedCollection } from "../relational.js";
import type { SourceField } from "../source.js";
import {
  calculatedFieldLogTriggerNames,
  genericIdColumn,
  logGenericListTriggerName,
  logRelatedTriggerName,
  logTriggerName,
  NOTIFY_TRIGGER_NAME,
  tableName,
} from "./names.js";
import { triggerArguments } from "./sql-text.js";

const logTrigger = (name: string, events: string, table: string, fn: string, args: string[]) =>
  `CREATE TRIGGER ${name} AFTER ${events} ON ${table}\nFOR EACH ROW EXECUTE FUNCTION ${fn}(${triggerArguments(args)});`;

const notifyTrigger = (table: string) =>
  `CREATE CONSTRAINT TRIGGER ${NOTIFY_TRIGGER_NAME} AFTER INSERT OR UPDATE OR DELETE ON ${table}\n` +
  `DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION notify_transaction_end();`;

const columnEvents = (column: string) => `INSERT OR UPDATE OF ${column} OR DELETE`;

interface LogTriggerSpec {
  on_table: string;
  on_columns?: string;
  log_collection_id_column?: string;
  log_collection_id_sql?: string;
  log_value_column?: string;
  log_value_sql?: string;
}

/** Triggers of an SQL-computed list: log the owning model when an item enters or leaves its list. */
function calculatedFieldTriggers(collection: string, field: SourceField): string[] {
  const specs = (field.raw.log_triggers ?? []) as LogTriggerSpec[];
  const seen = new Map<string, number>();
  const statements: string[] = [];
  for (const spec of specs) {
    const occurrence = (seen.get(spec.on_table) ?? 0) + 1;
    seen.set(spec.on_table, occurrence);
    const names = calculatedFieldLogTriggerNames(collection, field.name, spec.on_table, Boolean(spec.on_columns), occurrence);
    const args = triggerArguments([
      collection,
      spec.log_collection_id_column ?? "",
      spec.log_collection_id_sql ?? "",
      field.name,
      spec.log_value_column ?? "",
      spec.log_value_sql ?? "",
    ]);
    const updateOf = spec.on_columns ? ` OR UPDATE OF ${spec.on_columns}` : "";
    statements.push(
      `CREATE TRIGGER ${names.insertUpdate} BEFORE INSERT${updateOf} ON ${spec.on_table}\n` +
        `FOR EACH ROW EXECUTE FUNCTION log_iu_modified_calculated_id_array_field(${args});`,
      `CREATE TRIGGER ${names.updateDelete} AFTER${spec.on_columns ? ` UPDATE OF ${spec.on_columns} OR` : ""} DELETE ON ${spec.on_table}\n` +
        `FOR EACH ROW EXECUTE FUNCTION log_ud_modified_calculated_id_array_field(${args});`,
    );
  }
  return statements;
}

function intermediateTableTriggers(index: ModelIndex, table: IntermediateTable): string[] {
  const { collection, field } = table.primary;
  const [ownColumn, secondColumn] = table.columns;
  const statements: string[] = [];
  if (table.kind === "nm") {
    const [other] = otherSides(index, index.field(collection, field));
    statements.push(
      logTrigger(logTriggerName(table.name), "INSERT OR UPDATE OR DELETE", table.name, "log_modified_related_models", [
        collection,
        ownColumn,
        field,
        other!.collection,
        secondColumn,
        other!.field,
      ]),
    );
  } else {
    const owner = index.field(collection, field);
    for (const [target, idColumn] of Object.entries(table.idColumns ?? {})) {
      const reverse = otherSideFor(index, owner, target);
      statements.push(
        logTrigger(logGenericListTriggerName(idColumn, table.name), columnEvents(idColumn), table.name, "log_modified_related_models", [
          collection,
          ownColumn,
          field,
          target,
          idColumn,
          reverse.field,
        ]),
      );
    }
  }
  statements.push(notifyTrigger(table.name));
  return statements;
}

export function renderNotifyTriggers(index: ModelIndex, intermediateTables: IntermediateTable[]): string {
  const blocks: string[] = [];
  const ownedTables = new Map(intermediateTables.map((table) => [`${table.primary.collection}/${table.primary.field}`, table]));
  for (const collection of index.source.collections) {
    const table = tableName(collection.name);
    const statements = [
      logTrigger(logTriggerName(collection.name), "INSERT OR UPDATE OR DELETE", table, "log_modified_models", [collection.name]),
      notifyTrigger(table),
    ];
    for (const field of collection.fields) {
      if (field.raw.calculated) continue;
      if (field.type === "relation" && field.raw.reference !== undefined) {
        const [other] = otherSides(index, field);
        statements.push(
          logTrigger(logRelatedTriggerName(table, field.name), columnEvents(field.name), table, "log_modified_related_models", [
            referencedCollection(field),
            field.name,
            other!.field,
          ]),
        );
      } else if (field.type === "generic-relation") {
        for (const target of genericTargets(field)) {
          const idColumn = genericIdColumn(field.name, target);
          statements.push(
            logTrigger(logRelatedTriggerName(target, idColumn), columnEvents(idColumn), table, "log_modified_related_models", [
              target,
              idColumn,
              otherSideFor(index, field, target).field,
            ]),
          );
        }
      } else if (field.raw.sql !== undefined) {
        statements.push(...calculatedFieldTriggers(collection.name, field));
      } else {
        const owned = ownedTables.get(`${collection.name}/${field.name}`);
        if (owned) statements.push(...intermediateTableTriggers(index, owned));
      }
    }
    blocks.push(statements.join("\n"));
  }
  return blocks.join("\n\n");
}
