// agenda_item.numbering, agenda_item.sort and agenda_item.assign over HTTP on the example data
// (meeting 1: agenda items 1-15, all roots except 14 under 3; common: 1, 3, 4, 7, 8, 9; hidden: 10;
// the rest internal; prefix "TOP", arabic numerals). The tests build on each other in order.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const ALL_IDS = Array.from({ length: 15 }, (_, index) => index + 1);

async function items(ids: number[], fields: string[]): Promise<Record<number, Record<string, unknown>>> {
  const result: Record<number, Record<string, unknown>> = {};
  for (const id of ids) {
    const model = await suite.server.db.get(`agenda_item/${id}`, fields);
    const { id: _id, ...rest } = model ?? {};
    result[id] = rest;
  }
  return result;
}

const setMeeting = (fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "meeting/1", fields }]));

test("numbering: common items in weight order with the prefix; internal, hidden and their children get ''", async () => {
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "agenda_item/5", fields: { item_number: "manual" } }]));
  const answer = await run(suite.admin, "agenda_item.numbering", { meeting_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [null]);
  const numbers = Object.fromEntries(Object.entries(await items(ALL_IDS, ["item_number"])).map(([id, model]) => [id, model.item_number]));
  assert.deepEqual(numbers, {
    3: "TOP 1", 4: "TOP 2", 7: "TOP 3", 8: "TOP 4", 9: "TOP 5", 1: "TOP 6",
    14: "", 5: "", 6: "", 10: "", 2: "", 11: "", 12: "", 13: "", 15: "",
  });
});

test("numbering: children numbered below their parent, roman root level, no prefix", async () => {
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "update", fqid: "agenda_item/4", fields: { parent_id: 3, weight: 1, level: 1 } },
      { type: "update", fqid: "agenda_item/14", fields: { type: "common", weight: 2 } },
      { type: "update", fqid: "agenda_item/9", fields: { parent_id: 10, level: 1 } },
    ]),
  );
  await setMeeting({ agenda_number_prefix: null, agenda_numeral_system: "roman" });
  const answer = await run(suite.admin, "agenda_item.numbering", { meeting_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const numbers = Object.fromEntries(Object.entries(await items([3, 4, 14, 7, 8, 9, 1], ["item_number"])).map(([id, model]) => [id, model.item_number]));
  // 9 is common but below the hidden item 10.
  assert.deepEqual(numbers, { 3: "I", 4: "I.1", 14: "I.2", 7: "II", 8: "III", 9: "", 1: "IV" });
  await setMeeting({ agenda_number_prefix: "P-", agenda_numeral_system: "arabic" });
  assert.equal((await run(suite.admin, "agenda_item.numbering", { meeting_id: 1 })).status, 200);
  assert.deepEqual(await items([3, 4, 14, 7], ["item_number"]), {
    3: { item_number: "P- 1" }, 4: { item_number: "P- 1.1" }, 14: { item_number: "P- 1.2" }, 7: { item_number: "P- 2" },
  });
});

test("sort: the whole tree sets parent, children, weight and level on both sides", async () => {
  const tree = [
    { id: 1, children: [{ id: 11, children: [{ id: 12 }] }, { id: 2, children: [{ id: 13 }, { id: 14 }] }] },
    { id: 3 },
    ...[4, 5, 6, 7, 8, 9, 10, 15].map((id) => ({ id })),
  ];
  const answer = await run(suite.admin, "agenda_item.sort", { meeting_id: 1, tree });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const fields = ["parent_id", "child_ids", "weight", "level"];
  assert.deepEqual(await items([1, 11, 2, 12, 13, 14, 3, 4, 9, 15], fields), {
    1: { child_ids: [2, 11], weight: 1, level: 0 },
    11: { parent_id: 1, child_ids: [12], weight: 1, level: 1 },
    2: { parent_id: 1, child_ids: [13, 14], weight: 2, level: 1 },
    12: { parent_id: 11, weight: 1, level: 2 },
    13: { parent_id: 2, weight: 1, level: 2 },
    14: { parent_id: 2, weight: 2, level: 2 },
    3: { weight: 2, level: 0 },
    4: { weight: 3, level: 0 },
    9: { weight: 8, level: 0 },
    15: { weight: 10, level: 0 },
  });
  assert.deepEqual((await suite.server.db.get("agenda_item/10", ["child_ids"]))?.child_ids, undefined, "10 lost its child 9");
});

test("sort: missing, duplicate and unknown ids; circles; nothing written", async () => {
  const flat = (ids: number[]) => ids.map((id) => ({ id }));
  const cases: Array<[unknown[], string]> = [
    [flat([1, 2, 3]), "Did not recieve 15 ids, got 3."],
    [[{ id: 1, children: [{ id: 11, children: [{ id: 12 }] }, { id: 12 }] }, ...flat(ALL_IDS.filter((id) => ![1, 11, 12].includes(id)))], "Duplicate id in sort tree: 12"],
    [[{ id: 1, children: [{ id: 11, children: [{ id: 12, children: [{ id: 1 }] }] }] }], "Duplicate id in sort tree: 1"],
    [flat([...ALL_IDS, 99]), "Id in sort tree does not exist: 99"],
  ];
  for (const [tree, message] of cases) {
    const answer = await run(suite.admin, "agenda_item.sort", { meeting_id: 1, tree });
    assert.equal(answer.status, 400, message);
    assert.equal(answer.body.message, message);
  }
  assert.deepEqual(await items([12], ["parent_id", "weight"]), { 12: { parent_id: 11, weight: 1 } });
  const badPayloads = [
    { meeting_id: 1, tree: [] },
    { meeting_id: 1, tree: [{ id: 1, children: [] }] },
    { meeting_id: 1, tree: [{ id: 1, extra: 1 }] },
    { meeting_id: 1 },
    { meeting_id: 1, tree: [{ id: 1 }], ids: [1] },
  ];
  for (const data of badPayloads) assert.equal((await run(suite.admin, "agenda_item.sort", data)).status, 400, JSON.stringify(data));
});

test("assign: under a parent (its weight + 1.., its level + 1), both sides of the relation", async () => {
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "agenda_item/3", fields: { weight: 100 } }]));
  const answer = await run(suite.admin, "agenda_item.assign", { meeting_id: 1, ids: [12, 4], parent_id: 3 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [null]);
  assert.deepEqual(await items([3, 12, 4, 11], ["parent_id", "child_ids", "weight", "level"]), {
    3: { child_ids: [4, 12], weight: 100, level: 0 },
    12: { parent_id: 3, weight: 101, level: 1 },
    4: { parent_id: 3, weight: 102, level: 1 },
    11: { parent_id: 1, weight: 1, level: 1 },
  });
});

test("assign: to the root level (weights from 10000, level 0)", async () => {
  const answer = await run(suite.admin, "agenda_item.assign", { meeting_id: 1, ids: [12, 4], parent_id: null });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await items([3, 12, 4], ["parent_id", "child_ids", "weight", "level"]), {
    3: { weight: 100, level: 0 },
    12: { weight: 10000, level: 0 },
    4: { weight: 10001, level: 0 },
  });
});

test("assign: not below a descendant, only items of the meeting, one data item", async () => {
  const circle = await run(suite.admin, "agenda_item.assign", { meeting_id: 1, ids: [1], parent_id: 13 });
  assert.equal(circle.status, 400);
  assert.equal(circle.body.message, "Assigning item 1 to one of its children is not possible.");
  const self = await run(suite.admin, "agenda_item.assign", { meeting_id: 1, ids: [2], parent_id: 2 });
  assert.equal(self.body.message, "Assigning item 2 to one of its children is not possible.");
  const unknown = await run(suite.admin, "agenda_item.assign", { meeting_id: 1, ids: [5, 99], parent_id: null });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Id 99 not in db_instances.");
  assert.deepEqual(await items([5], ["weight"]), { 5: { weight: 4 } }, "nothing written");
  const multi = await suite.admin.request("agenda_item.assign", [
    { meeting_id: 1, ids: [8], parent_id: 7 },
    { meeting_id: 1, ids: [7], parent_id: 8 },
  ]);
  assert.equal(multi.status, 400);
  assert.equal(multi.body.message, "data must contain less than or equal to 1 items");
  assert.deepEqual(await items([7, 8], ["parent_id"]), { 7: {}, 8: {} });
  for (const data of [{ meeting_id: 1, ids: [8] }, { meeting_id: 1, ids: [], parent_id: 7, weight: 3 }, { ids: [8], parent_id: 7 }, { meeting_id: 1, ids: [8, 8], parent_id: 7 }]) {
    assert.equal((await run(suite.admin, "agenda_item.assign", data)).status, 400, JSON.stringify(data));
  }
});

test("denied without agenda_item.can_manage; allowed with it", async () => {
  const cases: Array<[string, Record<string, unknown>]> = [
    ["agenda_item.sort", { meeting_id: 1, tree: ALL_IDS.map((id) => ({ id })) }],
    ["agenda_item.assign", { meeting_id: 1, ids: [8], parent_id: 7 }],
    ["agenda_item.numbering", { meeting_id: 1 }],
  ];
  for (const [action, data] of cases) {
    const denied = await run(suite.delegate, action, data);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: agenda_item.can_manage`);
  }
  assert.deepEqual(await items([8], ["parent_id", "weight"]), { 8: { weight: 7 } }, "nothing written");
  const group5 = await suite.server.db.get("group/5", ["permissions"]);
  await suite.server.db.transaction((tx) =>
    tx.write([{ type: "update", fqid: "group/5", fields: { permissions: [...(group5?.permissions as string[]), "agenda_item.can_manage"] } }]),
  );
  for (const [action, data] of cases) {
    const allowed = await run(suite.delegate, action, data);
    assert.equal(allowed.status, 200, `${action}: ${JSON.stringify(allowed.body)}`);
  }
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "group/5", fields: { permissions: group5?.permissions } }]));
});
