// Reads the models YAML (our copy of openslides-meta under models/) into plain,
// normalised objects. Everything generated (registry, JSON schemas, SQL) starts here.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export interface RelationTarget {
  collection: string;
  field: string;
}

export interface SourceField {
  name: string;
  /** The YAML definition as written (with shared enum names resolved into `enum`). */
  raw: Record<string, unknown>;
  type: string;
  /** Normalised `to`: one entry per target collection. Empty for non-relations. */
  targets: RelationTarget[];
  /** Name of the shared enum of collection-meta.yml when `enum` referred to one by name. */
  sharedEnum?: string;
}

export interface SourceCollection {
  name: string;
  fields: SourceField[];
  uniqueTogether: string[][];
  uniqueTogetherStrict: string[][];
}

export interface ModelSource {
  collections: SourceCollection[];
  enumDefinitions: Record<string, string[]>;
  /** The parsed permission tree of permission.yml. */
  permissionTree: Record<string, unknown>;
  /** Raw YAML texts, keyed by file name relative to models/ (for checksums). */
  texts: Record<string, string>;
}

export const RELATION_TYPES = new Set(["relation", "relation-list", "generic-relation", "generic-relation-list"]);

export function parseRelationTargets(to: unknown): RelationTarget[] {
  if (to === undefined || to === null) return [];
  if (typeof to === "string") return [splitTarget(to)];
  if (Array.isArray(to)) return to.map((entry) => splitTarget(String(entry)));
  if (typeof to === "object") {
    const { collections, field } = to as { collections?: unknown; field?: unknown };
    if (Array.isArray(collections) && typeof field === "string") {
      return collections.map((collection) => ({ collection: String(collection), field }));
    }
  }
  throw new Error(`unsupported relation target: ${JSON.stringify(to)}`);
}

function splitTarget(target: string): RelationTarget {
  const [collection, field] = target.split("/");
  if (!collection || !field) throw new Error(`relation target must be collection/field: ${target}`);
  return { collection, field };
}

function toStringLists(value: unknown): string[][] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => String(entry).split(",").map((part) => part.trim()));
}

export function loadModelSource(modelsDir: string): ModelSource {
  const texts: Record<string, string> = {};
  const read = (relative: string) => (texts[relative] = readFileSync(join(modelsDir, relative), "utf8"));

  const meta = parse(read("collection-meta.yml"), { merge: true }) as { enum_definitions: Record<string, string[]> };
  const enumDefinitions = meta.enum_definitions;
  const permissionTree = (parse(read("permission.yml")) ?? {}) as Record<string, unknown>;

  const files = readdirSync(join(modelsDir, "collections"))
    .filter((file) => file.endsWith(".yml"))
    .sort();
  const collections = files.map((file): SourceCollection => {
    const doc = parse(read(`collections/${file}`), { merge: true }) as Record<string, unknown>;
    const fieldDefs = (doc.fields ?? {}) as Record<string, Record<string, unknown>>;
    const fields = Object.entries(fieldDefs).map(([name, def]): SourceField => {
      const raw = { ...def };
      const sharedEnum = typeof def.enum === "string" ? def.enum : undefined;
      if (sharedEnum) raw.enum = enumDefinitions[sharedEnum];
      return { name, raw, type: String(def.type), targets: parseRelationTargets(def.to), sharedEnum };
    });
    return {
      name: file.replace(/\.yml$/, ""),
      fields,
      uniqueTogether: toStringLists(doc.unique_together),
      uniqueTogetherStrict: toStringLists(doc.unique_together_strict),
    };
  });
  return { collections, enumDefinitions, permissionTree, texts };
}
