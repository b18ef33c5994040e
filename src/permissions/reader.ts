// What the permission rules read, and a per-request memo of those reads.
//
// Both the database layer's Reader and the action framework's OverlayReader fit this shape, so
// actions, presenters and autoupdate call the same rules on their own data source.
import { DatabaseError, type Filter, type Model } from "../db/types.js";

export interface PermissionReadOptions {
  /** false: read the stored state only, ignoring changes made earlier in the same request (OverlayReader). */
  useChanges?: boolean;
  lock?: boolean;
}

export interface PermissionReader {
  /** One model, or undefined (or an error) when it does not exist. */
  get(fqid: string, fields: string[], options?: PermissionReadOptions): Promise<Model | undefined>;
  getMany(collection: string, ids: number[], fields: string[]): Promise<Map<number, Model>>;
  filter(collection: string, filter: Filter, fields: string[]): Promise<Map<number, Model>>;
}

/** The model, or upstream's 400 "Model '<fqid>' does not exist." */
export async function mustGet(
  reader: PermissionReader,
  fqid: string,
  fields: string[],
  options?: PermissionReadOptions,
): Promise<Model> {
  const model = await reader.get(fqid, fields, options);
  if (!model || Object.keys(model).length === 0) {
    throw new DatabaseError(`Model '${fqid}' does not exist.`, "model_does_not_exist");
  }
  return model;
}

/**
 * Wraps a reader so that identical reads within one request are answered once (a presenter
 * checking many users, the restricter checking many objects of one meeting). Only for a phase in
 * which the permission data does not change: an action that writes groups or users and then
 * checks permissions again must use a fresh wrapper or the plain reader.
 */
export function cachedPermissionReader(reader: PermissionReader): PermissionReader {
  const memo = new Map<string, Promise<unknown>>();
  function remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    let found = memo.get(key) as Promise<T> | undefined;
    if (!found) {
      found = read();
      memo.set(key, found);
      // A failed read is not remembered: the next caller gets its own attempt and error.
      found.catch(() => memo.delete(key));
    }
    return found;
  }
  return {
    get: (fqid, fields, options) =>
      remember(`get ${fqid} ${fields.join(",")} ${options?.useChanges === false ? "stored" : ""}`, () => reader.get(fqid, fields, options)),
    getMany: (collection, ids, fields) =>
      remember(`getMany ${collection} ${ids.join(",")} ${fields.join(",")}`, () => reader.getMany(collection, ids, fields)),
    filter: (collection, filter, fields) =>
      remember(`filter ${collection} ${JSON.stringify(filter)} ${fields.join(",")}`, () => reader.filter(collection, filter, fields)),
  };
}

export function idList(value: unknown): number[] {
  return Array.isArray(value) ? (value.filter((id) => typeof id === "number") as number[]) : [];
}
