// A parsed key request (spec autoupdate-and-streaming.md 3.1): which fields of which objects a
// client wants, and which relations to follow from them.

export type RelationType = "relation" | "relation-list";
export type GenericRelationType = "generic-relation" | "generic-relation-list";

/** Field name -> how to treat its value; null = a plain field. Insertion order = request order. */
export type FieldMap = ReadonlyMap<string, FieldDescriptor>;

export type FieldDescriptor =
  | null
  | { type: RelationType; collection: string; fields: FieldMap }
  | { type: GenericRelationType; fields: FieldMap };

export interface KeyRequest {
  ids: readonly number[];
  collection: string;
  fields: FieldMap;
}
