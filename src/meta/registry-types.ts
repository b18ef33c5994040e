// The shape of the generated models registry (src/meta/generated/registry.ts).

export type FieldType =
  | "string" | "text" | "HTMLStrict" | "HTMLPermissive" | "number" | "float" | "decimal(6)" | "boolean"
  | "timestamp" | "JSON" | "color" | "timezone" | "string[]" | "text[]" | "number[]"
  | "relation" | "relation-list" | "generic-relation" | "generic-relation-list";

export type RelationKind = "relation" | "relation-list" | "generic-relation" | "generic-relation-list";

export type OnDelete = "CASCADE" | "PROTECT" | "SET_NULL";

export type JsonSchema = Record<string, unknown>;

export interface RelationDefinition {
  readonly kind: RelationKind;
  /** Target collection -> the field on the target that points back. */
  readonly targets: Readonly<Record<string, string>>;
  /** The collection(s) whose side stores the reference (`reference` in the YAML), when given. */
  readonly reference?: string | readonly string[];
  readonly onDelete: OnDelete;
}

/** One entry of `log_triggers`: a table whose changes must notify the SQL-computed field. */
export interface LogTrigger {
  readonly onTable: string;
  readonly onColumns?: string;
  readonly logCollectionIdColumn?: string;
  readonly logCollectionIdSql?: string;
  readonly logValueColumn?: string;
  readonly logValueSql?: string;
}

export interface FieldDefinition {
  readonly name: string;
  readonly collection: string;
  readonly type: FieldType;
  /** Letter A…H grouping the field for read restriction (autoupdate restricters). */
  readonly restrictionMode: string;
  readonly required: boolean;
  /** Server-computed: never a payload property. */
  readonly readOnly: boolean;
  /** Never changed after creation (database trigger). */
  readonly constant: boolean;
  /** Not changed by normal external actions (upstream's backend treats it as constant). */
  readonly constantLegacy: boolean;
  readonly unique: boolean;
  readonly default?: unknown;
  /** Fields that must be equal on both sides of the relation (always a list). */
  readonly equalFields: readonly string[];
  /** Allowed values (shared enums resolved); without the `null` that optional payloads allow. */
  readonly enum?: readonly unknown[];
  /** Name of the shared enum of collection-meta.yml the values come from. */
  readonly sharedEnum?: string;
  /** Allowed values of the items of string[] / text[] fields. */
  readonly itemsEnum?: readonly string[];
  /** Bounds; decimal(6) fields give them as decimal strings ("0.000001"). */
  readonly minimum?: number | string;
  readonly maximum?: number | string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly description?: string;
  /** Supplied by another service (vote, projector): not in the database. */
  readonly calculated: boolean;
  /** SQL expression computing the field in the view. */
  readonly sql?: string;
  /** Tables whose changes must notify the SQL-computed field. */
  readonly logTriggers?: readonly LogTrigger[];
  /** Numbered per value of this field (always meeting_id) by the database. */
  readonly sequenceScope?: string;
  readonly deferred: boolean;
  readonly relation?: RelationDefinition;
  /** JSON schema of the field in action payloads (upstream backend's Field.get_schema()). */
  readonly schema: Readonly<JsonSchema>;
}

export interface CollectionDefinition {
  readonly name: string;
  readonly fields: Readonly<Record<string, FieldDefinition>>;
  /** Column groups that must be unique together (NULLs distinct). */
  readonly uniqueTogether: readonly (readonly string[])[];
  /** Column groups unique together with NULLS NOT DISTINCT. */
  readonly uniqueTogetherStrict: readonly (readonly string[])[];
}
