// Triggers keeping single tables consistent: per-meeting sequence numbers, required reverse
// relations (deferred "not null" checks), constant fields, and the symmetric n:m pair rule.
import type { RelationSide } from "../relational.js";
import { ModelIndex, nmLayout, otherSides, pointingColumn } from "../relational.js";
import {
  constantTriggerName,
  notNullDeleteTriggerName,
  notNullInsertTriggerName,
  notNullUpdateDeleteTriggerName,
  sequenceTriggerName,
  tableName,
  uniqueIdsPairTriggerName,
} from "./names.js";
import { isColumnField } from "./tables.js";
import { triggerArguments } from "./sql-text.js";

const rowTrigger = (name: string, timing: string, table: string, call: string) =>
  `CREATE TRIGGER ${name} ${timing} ON ${table}\nFOR EACH ROW EXECUTE FUNCTION ${call};`;

const deferredTrigger = (name: string, events: string, table: string, call: string) =>
  `CREATE CONSTRAINT TRIGGER ${name} AFTER ${events} ON ${table} INITIALLY DEFERRED\nFOR EACH ROW EXECUTE FUNCTION ${call};`;

const call = (fn: string, args: string[]) => `${fn}(${triggerArguments(args)})`;

export function renderSequenceTriggers(index: ModelIndex): string {
  const statements: string[] = [];
  for (const collection of index.source.collections) {
    for (const field of collection.fields) {
      const scope = field.raw.sequence_scope;
      if (typeof scope !== "string") continue;
      const table = tableName(collection.name);
      statements.push(
        rowTrigger(sequenceTriggerName(collection.name, field.name), "BEFORE INSERT", table, call("generate_sequence", [table, field.name, scope])),
      );
    }
  }
  return statements.join("\n\n");
}

function notNullOneToOne(own: RelationSide, other: RelationSide): string {
  const otherColumn = pointingColumn(other, own.collection);
  return [
    deferredTrigger(
      notNullInsertTriggerName(own.collection, own.field),
      "INSERT",
      tableName(own.collection),
      call("check_not_null_for_1_1", [own.collection, own.field]),
    ),
    deferredTrigger(
      notNullUpdateDeleteTriggerName(own.collection, own.field),
      `UPDATE OF ${otherColumn} OR DELETE`,
      tableName(other.collection),
      call("check_not_null_for_1_1", [own.collection, own.field, other.collection, otherColumn]),
    ),
  ].join("\n");
}

function notNullOneToMany(own: RelationSide, other: RelationSide): string {
  const args = [tableName(own.collection), own.field, tableName(other.collection), other.field];
  return [
    deferredTrigger(notNullInsertTriggerName(own.collection, own.field), "INSERT", tableName(own.collection), call("check_not_null_for_1_n", args)),
    deferredTrigger(
      notNullUpdateDeleteTriggerName(own.collection, own.field),
      `UPDATE OF ${other.field} OR DELETE`,
      tableName(other.collection),
      call("check_not_null_for_1_n", args),
    ),
  ].join("\n");
}

function notNullManyToMany(own: RelationSide, other: RelationSide): string {
  const layout = nmLayout(own, other);
  const base = [layout.table, tableName(own.collection), own.field, layout.ownColumn];
  return [
    deferredTrigger(notNullInsertTriggerName(own.collection, own.field), "INSERT", tableName(own.collection), call("check_not_null_for_n_m", base)),
    deferredTrigger(
      notNullDeleteTriggerName(own.collection, own.field),
      "DELETE",
      layout.table,
      call("check_not_null_for_n_m", [...base, layout.otherColumn, other.collection, other.field]),
    ),
  ].join("\n");
}

/** Required fields the database cannot express as NOT NULL because the view computes them. */
export function renderNotNullTriggers(index: ModelIndex): string {
  const statements: string[] = [];
  for (const collection of index.source.collections) {
    for (const field of collection.fields) {
      if (!field.raw.required || field.raw.sql !== undefined || field.raw.calculated) continue;
      const own = index.side(collection.name, field.name);
      const [other] = otherSides(index, field);
      if (!other) continue;
      if (field.type === "relation" && field.raw.reference === undefined) statements.push(notNullOneToOne(own, other));
      if (field.type === "relation-list" && other.definition.type === "relation") statements.push(notNullOneToMany(own, other));
      if (field.type === "relation-list" && other.definition.type === "relation-list") statements.push(notNullManyToMany(own, other));
    }
  }
  return statements.join("\n\n");
}

export function renderConstantTriggers(index: ModelIndex): string {
  const statements: string[] = [];
  for (const collection of index.source.collections) {
    for (const field of collection.fields) {
      // upstream protects every constant column except the id and color columns
      if (!field.raw.constant || !isColumnField(field) || field.name === "id" || field.type === "color") continue;
      statements.push(
        rowTrigger(
          constantTriggerName(collection.name, field.name),
          `BEFORE UPDATE OF ${field.name}`,
          tableName(collection.name),
          call("prevent_updates", [collection.name, field.name]),
        ),
      );
    }
  }
  return statements.join("\n");
}

export function renderUniqueIdsPairTriggers(index: ModelIndex): string {
  const statements: string[] = [];
  for (const collection of index.source.collections) {
    for (const field of collection.fields) {
      if (field.type !== "relation-list" || field.raw.sql !== undefined) continue;
      const [other] = otherSides(index, field);
      if (!other || other.collection !== collection.name || other.field !== field.name) continue;
      const layout = nmLayout(index.side(collection.name, field.name), other);
      statements.push(
        rowTrigger(
          uniqueIdsPairTriggerName(collection.name, field.name),
          "BEFORE INSERT OR UPDATE",
          layout.table,
          call("check_unique_ids_pair", [field.name.slice(0, -1)]),
        ),
      );
    }
  }
  return statements.join("\n");
}
