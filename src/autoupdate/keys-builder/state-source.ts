// Values straight from the in-memory state, without restriction: for internal callers and
// tests. The autoupdate restricter provides the per-user source that clients go through.
import type { FieldKey, KeyValueSource } from "./expand.js";

export interface FieldReader {
  getField(collection: string, id: number, field: string): unknown;
}

export function unrestrictedSource(state: FieldReader): KeyValueSource {
  return {
    values: (keys: readonly FieldKey[]) => keys.map(({ collection, id, field }) => state.getField(collection, id, field)),
  };
}
