// Fully qualified ids ("collection/id") and conversions between relation values and fqids.
import type { FieldMeta } from "./model-meta.js";
import { targetCollection } from "./model-meta.js";

export const fqidOf = (collection: string, id: number): string => `${collection}/${id}`;

export function collectionOf(fqid: string): string {
  return fqid.slice(0, fqid.indexOf("/"));
}

export function idOf(fqid: string): number {
  return Number(fqid.slice(fqid.indexOf("/") + 1));
}

/** A relation value (id, id list, fqid, fqid list, null) as a list of fqids. */
export function relationValueToFqids(field: FieldMeta, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  if (field.relation?.generic) return values.map(String);
  const target = targetCollection(field);
  return values.map((id) => fqidOf(target, Number(id)));
}

/** The inverse of relationValueToFqids for the given field. */
export function fqidsToRelationValue(field: FieldMeta, fqids: string[]): unknown {
  const values = field.relation?.generic ? fqids : fqids.map(idOf);
  if (field.relation?.list) return values;
  return values.length === 0 ? null : values[0];
}
