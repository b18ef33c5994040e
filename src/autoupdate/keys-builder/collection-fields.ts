// Which collection fields exist (every field of the models YAML, calculated ones included),
// case-sensitively, as upstream's key validation knows them.
import { STORAGE } from "../../meta/generated/storage.js";

export function collectionFieldExists(collection: string, field: string): boolean {
  return Object.hasOwn(STORAGE, collection) && Object.hasOwn(STORAGE[collection]!.fields, field);
}
