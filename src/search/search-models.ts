// What the search service indexes and answers with, from models/search.yml (upstream's
// openslides-meta search.yml; SEARCH_YML_FILE names another file) and the models registry:
//  * per collection the searchable fields (indexed) and the additional ones (only returned);
//    fields the models do not have are dropped (upstream keeps only model fields too);
//  * how each searchable field is indexed (its analyzer and the `_<field>_original` copy);
//  * the fields requested from the restricter for a hit, with the relations to follow;
//  * which collections a requested collection brings along (`contains`).
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { getField } from "../meta/registry.js";
import type { FieldDescriptor, FieldMap } from "../autoupdate/keys-builder/index.js";
import type { AnalyzerName } from "./analysis.js";

export const DEFAULT_SEARCH_YML = new URL("../../../models/search.yml", import.meta.url);

/** One field of an indexed document: its analyzer and whether unqualified words search it. */
export interface IndexedField {
  name: string;
  analyzer: AnalyzerName;
  inAll: boolean;
}

/** How a searchable model field goes into the index. */
export interface SearchableField {
  field: string;
  /** "text": indexed as text fields; "json-map": the values of a JSON object as text; "number", "numbers", "keyword": filters only. */
  kind: "text" | "json-map" | "number" | "numbers" | "keyword";
  /** The index fields the value goes to (text kinds; a keyword field is one not searched by unqualified words). */
  targets: IndexedField[];
}

export interface SearchCollection {
  name: string;
  searchable: SearchableField[];
  /** The restricter request's fields: searchable ∪ additional, with the relations to follow. */
  requestFields: FieldMap;
}

export interface SearchModels {
  collections: Map<string, SearchCollection>;
  /** Requested collection → itself and every collection whose `contains` names it. */
  containment: Map<string, Set<string>>;
}

interface YamlCollection {
  searchable?: string[];
  additional?: string[];
  contains?: string[];
  searchable_config?: Record<string, { type?: string; analyzer?: string } | null>;
  relations?: Record<string, unknown>;
}

function descriptor(raw: unknown): FieldDescriptor {
  if (raw === null || raw === undefined || typeof raw !== "object") return null;
  const { type, collection, fields } = raw as { type?: string; collection?: string; fields?: Record<string, unknown> };
  const map: FieldMap = new Map(Object.entries(fields ?? {}).map(([name, value]) => [name, descriptor(value)]));
  if (type === "generic-relation" || type === "generic-relation-list") return { type, fields: map };
  if ((type === "relation" || type === "relation-list") && collection) return { type, collection, fields: map };
  return null;
}

function analyzerOf(name: string | undefined): AnalyzerName | undefined {
  if (name === "simple") return "simple";
  if (name === "html") return "de_html";
  return undefined;
}

function searchableField(collection: string, name: string, config: { type?: string; analyzer?: string } | null | undefined): SearchableField | undefined {
  const model = getField(collection, name);
  if (!model) return undefined;
  const type = config?.type ?? model.type;
  const forced = analyzerOf(config?.analyzer ?? undefined);
  switch (type) {
    case "string":
    case "text":
      // A forced analyzer replaces both the field's and the copy's mapping; upstream's copy is then
      // indexed by the default (German) analyzer.
      return {
        field: name,
        kind: "text",
        targets: [
          { name, analyzer: forced ?? "de", inAll: true },
          { name: `_${name}_original`, analyzer: forced ? "de" : "simple", inAll: true },
        ],
      };
    case "HTMLStrict":
    case "HTMLPermissive":
      return { field: name, kind: "text", targets: [{ name, analyzer: forced ?? "de_html", inAll: true }] };
    case "json-int-string-map":
      return { field: name, kind: "json-map", targets: [{ name, analyzer: forced ?? "de", inAll: true }] };
    case "generic-relation":
      return { field: name, kind: "keyword", targets: [] };
    case "relation":
    case "number":
      return { field: name, kind: "number", targets: [] };
    case "relation-list":
    case "number[]":
      return { field: name, kind: "numbers", targets: [] };
    default:
      return undefined;
  }
}

export function loadSearchModels(file: string | URL = process.env.SEARCH_YML_FILE || DEFAULT_SEARCH_YML): SearchModels {
  const raw = (parse(readFileSync(file, "utf8")) ?? {}) as Record<string, YamlCollection>;
  delete raw._meta;
  const collections = new Map<string, SearchCollection>();
  for (const [name, description] of Object.entries(raw)) {
    const searchable: SearchableField[] = [];
    const requestFields = new Map<string, FieldDescriptor>();
    const additional = new Set(description.additional ?? []);
    for (const field of description.searchable ?? []) {
      if (additional.has(field) || !getField(name, field)) continue;
      const indexed = searchableField(name, field, description.searchable_config?.[field]);
      if (indexed) searchable.push(indexed);
      requestFields.set(field, descriptor(description.relations?.[field]));
    }
    for (const field of additional) {
      if (getField(name, field)) requestFields.set(field, descriptor(description.relations?.[field]));
    }
    if (requestFields.size > 0) collections.set(name, { name, searchable, requestFields });
  }
  const containment = new Map<string, Set<string>>();
  for (const name of Object.keys(raw)) {
    const related = new Set([name]);
    for (const [other, description] of Object.entries(raw)) if (description.contains?.includes(name)) related.add(other);
    containment.set(name, related);
  }
  return { collections, containment };
}
