// The shape of the generated models registry (src/meta/generated/registry.ts).

export type FieldType =
  | "string" | "text" | "HTMLStrict" | "HTMLPermissive" | "number" | "float" | "decimal(6)" | "boolean"
  | "timestamp" | "JSON" | "color" | "timezone" | "string[]" | "text[]" | "number[]"
  | "relation" | "relation-list" | "generic-relation" | "generic-relation-list";

export type OnDelete = "CASCADE" | "PROTECT" | "SET_NULL";

export type JsonSchema = Record<string, unknown>;

export interface RelationDefinition {
  kind: "relation" | "relation-list" | "generic-relation" | "generic-relation-list";
  /** Target collection -> the field on the target that points back. */
  targets: Record<string, string>;
  /** The collection(s) whose side stores the reference (`reference` in the YAML), when given. */
  reference?: string | string[];
  onDelete: OnDelete;
}

export interface FieldDefinition {
  name: string;
  collection: string;
  type: FieldType;
  restrictionMode: string;
  required: boolean;
  readOnly: boolean;
  constant: boolean;
  constantLegacy: boolean;
  unique: boolean;
  default?: unknown;
  /** Fields that must be equal on both sides of the relation (always a list). */
  equalFields: string[];
  enum?: unknown[];
  /** enum of the items of string[] / text[] fields */
  itemsEnum?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  description?: string;
  /** Supplied by another service (vote, projector): not in the database. */
  calculated: boolean;
  /** SQL expression computing the field in the view, with the tables whose changes must notify. */
  sql?: string;
  logTriggers?: unknown;
  sequenceScope?: string;
  deferred: boolean;
  relation?: RelationDefinition;
  /** JSON schema of the field for action payloads (upstream backend's Field.get_schema). */
  schema: JsonSchema;
}

export interface CollectionDefinition {
  name: string;
  fields: Record<string, FieldDefinition>;
  uniqueTogether: string[][];
  uniqueTogetherStrict: string[][];
}
