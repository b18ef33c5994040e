import { test } from "node:test";
import assert from "node:assert/strict";
import { planChanges } from "../../src/state/change-plan.js";
import type { ChangeSet } from "../../src/db/types.js";

const known = new Set(["motion/1", "motion/2", "topic/1"]);
const exists = (collection: string, id: number) => known.has(`${collection}/${id}`);

function plain(plan: ReturnType<typeof planChanges>) {
  return Object.fromEntries(
    [...plan].map(([collection, { deletes, full, partial }]) => [
      collection,
      { deletes: [...deletes], full: [...full], partial: Object.fromEntries([...partial].map(([id, fields]) => [id, [...fields]])) },
    ]),
  );
}

test("inserts are read completely, updates only their fields, deletes not at all", () => {
  const changes: ChangeSet[] = [
    {
      xactId: "10",
      entries: [
        { operation: "insert", fqid: "motion/3", fields: null },
        { operation: "update", fqid: "motion/1", fields: ["title", "reason"] },
        { operation: "delete", fqid: "topic/1", fields: null },
      ],
    },
  ];
  assert.deepEqual(plain(planChanges(changes, exists)), {
    motion: { deletes: [], full: [3], partial: { 1: ["title", "reason"] } },
    topic: { deletes: [1], full: [], partial: {} },
  });
});

test("several transactions fold per model; the last operation wins", () => {
  const changes: ChangeSet[] = [
    { xactId: "10", entries: [{ operation: "update", fqid: "motion/1", fields: ["title"] }] },
    { xactId: "11", entries: [{ operation: "update", fqid: "motion/1", fields: ["text"] }, { operation: "update", fqid: "motion/2", fields: ["title"] }] },
    { xactId: "12", entries: [{ operation: "delete", fqid: "motion/2", fields: null }] },
    { xactId: "13", entries: [{ operation: "delete", fqid: "topic/1", fields: null }, { operation: "insert", fqid: "topic/1", fields: null }] },
  ];
  assert.deepEqual(plain(planChanges(changes, exists)), {
    motion: { deletes: [2], full: [], partial: { 1: ["title", "text"] } },
    topic: { deletes: [], full: [1], partial: {} },
  });
});

test("an update of a model the state does not hold is read completely", () => {
  const plan = planChanges([{ xactId: "1", entries: [{ operation: "update", fqid: "motion/7", fields: ["title"] }] }], exists);
  assert.deepEqual(plain(plan), { motion: { deletes: [], full: [7], partial: {} } });
});

test("columns that are no fields, calculated fields and unknown collections are left out", () => {
  const plan = planChanges(
    [
      {
        xactId: "1",
        entries: [
          { operation: "update", fqid: "motion/1", fields: ["agenda_item_id", "no_such_column"] },
          { operation: "update", fqid: "motion/2", fields: ["content_object_id_motion_id"] },
          { operation: "update", fqid: "nothing/1", fields: ["x"] },
          { operation: "update", fqid: "garbage", fields: ["x"] },
        ],
      },
    ],
    exists,
  );
  assert.deepEqual(plain(plan), { motion: { deletes: [], full: [], partial: { 1: ["agenda_item_id"] } } });
});
