// What the restricter reads: the in-memory state (src/state LiveState fits), and a wrapper that
// records every key read, so that a subscription knows which changes can alter what it may see.
export interface StateReader {
  getField(collection: string, id: number, field: string): unknown;
  exists(collection: string, id: number): boolean;
  ids(collection: string): readonly number[];
}

/** Marks a dependency on a whole collection (any change of it matters). */
export const collectionDependency = (collection: string): string => `${collection}/*`;

export class RecordingReader implements StateReader {
  readonly read = new Set<string>();

  constructor(private readonly state: StateReader) {}

  getField(collection: string, id: number, field: string): unknown {
    this.read.add(`${collection}/${id}/${field}`);
    return this.state.getField(collection, id, field);
  }

  exists(collection: string, id: number): boolean {
    this.read.add(`${collection}/${id}/id`);
    return this.state.exists(collection, id);
  }

  ids(collection: string): readonly number[] {
    this.read.add(collectionDependency(collection));
    return this.state.ids(collection);
  }
}
