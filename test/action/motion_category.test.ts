// motion_category.* over HTTP on the example data. Meeting 1: category 1 "Cad" (prefix C, weight 2)
// with child category 2 "Bildung" (prefix B, weight 4); motion 2 (an amendment of motion 1) is in
// category 1, motions 1 (category_weight 10000) and 3 (100) in category 2, motion 4 in none.
// Numbers A1, "1 - 1", 2, 3; motions_number_min_digits 2, no blank, amendments prefix "-Ä".
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;
const numbers = async (ids: number[]) => Object.fromEntries(await Promise.all(ids.map(async (id) => [id, (await get(`motion/${id}`, ["number"])).number])));

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

test("number_motions: an amendment whose lead is outside the subtree is refused", async () => {
  await write("motion/1", { category_id: null });
  const answer = await suite.run(suite.admin, "motion_category.number_motions", { id: 1 });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, 'Amendment "2" cannot be numbered, because it\'s lead motion (1) is not in category 1 or any subcategory.');
  assert.deepEqual(await numbers([1, 2, 3]), { 1: "A1", 2: "1 - 1", 3: "2" });
  await write("motion/1", { category_id: 2 });
});

test("number_motions: subtree breadth first, category_weight order, inherited prefixes, amendments per lead", async () => {
  const start = Math.floor(Date.now() / 1000);
  const answer = await suite.run(suite.admin, "motion_category.number_motions", { id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [null]);
  // Category 1: motion 2; category 2: motion 3 (weight 100) before motion 1 (10000).
  assert.deepEqual(await get("motion/3", ["number", "number_value"]), { id: 3, number: "B01", number_value: 1 });
  assert.deepEqual(await get("motion/1", ["number", "number_value"]), { id: 1, number: "B02", number_value: 2 });
  assert.deepEqual(await get("motion/2", ["number", "number_value"]), { id: 2, number: "B02-Ä01", number_value: 1 });
  assert.deepEqual(await numbers([4]), { 4: "3" });
  assert.ok(((await get("motion/1", ["last_modified"])).last_modified as number) >= start);
  for (const id of [1, 2, 3]) assert.deepEqual(await lastHistory(`motion/${id}`), ["Number set"]);
  assert.equal(await lastHistory("motion/4"), undefined);
});

test("number_motions: blank and digits; sibling categories by weight; prefix lookup stops at the main category", async () => {
  await write("meeting/1", { motions_number_with_blank: true, motions_number_min_digits: 3, motions_amendments_prefix: "X" });
  // A sibling of category 2 with a lower weight and no prefix comes first and inherits "C".
  const created = await suite.run(suite.admin, "motion_category.create", { name: "Sibling", meeting_id: 1, parent_id: 1 });
  const sibling = created.body.results[0][0].id as number;
  await write(`motion_category/${sibling}`, { weight: 3 });
  await write("motion/4", { category_id: sibling, category_weight: 5 });
  const answer = await suite.run(suite.admin, "motion_category.number_motions", { id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await numbers([2, 4, 3, 1]), { 2: "B 003 X 001", 4: "C 001", 3: "B 002", 1: "B 003" });

  // Numbering the sibling alone: no prefix of its own, and the lookup stops at it.
  const alone = await suite.run(suite.admin, "motion_category.number_motions", { id: sibling });
  assert.equal(alone.status, 200, JSON.stringify(alone.body));
  assert.deepEqual(await get("motion/4", ["number", "number_value"]), { id: 4, number: " 001", number_value: 1 });
  await write("meeting/1", { motions_number_with_blank: false, motions_number_min_digits: 2, motions_amendments_prefix: "-Ä" });
});

test("number_motions: a number another motion holds is refused by the database", async () => {
  await write("motion/4", { number: "B01" });
  const answer = await suite.run(suite.admin, "motion_category.number_motions", { id: 2 });
  assert.equal(answer.status, 400);
  assert.equal(
    answer.body.message,
    'motion/3: duplicate key value violates unique constraint "unique_motion_meeting_id_number"\nDETAIL:  Key (meeting_id, number)=(1, B01) already exists.',
  );
  assert.deepEqual(await numbers([1, 3]), { 1: "B 003", 3: "B 002" });
});

test("number_motions: unknown category, denied caller, bad payload", async () => {
  const unknown = await suite.run(suite.admin, "motion_category.number_motions", { id: 4242 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_category/4242' does not exist.");
  const denied = await suite.run(suite.delegate, "motion_category.number_motions", { id: 1 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_category.number_motions. Missing Permission: motion.can_manage");
  const bad = await suite.run(suite.admin, "motion_category.number_motions", { id: 1, prefix: "Z" });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action motion_category.number_motions: data must not contain {'prefix'} properties");
});

test("sort_motions_in_category: category_weight 1..n in the given order; exactly the category's motions", async () => {
  const answer = await suite.run(suite.admin, "motion_category.sort_motions_in_category", { id: 2, motion_ids: [1, 3] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get("motion/1", ["category_weight"]), { id: 1, category_weight: 1 });
  assert.deepEqual(await get("motion/3", ["category_weight"]), { id: 3, category_weight: 2 });

  const missing = await suite.run(suite.admin, "motion_category.sort_motions_in_category", { id: 2, motion_ids: [3, 1, 4] });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "motion sorting failed, because element motion/4 doesn't exist.");
  const partial = await suite.run(suite.admin, "motion_category.sort_motions_in_category", { id: 2, motion_ids: [3] });
  assert.equal(partial.status, 400);
  assert.equal(partial.body.message, "motion sorting failed, because some elements were not included in the call.");
  const denied = await suite.run(suite.delegate, "motion_category.sort_motions_in_category", { id: 2, motion_ids: [3, 1] });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_category.sort_motions_in_category. Missing Permission: motion.can_manage");
  const bad = await suite.run(suite.admin, "motion_category.sort_motions_in_category", { id: 2 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action motion_category.sort_motions_in_category: data must contain ['motion_ids'] properties");
  assert.deepEqual(await get("motion/3", ["category_weight"]), { id: 3, category_weight: 2 });
});

test("motion_category.create: weight max+1, sequential number, parent on both sides", async () => {
  const answer = await suite.admin.request("motion_category.create", [
    { name: "test_Xcdfgee", prefix: "prefix_niqCxoXA", meeting_id: 1, parent_id: 2 },
    { name: "test_Xcdfgee2", meeting_id: 1 },
    { name: "prefix none", meeting_id: 1, prefix: null },
  ]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const [first, second, third] = answer.body.results[0];
  assert.equal(second.sequential_number, first.sequential_number + 1);
  assert.equal(third.sequential_number, first.sequential_number + 2);
  const maxBefore = 4; // categories 1 (2), 2 (4), the sibling (3)
  assert.deepEqual(await get(`motion_category/${first.id}`, ["name", "prefix", "meeting_id", "parent_id", "weight", "sequential_number", "level"]), {
    id: first.id,
    name: "test_Xcdfgee",
    prefix: "prefix_niqCxoXA",
    meeting_id: 1,
    parent_id: 2,
    weight: maxBefore + 1,
    sequential_number: first.sequential_number,
  });
  assert.equal((await get(`motion_category/${second.id}`, ["weight"])).weight, maxBefore + 2);
  assert.deepEqual(await get(`motion_category/${third.id}`, ["prefix", "weight"]), { id: third.id, weight: maxBefore + 3 });
  assert.deepEqual((await get("motion_category/2", ["child_ids"])).child_ids, [first.id]);
  assert.ok(((await get("meeting/1", ["motion_category_ids"])).motion_category_ids as number[]).includes(second.id));
});

test("motion_category.create: bad payloads write nothing", async () => {
  const count = async () => (await suite.server.db.filter("motion_category", { field: "meeting_id", operator: "=", value: 1 }, ["id"])).size;
  const before = await count();
  const empty = await suite.run(suite.admin, "motion_category.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action motion_category.create: data must contain ['meeting_id', 'name'] properties");
  const wrong = await suite.run(suite.admin, "motion_category.create", { name: "x", meeting_id: 1, wrong_field: "text_AefohteiF8" });
  assert.equal(wrong.body.message, "Action motion_category.create: data must not contain {'wrong_field'} properties");
  const weight = await suite.run(suite.admin, "motion_category.create", { name: "x", meeting_id: 1, weight: 3 });
  assert.equal(weight.body.message, "Action motion_category.create: data must not contain {'weight'} properties");
  const meeting = await suite.run(suite.admin, "motion_category.create", { name: "x", meeting_id: 4242 });
  assert.equal(meeting.status, 400);
  assert.equal(meeting.body.message, "Model 'meeting/4242' does not exist.");
  assert.equal(await count(), before);
});

test("motion_category.update: name, prefix (also cleared) and motions on both sides; non-unique prefixes allowed", async () => {
  const created = await suite.run(suite.admin, "motion_category.create", { name: "name_srtgb123", prefix: "prefix_JmDHFgvH", meeting_id: 1 });
  const id = created.body.results[0][0].id as number;
  const answer = await suite.run(suite.admin, "motion_category.update", { id, name: "name_Xcdfgee", prefix: "B", motion_ids: [4] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get(`motion_category/${id}`, ["name", "prefix", "motion_ids"]), { id, name: "name_Xcdfgee", prefix: "B", motion_ids: [4] });
  assert.equal((await get("motion/4", ["category_id"])).category_id, id);
  const cleared = await suite.run(suite.admin, "motion_category.update", { id, prefix: null });
  assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
  assert.equal((await get(`motion_category/${id}`, ["prefix"])).prefix, undefined);

  const unknown = await suite.run(suite.admin, "motion_category.update", { id: 4242, name: "name_Xcdfgee" });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_category/4242' does not exist.");
  const parent = await suite.run(suite.admin, "motion_category.update", { id, parent_id: 1 });
  assert.equal(parent.status, 400);
  assert.equal(parent.body.message, "Action motion_category.update: data must not contain {'parent_id'} properties");
  assert.equal((await get(`motion_category/${id}`, ["parent_id"])).parent_id, undefined);
});

test("motion_category: create, update, delete and sort denied without motion.can_manage", async () => {
  for (const [action, data] of [
    ["motion_category.create", { name: "mine", meeting_id: 1 }],
    ["motion_category.update", { id: 1, name: "mine" }],
    ["motion_category.delete", { id: 1 }],
    ["motion_category.sort", { meeting_id: 1, tree: [{ id: 1 }] }],
  ] as const) {
    const denied = await suite.run(suite.delegate, action, data);
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: motion.can_manage`);
  }
  assert.equal((await get("motion_category/1", ["name"])).name, "Cad");
});

test("motion_category.sort: parents, children, weights and levels of the whole tree", async () => {
  const all = [...(await suite.server.db.filter("motion_category", { field: "meeting_id", operator: "=", value: 1 }, ["id"])).keys()].sort((a, b) => a - b);
  const rest = all.filter((id) => id !== 1 && id !== 2);
  const tree = [{ id: 2, children: [{ id: 1, children: rest.map((id) => ({ id })) }] }];

  const missing = await suite.run(suite.admin, "motion_category.sort", { meeting_id: 1, tree: [{ id: 2 }] });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, `Did not recieve ${all.length} ids, got 1.`);
  const duplicate = await suite.run(suite.admin, "motion_category.sort", { meeting_id: 1, tree: [{ id: 2, children: [{ id: 1, children: [{ id: 2 }] }] }] });
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.body.message, "Duplicate id in sort tree: 2");
  const unknown = await suite.run(suite.admin, "motion_category.sort", { meeting_id: 1, tree: [...tree, { id: 4242 }] });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Id in sort tree does not exist: 4242");
  const twice = await suite.admin.request("motion_category.sort", [{ meeting_id: 1, tree }, { meeting_id: 1, tree }]);
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, "data must contain less than or equal to 1 items");
  assert.equal((await get("motion_category/2", ["parent_id"])).parent_id, 1);

  const answer = await suite.run(suite.admin, "motion_category.sort", { meeting_id: 1, tree });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get("motion_category/2", ["parent_id", "child_ids", "weight", "level"]), { id: 2, child_ids: [1], weight: 1, level: 0 });
  assert.deepEqual(await get("motion_category/1", ["parent_id", "child_ids", "weight", "level"]), { id: 1, parent_id: 2, child_ids: rest, weight: 1, level: 1 });
  for (const [index, id] of rest.entries()) {
    assert.deepEqual(await get(`motion_category/${id}`, ["parent_id", "child_ids", "weight", "level"]), { id, parent_id: 1, weight: index + 1, level: 2 });
  }
});

test("motion_category.delete: motions and child categories lose it", async () => {
  const unknown = await suite.run(suite.admin, "motion_category.delete", { id: 4242 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_category/4242' does not exist.");
  const answer = await suite.run(suite.admin, "motion_category.delete", { id: 2 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists("motion_category/2"), false);
  assert.equal((await get("motion/1", ["category_id"])).category_id, undefined);
  assert.equal((await get("motion/3", ["category_id"])).category_id, undefined);
  assert.equal((await get("motion_category/1", ["parent_id"])).parent_id, undefined);
  assert.ok(!((await get("meeting/1", ["motion_category_ids"])).motion_category_ids as number[]).includes(2));
});
