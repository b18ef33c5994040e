// The warm-up at start: it computes first lines of the client's shape for an administrator and a
// meeting member on the loaded data, and keeps none of them.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SharedResults, type VersionedReader } from "../../src/autoupdate/shared-result.js";
import { warmUp } from "../../src/autoupdate/warm-up.js";

type Model = Record<string, unknown>;

/** The example data, read-only, counting the reads per collection and user. */
class ExampleState implements VersionedReader {
  readonly version = 1;
  readonly reads = new Map<string, number>();
  private readonly data = new Map<string, Model>();

  constructor() {
    const raw = JSON.parse(readFileSync("seed/example-data.json", "utf8")) as Record<string, Record<string, Model> | number>;
    for (const [collection, models] of Object.entries(raw)) {
      if (typeof models !== "object") continue;
      for (const [id, model] of Object.entries(models)) this.data.set(`${collection}/${id}`, { ...model, id: Number(id) });
    }
  }

  getField(collection: string, id: number, field: string): unknown {
    this.reads.set(collection, (this.reads.get(collection) ?? 0) + 1);
    return this.data.get(`${collection}/${id}`)?.[field];
  }
  exists(collection: string, id: number): boolean {
    return this.data.has(`${collection}/${id}`);
  }
  ids(collection: string): readonly number[] {
    return [...this.data.keys()].filter((fqid) => fqid.startsWith(`${collection}/`)).map((fqid) => Number(fqid.split("/")[1])).sort((a, b) => a - b);
  }
}

describe("autoupdate warm-up", () => {
  test("computes the agenda of the first meeting and keeps no result", async () => {
    const state = new ExampleState();
    const results = new SharedResults(state);
    await warmUp(state, results);
    for (const collection of ["topic", "agenda_item", "list_of_speakers", "group"]) {
      assert.ok((state.reads.get(collection) ?? 0) > 0, `the warm-up read ${collection}`);
    }
    assert.equal(results.size, 0, "no shared result is held");
    assert.equal(results.profiles.size, 0, "no profile part is held");
  });

  test("an empty organization (no meeting) is nothing to warm up", async () => {
    const empty: VersionedReader = { version: 1, getField: () => undefined, exists: () => false, ids: () => [] };
    const results = new SharedResults(empty);
    await assert.doesNotReject(warmUp(empty, results));
    assert.equal(results.size, 0);
  });
});
