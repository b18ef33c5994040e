// Helpers for tests of the in-memory state: write through the database layer and wait for the
// state change that the write causes.
import type { Database, WriteEvent } from "../../../src/db/types.js";
import type { LiveState, StateChange } from "../../../src/state/state.js";

/** The next change the state publishes (fails instead of hanging when none comes). */
export function nextChange(state: LiveState, guardMs = 15_000): Promise<StateChange> {
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      unsubscribe();
      reject(new Error("the state published no change"));
    }, guardMs);
    const unsubscribe = state.subscribe((change) => {
      clearTimeout(guard);
      unsubscribe();
      resolve(change);
    });
  });
}

/** Writes the events in one transaction and resolves with the state change it caused. */
export async function writeAndWait(db: Database, state: LiveState, events: WriteEvent[]): Promise<StateChange> {
  const change = nextChange(state);
  await db.transaction((tx) => tx.write(events));
  return change;
}

/** "collection/id/field" for every field the database holds for the model. */
export async function keysOfModel(db: Database, fqid: string): Promise<string[]> {
  const model = await db.get(fqid);
  return Object.keys(model ?? {}).map((field) => `${fqid}/${field}`);
}

export const sorted = (keys: Iterable<string>): string[] => [...keys].sort();
