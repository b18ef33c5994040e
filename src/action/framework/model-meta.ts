// The facts about collections and fields that the action framework needs, in one small shape.
// Built from the models YAML (src/meta/source.ts) and the generated storage decisions; when the
// generated registry (src/meta/registry.ts) lands this file becomes a thin view over it.
import { fileURLToPath } from "node:url";
import { loadModelSource, RELATION_TYPES, type SourceField } from "../../meta/source.js";
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
  /** Raw YAML attributes (enum, minimum, maxLength, ...). */
  raw: Record<string, unknown>;
}

export interface CollectionMeta {
  name: string;
  fields: Map<string, FieldMeta>;
  relationFields: FieldMeta[];
  requiredFields: FieldMeta[];
}

const MODELS_DIR = fileURLToPath(new URL("../../../../models", import.meta.url));

let collections: Map<string, CollectionMeta> | undefined;
let permissions: Record<string, unknown> | undefined;

function build(): Map<string, CollectionMeta> {
  const source = loadModelSource(MODELS_DIR);
  permissions = source.permissionTree;
  const result = new Map<string, CollectionMeta>();
  for (const collection of source.collections) {
    const storage = STORAGE[collection.name]?.fields ?? {};
    const fields = new Map<string, FieldMeta>();
    for (const field of collection.fields) {
      const kind = storage[field.name]?.kind;
      fields.set(field.name, {
        collection: collection.name,
        name: field.name,
        type: field.type,
        required: field.raw.required === true,
        default: field.raw.default,
        readOnly: field.raw.read_only === true,
        constant: field.raw.constant === true,
        onDelete: onDeleteOf(field),
        relation: relationOf(field),
        isViewField: kind === "reverse" || kind === "nm" || kind === "gm" || kind === "sql",
        sequenceScope: typeof field.raw.sequence_scope === "string" ? field.raw.sequence_scope : undefined,
        computed: kind === "sql" || kind === "calculated",
        raw: field.raw,
      });
    }
    const all = [...fields.values()];
    result.set(collection.name, {
      name: collection.name,
      fields,
      relationFields: all.filter((field) => field.relation),
      requiredFields: all.filter((field) => field.required),
    });
  }
  return result;
}

function onDeleteOf(field: SourceField): OnDelete {
  const value = field.raw.on_delete;
  return value === "CASCADE" || value === "PROTECT" ? value : "SET_NULL";
}

function relationOf(field: SourceField): RelationMeta | undefined {
  if (!RELATION_TYPES.has(field.type)) return undefined;
  const targets: Record<string, string> = {};
  for (const target of field.targets) targets[target.collection] = target.field;
  return {
    list: field.type.endsWith("-list"),
    generic: field.type.startsWith("generic-"),
    targets,
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

/** The parsed permission.yml: area -> nested permission tree. */
export function permissionTree(): Record<string, unknown> {
  all();
  return permissions ?? {};
}
