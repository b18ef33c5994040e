// The facts about collections and fields that the action framework needs, in one small shape:
// the generated models registry (src/meta/registry.ts) plus the storage decisions (which fields
// are view fields, which are computed).
import { collectionNames, getCollection, type FieldDefinition } from "../../meta/registry.js";
import { STORAGE } from "../../meta/generated/storage.js";

export type OnDelete = "CASCADE" | "PROTECT" | "SET_NULL";

export interface RelationMeta {
  /** relation-list / generic-relation-list */
  list: boolean;
  /** generic-relation / generic-relation-list: values are fqids */
  generic: boolean;
  /** target collection -> field on the target pointing back */
  targets: Record<string, string>;
}

export interface FieldMeta {
  collection: string;
  name: string;
  type: string;
  required: boolean;
  default?: unknown;
  readOnly: boolean;
  constant: boolean;
  onDelete: OnDelete;
  relation?: RelationMeta;
  /** Not a column of the own table (reverse side, intermediate table, SQL expression): upstream's is_view_field. */
  isViewField: boolean;
  /** Filled per meeting by the database (sequential_number). */
  sequenceScope?: string;
  /** Computed by SQL or another service; never written by actions. */
  computed: boolean;
  /** JSON schema of the field in action payloads (upstream Field.get_schema). */
  schema: Record<string, unknown>;
}

export interface CollectionMeta {
  name: string;
  fields: Map<string, FieldMeta>;
  relationFields: FieldMeta[];
  requiredFields: FieldMeta[];
}

let collections: Map<string, CollectionMeta> | undefined;

function build(): Map<string, CollectionMeta> {
  const result = new Map<string, CollectionMeta>();
  for (const name of collectionNames()) {
    const storage = STORAGE[name]?.fields ?? {};
    const fields = new Map<string, FieldMeta>();
    for (const field of Object.values(getCollection(name)!.fields)) {
      const kind = storage[field.name]?.kind;
      fields.set(field.name, {
        collection: name,
        name: field.name,
        type: field.type,
        required: field.required,
        default: field.default,
        readOnly: field.readOnly,
        constant: field.constant,
        onDelete: field.relation?.onDelete ?? "SET_NULL",
        relation: relationOf(field),
        isViewField: kind === "reverse" || kind === "nm" || kind === "gm" || kind === "sql",
        sequenceScope: field.sequenceScope,
        computed: kind === "sql" || kind === "calculated",
        schema: field.schema,
      });
    }
    const all = [...fields.values()];
    result.set(name, {
      name,
      fields,
      relationFields: all.filter((field) => field.relation),
      requiredFields: all.filter((field) => field.required),
    });
  }
  return result;
}

function relationOf(field: FieldDefinition): RelationMeta | undefined {
  if (!field.relation) return undefined;
  return {
    list: field.type.endsWith("-list"),
    generic: field.type.startsWith("generic-"),
    targets: { ...field.relation.targets },
  };
}

function all(): Map<string, CollectionMeta> {
  return (collections ??= build());
}

export function hasCollection(name: string): boolean {
  return all().has(name);
}

export function collectionMeta(name: string): CollectionMeta {
  const found = all().get(name);
  if (!found) throw new Error(`unknown collection ${name}`);
  return found;
}

export function fieldMeta(collection: string, field: string): FieldMeta | undefined {
  return all().get(collection)?.fields.get(field);
}

/** The single target collection of a non-generic relation. */
export function targetCollection(field: FieldMeta): string {
  const targets = Object.keys(field.relation?.targets ?? {});
  if (targets.length === 0) throw new Error(`${field.collection}/${field.name} is not a relation`);
  return targets[0]!;
}

