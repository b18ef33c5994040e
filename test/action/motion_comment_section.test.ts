// motion_comment_section.* over HTTP on the example data (meeting 1: section 1 "Neu", read and
// write groups 3 and 5, with comment 1 on motion 1; the delegate "a" lacks motion.can_manage).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;
const sectionIds = async () =>
  [...(await suite.server.db.filter("motion_comment_section", { field: "meeting_id", operator: "=", value: 1 }, ["id"])).keys()].sort((a, b) => a - b);

let anonymousGroupId = 0;

test("create: default weight 10000, sequential number, groups on both sides", async () => {
  const required = await suite.run(suite.admin, "motion_comment_section.create", { name: "test_Xcdfgee", meeting_id: 1 });
  assert.equal(required.status, 200, JSON.stringify(required.body));
  const { id, sequential_number: sequentialNumber } = required.body.results[0][0];
  assert.equal(typeof sequentialNumber, "number");
  assert.deepEqual(await get(`motion_comment_section/${id}`, ["name", "meeting_id", "weight", "sequential_number"]), {
    id,
    name: "test_Xcdfgee",
    meeting_id: 1,
    weight: 10000,
    sequential_number: sequentialNumber,
  });
  assert.ok(((await get("meeting/1", ["motion_comment_section_ids"])).motion_comment_section_ids as number[]).includes(id));

  const all = await suite.run(suite.admin, "motion_comment_section.create", {
    name: "all fields",
    meeting_id: 1,
    read_group_ids: [4],
    write_group_ids: [4],
    submitter_can_write: true,
  });
  assert.equal(all.status, 200, JSON.stringify(all.body));
  const allId = all.body.results[0][0].id as number;
  assert.equal(all.body.results[0][0].sequential_number, sequentialNumber + 1);
  assert.deepEqual(await get(`motion_comment_section/${allId}`, ["read_group_ids", "write_group_ids", "submitter_can_write", "weight"]), {
    id: allId,
    read_group_ids: [4],
    write_group_ids: [4],
    submitter_can_write: true,
    weight: 10000,
  });
  assert.deepEqual(await get("group/4", ["read_comment_section_ids", "write_comment_section_ids"]), {
    id: 4,
    read_comment_section_ids: [allId],
    write_comment_section_ids: [allId],
  });
});

test("create/update: the anonymous group may read but not write", async () => {
  const group = await suite.run(suite.admin, "group.create", { meeting_id: 1, name: "Public" });
  anonymousGroupId = group.body.results[0][0].id as number;
  await write("meeting/1", { anonymous_group_id: anonymousGroupId });

  const read = await suite.run(suite.admin, "motion_comment_section.create", { name: "public", meeting_id: 1, read_group_ids: [anonymousGroupId], write_group_ids: [3] });
  assert.equal(read.status, 200, JSON.stringify(read.body));
  const id = read.body.results[0][0].id as number;
  assert.deepEqual(await get(`motion_comment_section/${id}`, ["read_group_ids", "write_group_ids"]), { id, read_group_ids: [anonymousGroupId], write_group_ids: [3] });

  const count = (await sectionIds()).length;
  const writeCreate = await suite.run(suite.admin, "motion_comment_section.create", { name: "x", meeting_id: 1, write_group_ids: [anonymousGroupId] });
  assert.equal(writeCreate.status, 400);
  assert.equal(writeCreate.body.message, "Anonymous group is not allowed in write_group_ids.");
  assert.equal((await sectionIds()).length, count);

  const writeUpdate = await suite.run(suite.admin, "motion_comment_section.update", { id, write_group_ids: [3, anonymousGroupId] });
  assert.equal(writeUpdate.status, 400);
  assert.equal(writeUpdate.body.message, "Anonymous group is not allowed in write_group_ids.");
  const readUpdate = await suite.run(suite.admin, "motion_comment_section.update", { id: 1, read_group_ids: [3, 5, anonymousGroupId] });
  assert.equal(readUpdate.status, 200, JSON.stringify(readUpdate.body));
  assert.deepEqual((await get(`group/${anonymousGroupId}`, ["read_comment_section_ids"])).read_comment_section_ids, [1, id]);
});

test("update: all fields, groups on both sides; unknown id", async () => {
  const created = await suite.run(suite.admin, "motion_comment_section.create", { name: "name_srtgb123", meeting_id: 1, read_group_ids: [4] });
  const id = created.body.results[0][0].id as number;
  const answer = await suite.run(suite.admin, "motion_comment_section.update", {
    id,
    name: "name_iuqAPRuD",
    read_group_ids: [3],
    write_group_ids: [3],
    submitter_can_write: false,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get(`motion_comment_section/${id}`, ["name", "meeting_id", "read_group_ids", "write_group_ids", "submitter_can_write"]), {
    id,
    name: "name_iuqAPRuD",
    meeting_id: 1,
    read_group_ids: [3],
    write_group_ids: [3],
    submitter_can_write: false,
  });
  assert.ok(((await get("group/3", ["write_comment_section_ids"])).write_comment_section_ids as number[]).includes(id));
  assert.ok(!((await get("group/4", ["read_comment_section_ids"])).read_comment_section_ids as number[]).includes(id));

  const unknown = await suite.run(suite.admin, "motion_comment_section.update", { id: 4242, read_group_ids: [1] });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_comment_section/4242' does not exist.");
  const bad = await suite.run(suite.admin, "motion_comment_section.update", { id, weight: 3 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action motion_comment_section.update: data must not contain {'weight'} properties");
});

test("create: bad payloads", async () => {
  const empty = await suite.run(suite.admin, "motion_comment_section.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action motion_comment_section.create: data must contain ['meeting_id', 'name'] properties");
  const wrong = await suite.run(suite.admin, "motion_comment_section.create", { name: "name_test1", meeting_id: 1, wrong_field: "text_AefohteiF8" });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Action motion_comment_section.create: data must not contain {'wrong_field'} properties");
});

test("denied without motion.can_manage", async () => {
  for (const [action, data] of [
    ["motion_comment_section.create", { name: "mine", meeting_id: 1 }],
    ["motion_comment_section.update", { id: 1, name: "mine" }],
    ["motion_comment_section.delete", { id: 1 }],
    ["motion_comment_section.sort", { meeting_id: 1, motion_comment_section_ids: [1] }],
  ] as const) {
    const denied = await suite.run(suite.delegate, action, data);
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: motion.can_manage`);
  }
  assert.equal((await get("motion_comment_section/1", ["name"])).name, "Neu");
});

test("sort: weights 1..n; exactly the meeting's sections; once per request", async () => {
  const ids = (await sectionIds()).reverse();
  const missing = await suite.run(suite.admin, "motion_comment_section.sort", { meeting_id: 1, motion_comment_section_ids: [...ids, 4242] });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "motion_comment_section sorting failed, because element motion_comment_section/4242 doesn't exist.");
  const partial = await suite.run(suite.admin, "motion_comment_section.sort", { meeting_id: 1, motion_comment_section_ids: ids.slice(1) });
  assert.equal(partial.status, 400);
  assert.equal(partial.body.message, "motion_comment_section sorting failed, because some elements were not included in the call.");
  const bad = await suite.run(suite.admin, "motion_comment_section.sort", { meeting_id: 1, motion_comment_section_ids: [1, 1] });
  assert.equal(bad.status, 400);
  assert.equal((await get("motion_comment_section/1", ["weight"])).weight, 10000);

  const twice = await suite.admin.request("motion_comment_section.sort", [
    { meeting_id: 1, motion_comment_section_ids: ids },
    { meeting_id: 1, motion_comment_section_ids: ids },
  ]);
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, "data must contain less than or equal to 1 items");
  assert.equal((await get("motion_comment_section/1", ["weight"])).weight, 10000);

  const answer = await suite.run(suite.admin, "motion_comment_section.sort", { meeting_id: 1, motion_comment_section_ids: ids });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  for (const [index, id] of ids.entries()) assert.equal((await get(`motion_comment_section/${id}`, ["weight"])).weight, index + 1);
});

test("delete: refused while comments exist (naming up to three motions), else groups lose the section", async () => {
  const one = await suite.run(suite.admin, "motion_comment_section.delete", { id: 1 });
  assert.equal(one.status, 400);
  assert.equal(one.body.message, 'This section has still comments in motion "1". Please remove all comments before deletion.');

  for (const motionId of [2, 3]) {
    const comment = await suite.run(suite.admin, "motion_comment.create", { comment: `on ${motionId}`, motion_id: motionId, section_id: 1 });
    assert.equal(comment.status, 200, JSON.stringify(comment.body));
  }
  const three = await suite.run(suite.admin, "motion_comment_section.delete", { id: 1 });
  assert.equal(three.status, 400);
  assert.match(three.body.message, /^This section has still comments in motions "\d", "\d", "\d"\. Please remove all comments before deletion\.$/);
  for (const motionId of ["1", "2", "3"]) assert.ok(three.body.message.includes(`"${motionId}"`));

  await suite.run(suite.admin, "motion_comment.create", { comment: "on 4", motion_id: 4, section_id: 1 });
  const four = await suite.run(suite.admin, "motion_comment_section.delete", { id: 1 });
  assert.equal(four.status, 400);
  assert.match(four.body.message, /^This section has still comments in motions "\d", "\d", "\d", \.\.\. Please remove all comments before deletion\.$/);
  assert.equal(await exists("motion_comment_section/1"), true);

  const unknown = await suite.run(suite.admin, "motion_comment_section.delete", { id: 4242 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_comment_section/4242' does not exist.");

  const created = await suite.run(suite.admin, "motion_comment_section.create", { name: "empty", meeting_id: 1, read_group_ids: [3], write_group_ids: [3] });
  const id = created.body.results[0][0].id as number;
  const deleted = await suite.run(suite.admin, "motion_comment_section.delete", { id });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await exists(`motion_comment_section/${id}`), false);
  assert.ok(!((await get("group/3", ["read_comment_section_ids"])).read_comment_section_ids as number[]).includes(id));
  assert.ok(!((await get("meeting/1", ["motion_comment_section_ids"])).motion_comment_section_ids as number[]).includes(id));
});
