// Naming rules of the OpenSlides 4.3 relational schema. Upstream services, migrations and
// dumps address these objects by name, so every rule here must yield the upstream name.
import { createHash } from "node:crypto";

/** PostgreSQL's identifier limit (NAMEDATALEN - 1). */
export const MAX_IDENTIFIER_LENGTH = 63;

/** Names longer than 63 characters: the first 56 characters plus the first 7 hex digits of the md5 of the full name. */
export function shortenIdentifier(name: string): string {
  if (name.length <= MAX_IDENTIFIER_LENGTH) return name;
  return name.slice(0, 56) + createHash("md5").update(name).digest("hex").slice(0, 7);
}

export const tableName = (collection: string): string => shortenIdentifier(`${collection}_t`);
/** The view name is the collection name; it must always be double-quoted in SQL ("group", "user"). */
export const viewName = (collection: string): string => collection;
export const idSequenceName = (collection: string): string => `${tableName(collection)}_id_seq`;

/** Long field names inside n:m table names are replaced by their initials (meeting_mediafile_access_group_ids -> mmagi). */
export function abbreviateLongField(field: string): string {
  if (field.length <= 25) return field;
  return field
    .split("_")
    .map((word) => word.charAt(0))
    .join("");
}

export const nmTableName = (first: { collection: string; field: string }, second: { collection: string }): string =>
  shortenIdentifier(`nm_${first.collection}_${abbreviateLongField(first.field)}_${second.collection}_t`);

export const gmTableName = (collection: string, field: string): string => shortenIdentifier(`gm_${collection}_${field}_t`);

/** A field name without its trailing plural "s": tagged_ids -> tagged_id. */
export const singular = (field: string): string => field.slice(0, -1);

/** The per-target id column generated from a generic fqid column: content_object_id + motion -> content_object_id_motion_id. */
export const genericIdColumn = (fqidColumn: string, target: string): string =>
  shortenIdentifier(`${fqidColumn}_${target}_id`);

export const enumTypeName = (name: string): string => shortenIdentifier(`enum_${name}`);

// Constraints. `collection` is the collection name unless the parameter says table.
export const requiredConstraintName = (owner: string, column: string) => shortenIdentifier(`required_${owner}_${column}`);
export const defaultConstraintName = (collection: string, column: string) => shortenIdentifier(`default_${collection}_${column}`);
export const minimumConstraintName = (collection: string, column: string) => shortenIdentifier(`minimum_${collection}_${column}`);
export const maximumConstraintName = (collection: string, column: string) => shortenIdentifier(`maximum_${collection}_${column}`);
export const minLengthConstraintName = (collection: string, column: string) => shortenIdentifier(`minlength_${collection}_${column}`);
export const colorConstraintName = (collection: string, column: string) => shortenIdentifier(`color_${collection}_${column}`);
export const timezoneConstraintName = (collection: string, column: string) => shortenIdentifier(`timezone_${collection}_${column}`);
export const uniqueConstraintName = (owner: string, columns: string[]) => shortenIdentifier(`unique_${owner}_${columns.join("_")}`);
export const genericValidConstraintName = (collection: string, column: string) =>
  shortenIdentifier(`valid_${collection}_${column}_part1`);
export const generatedConstraintName = (collection: string, column: string) =>
  shortenIdentifier(`generated_always_as_${collection}_${column}`);
export const primaryKeyConstraintName = (table: string) => shortenIdentifier(`pk_${table}`);
export const foreignKeyName = (table: string, column: string, foreignTable: string, foreignColumn = "id") =>
  shortenIdentifier(`fk_${table}_${column}_${foreignTable}_${foreignColumn}`);
export const indexName = (table: string, column: string) => shortenIdentifier(`idx_${table}_${column}`);

// Triggers.
export const sequenceTriggerName = (collection: string, field: string) =>
  shortenIdentifier(`tr_generate_sequence_${collection}_${field}`);
export const constantTriggerName = (collection: string, field: string) => shortenIdentifier(`tr_constant_${collection}_${field}`);
export const notNullInsertTriggerName = (collection: string, field: string) =>
  shortenIdentifier(`tr_i_not_null_${collection}_${field}`);
export const notNullUpdateDeleteTriggerName = (collection: string, field: string) =>
  shortenIdentifier(`tr_ud_not_null_${collection}_${field}`);
export const notNullDeleteTriggerName = (collection: string, field: string) =>
  shortenIdentifier(`tr_d_not_null_${collection}_${field}`);
export const uniqueIdsPairTriggerName = (collection: string, field: string) =>
  shortenIdentifier(`tr_restrict_unique_ids_pair_${collection}_${field}`);
/** Change log of a table's own rows (collection tables) or of both ends (n:m tables). */
export const logTriggerName = (tableOrCollection: string) => shortenIdentifier(`tr_log_${tableOrCollection}`);
/** Change log of the model a foreign key column points to. */
export const logRelatedTriggerName = (owner: string, column: string) => shortenIdentifier(`tr_log_${owner}_${column}`);
export const logGenericListTriggerName = (idColumn: string, gmTable: string) => shortenIdentifier(`tr_log_${idColumn}_${gmTable}`);
/** The deferred once-per-transaction NOTIFY trigger has the same name on every table. */
export const NOTIFY_TRIGGER_NAME = "notify_transaction_end";

export function calculatedFieldLogTriggerNames(
  collection: string,
  field: string,
  onTable: string,
  hasColumns: boolean,
  occurrence: number,
): { insertUpdate: string; updateDelete: string } {
  const suffix = occurrence > 1 ? `_${occurrence}` : "";
  const u = hasColumns ? "u" : "";
  return {
    insertUpdate: shortenIdentifier(`tr_log_i${u}_${collection}_${field}_from_${onTable}${suffix}`),
    updateDelete: shortenIdentifier(`tr_log_${u}d_${collection}_${field}_from_${onTable}${suffix}`),
  };
}

export function equalFieldsTriggerName(
  equalField: string,
  table: string,
  column: string,
  foreignTable?: string,
  suffix = "",
): string {
  const base = `equal_${equalField}_on_${table}_${column}${foreignTable ? `_${foreignTable}` : ""}`;
  return shortenIdentifier(base + suffix);
}
