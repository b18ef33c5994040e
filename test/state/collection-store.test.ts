import { test } from "node:test";
import assert from "node:assert/strict";
import { CollectionStore } from "../../src/state/collection-store.js";
import { fieldTable } from "../../src/state/fields.js";

const voteTable = fieldTable("vote")!;

test("writes report exactly the fields whose value changed", () => {
  const store = new CollectionStore(fieldTable("motion")!);
  assert.deepEqual(store.write(1, [["id", 1], ["title", "A"], ["tag_ids", [1, 2]], ["nope", 5]]).sort(), ["id", "tag_ids", "title"]);
  assert.deepEqual(store.write(1, [["title", "A"], ["tag_ids", [1, 2]]]), [], "same values");
  assert.deepEqual(store.write(1, [["tag_ids", [1, 3]], ["text", undefined]]), ["tag_ids"]);
  assert.deepEqual(store.write(1, [["title", null]]), ["title"]);
  assert.deepEqual(store.get(1), { id: 1, tag_ids: [1, 3] });
  assert.equal(store.getField(1, "title"), undefined);
  assert.equal(store.getField(1, "nope"), undefined);
});

test("replace makes the listed fields missing from the model absent", () => {
  const store = new CollectionStore(fieldTable("topic")!);
  store.write(4, [["id", 4], ["title", "T"], ["text", "x"]]);
  assert.deepEqual(store.replace(4, { id: 4, title: "T" }, ["id", "title", "text"]), ["text"]);
  assert.deepEqual(store.get(4), { id: 4, title: "T" });
});

test("models keep the definition order of fields, whatever order they were written in", () => {
  const store = new CollectionStore(voteTable);
  store.write(1, [["meeting_id", 1], ["value", "Y"], ["id", 1]]);
  const order = voteTable.names.filter((name) => ["id", "value", "meeting_id"].includes(name));
  assert.deepEqual(Object.keys(store.get(1)!), order);
});

test("enum and decimal strings are shared; ids sorted; delete reports the fields", () => {
  const store = new CollectionStore(voteTable);
  store.write(2, [["id", 2], ["weight", "1.000000".slice(0)], ["value", "Y"]]);
  store.write(1, [["id", 1], ["weight", ["1.000", "000"].join("")], ["value", "N"]]);
  assert.ok(voteTable.internedFields.has("weight"));
  assert.equal(voteTable.internedFields.has("value"), false, "vote/value is free text (varchar)");
  assert.equal(store.getField(1, "weight"), store.getField(2, "weight"));
  assert.deepEqual(store.ids(), [1, 2]);
  assert.deepEqual(store.delete(2).sort(), ["id", "value", "weight"]);
  assert.deepEqual(store.ids(), [1]);
  assert.deepEqual(store.delete(2), []);
});
