// Deferred checks of `equal_fields` (usually meeting_id): both ends of a relation must agree on
// the named fields. Checked from both sides, and on intermediate rows for list relations.
import type { IntermediateTable, RelationSide } from "../relational.js";
import { genericTargets, ModelIndex, otherSideFor, otherSides } from "../relational.js";
import type { SourceField } from "../source.js";
import { equalFieldsTriggerName, genericIdColumn, tableName } from "./names.js";
import { literal } from "./sql-text.js";

/** The union of the equal_fields of all given field definitions, sorted. */
export function equalFieldsOf(...fields: SourceField[]): string[] {
  const result = new Set<string>();
  for (const field of fields) {
    const value = field.raw.equal_fields;
    if (typeof value === "string") result.add(value);
    else if (Array.isArray(value)) for (const entry of value) result.add(String(entry));
  }
  return [...result].sort();
}

/**
 * "INSERT OR UPDATE OF ..." listing those of the given fields of `collection` that may change
 * after creation (not constant); just "INSERT" when all are constant.
 */
function events(index: ModelIndex, collection: string, fields: (SourceField | string)[]): string {
  const changeable: string[] = [];
  for (const entry of fields) {
    // a meeting is its own meeting: meeting has no meeting_id field
    if (typeof entry === "string" && collection === "meeting" && entry === "meeting_id") continue;
    const field = typeof entry === "string" ? index.field(collection, entry) : entry;
    if (!field.raw.constant) changeable.push(field.name);
  }
  return changeable.length > 0 ? `INSERT OR UPDATE OF ${changeable.join(", ")}` : "INSERT";
}

const trigger = (name: string, eventList: string, table: string, fn: string, args: string[]) =>
  `CREATE CONSTRAINT TRIGGER ${name} AFTER ${eventList} ON ${table} INITIALLY DEFERRED\n` +
  `FOR EACH ROW EXECUTE FUNCTION ${fn}(${args.join(", ")});`;

const texts = (...values: string[]) => values.map(literal);

/** A stored relation column (own) and the reverse field it points to (other). */
function storedRelationTriggers(index: ModelIndex, own: RelationSide, other: RelationSide): string[] {
  return equalFieldsOf(own.definition, other.definition).flatMap((equalField) => {
    const args = (fromOtherSide: boolean) => [...texts(own.collection, other.collection, own.field, equalField), fromOtherSide ? "TRUE" : "FALSE"];
    return [
      trigger(
        equalFieldsTriggerName(equalField, tableName(own.collection), own.field),
        events(index, own.collection, [own.definition, equalField]),
        tableName(own.collection),
        "check_equals",
        args(false),
      ),
      trigger(
        equalFieldsTriggerName(equalField, tableName(other.collection), other.field),
        events(index, other.collection, [equalField]),
        tableName(other.collection),
        "check_equals",
        args(true),
      ),
    ];
  });
}

function genericRelationTriggers(index: ModelIndex, own: RelationSide): string[] {
  const ownTable = tableName(own.collection);
  return genericTargets(own.definition).flatMap((target) => {
    const other = otherSideFor(index, own.definition, target);
    const idColumn = genericIdColumn(own.field, target);
    return equalFieldsOf(own.definition, other.definition).flatMap((equalField) => {
      const ownName = equalFieldsTriggerName(equalField, ownTable, idColumn);
      const ownEvents = events(index, own.collection, [own.definition, equalField]);
      const meetingHasNoMeetingId = !index.collection("meeting").fields.some((field) => field.name === "meeting_id");
      if (target === "meeting" && equalField === "meeting_id" && meetingHasNoMeetingId) {
        return [trigger(ownName, ownEvents, ownTable, "check_equals_meeting_id_for_meeting", texts(own.collection, idColumn))];
      }
      const args = (fromOtherSide: boolean) => [...texts(own.collection, target, idColumn, equalField), fromOtherSide ? "TRUE" : "FALSE"];
      return [
        trigger(ownName, ownEvents, ownTable, "check_equals", args(false)),
        trigger(
          equalFieldsTriggerName(equalField, tableName(target), other.field),
          events(index, target, [equalField]),
          tableName(target),
          "check_equals",
          args(true),
        ),
      ];
    });
  });
}

interface LinkedPair {
  table: string;
  own: RelationSide;
  ownColumn: string;
  other: RelationSide;
  otherColumn: string;
  /** gm tables: the target's table, part of the trigger names. */
  nameSuffixTable?: string;
}

function intermediateTriggers(index: ModelIndex, pair: LinkedPair): string[] {
  const { table, own, ownColumn, other, otherColumn, nameSuffixTable } = pair;
  const ownTable = tableName(own.collection);
  return equalFieldsOf(own.definition, other.definition).flatMap((equalField) => [
    trigger(
      equalFieldsTriggerName(equalField, ownTable, own.field, nameSuffixTable),
      events(index, own.collection, [equalField]),
      ownTable,
      "check_equals_multi",
      texts(table, ownColumn, own.collection, otherColumn, other.collection, equalField, own.field),
    ),
    trigger(
      equalFieldsTriggerName(equalField, tableName(other.collection), other.field),
      events(index, other.collection, [equalField]),
      tableName(other.collection),
      "check_equals_multi",
      texts(table, otherColumn, other.collection, ownColumn, own.collection, equalField, other.field),
    ),
    trigger(
      equalFieldsTriggerName(equalField, ownTable, own.field, nameSuffixTable, "_intermediate"),
      "INSERT",
      table,
      "check_equals_intermediate",
      texts(ownColumn, own.collection, otherColumn, other.collection, equalField, own.field),
    ),
  ]);
}

function intermediateTableTriggers(index: ModelIndex, table: IntermediateTable): string[] {
  const own = index.side(table.primary.collection, table.primary.field);
  const [ownColumn, secondColumn] = table.columns;
  if (table.kind === "nm") {
    const [other] = otherSides(index, own.definition);
    return intermediateTriggers(index, { table: table.name, own, ownColumn, other: other!, otherColumn: secondColumn });
  }
  return Object.entries(table.idColumns ?? {}).flatMap(([target, idColumn]) =>
    intermediateTriggers(index, {
      table: table.name,
      own,
      ownColumn,
      other: otherSideFor(index, own.definition, target),
      otherColumn: idColumn,
      nameSuffixTable: tableName(target),
    }),
  );
}

export function renderEqualFieldsTriggers(index: ModelIndex, intermediateTables: IntermediateTable[]): string {
  const ownedTables = new Map(intermediateTables.map((table) => [`${table.primary.collection}/${table.primary.field}`, table]));
  const statements: string[] = [];
  for (const collection of index.source.collections) {
    for (const field of collection.fields) {
      if (field.raw.calculated) continue;
      const own = index.side(collection.name, field.name);
      if (field.type === "relation" && field.raw.reference !== undefined) {
        statements.push(...storedRelationTriggers(index, own, otherSides(index, field)[0]!));
      } else if (field.type === "generic-relation") {
        statements.push(...genericRelationTriggers(index, own));
      } else {
        const owned = ownedTables.get(`${collection.name}/${field.name}`);
        if (owned) statements.push(...intermediateTableTriggers(index, owned));
      }
    }
  }
  return statements.join("\n");
}
