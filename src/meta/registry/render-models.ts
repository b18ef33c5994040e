// src/meta/generated/models.ts: one interface per collection with the values as they travel
// over the wire (autoupdate, action payloads, export JSON).
import type { ModelSource, SourceField } from "../source.js";
import { GENERATED_HEADER } from "./header.js";

const union = (values: readonly unknown[]): string => values.map((value) => JSON.stringify(value)).join(" | ");

function itemsEnumOf(field: SourceField, enumDefinitions: Record<string, string[]>): readonly unknown[] | undefined {
  const itemsEnum = (field.raw.items as { enum?: unknown } | undefined)?.enum;
  if (typeof itemsEnum === "string") return enumDefinitions[itemsEnum];
  return Array.isArray(itemsEnum) ? itemsEnum : undefined;
}

export function wireType(field: SourceField, enumDefinitions: Record<string, string[]>): string {
  switch (field.type) {
    case "number":
    case "float":
    case "timestamp":
    case "relation":
      return "number";
    case "boolean":
      return "boolean";
    case "JSON":
      return "unknown";
    case "number[]":
    case "relation-list":
      return "number[]";
    case "generic-relation-list":
      return "string[]";
    case "string[]":
    case "text[]": {
      const values = itemsEnumOf(field, enumDefinitions);
      return values ? `(${union(values)})[]` : "string[]";
    }
    default:
      // string, text, HTML, color, timezone, decimal(6) (a string like "1.000000"), generic-relation (an fqid)
      return Array.isArray(field.raw.enum) ? union(field.raw.enum) : "string";
  }
}

export const interfaceName = (collection: string): string =>
  collection.split("_").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("");

function docComment(field: SourceField): string[] {
  const notes: string[] = [];
  if (typeof field.raw.description === "string") notes.push(field.raw.description.trim().replace(/\*\//g, "*\\/"));
  if (field.type === "decimal(6)") notes.push("Decimal with up to 6 places, as a string.");
  if (field.type === "timestamp") notes.push("Unix time in seconds.");
  if (field.type === "generic-relation" || field.type === "generic-relation-list") notes.push("Fqids (collection/id).");
  if (notes.length === 0) return [];
  return ["  /**", ...notes.flatMap((note) => note.split("\n")).map((line) => `   * ${line}`.trimEnd()), "   */"];
}

export function renderModels(source: ModelSource): string {
  const collections = [...source.collections].sort((a, b) => (a.name < b.name ? -1 : 1));
  const lines = [
    GENERATED_HEADER,
    "// Wire types of every collection. Every field but `id` is optional: reads may be partial and",
    "// unset fields are absent.",
    "",
  ];
  for (const collection of collections) {
    lines.push(`export interface ${interfaceName(collection.name)} {`);
    for (const field of collection.fields) {
      lines.push(...docComment(field));
      lines.push(`  ${field.name}${field.name === "id" ? "" : "?"}: ${wireType(field, source.enumDefinitions)};`);
    }
    lines.push("}", "");
  }
  lines.push("/** Collection name -> its model type. */", "export interface Models {");
  for (const collection of collections) lines.push(`  ${collection.name}: ${interfaceName(collection.name)};`);
  lines.push("}", "", "export type CollectionName = keyof Models;", "");
  return lines.join("\n");
}
