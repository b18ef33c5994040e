// motion_submitter.create / delete / sort over HTTP on the example data (meeting 1: motion 1 has
// submitter 1 (meeting_user 1, weight 1); meeting users 2 "a" and 3 "b"; "a" has no
// motion.can_manage_metadata).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

test("create: meeting from the motion, weight, both sides of the relations, history", async () => {
  const answer = await suite.run(suite.admin, "motion_submitter.create", { motion_id: 1, meeting_user_id: 2 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id;
  assert.deepEqual(await get(`motion_submitter/${id}`, ["motion_id", "meeting_user_id", "meeting_id", "weight"]), {
    id,
    motion_id: 1,
    meeting_user_id: 2,
    meeting_id: 1,
    weight: 2,
  });
  assert.deepEqual(((await get("motion/1", ["submitter_ids"])).submitter_ids as number[]).sort((a, b) => a - b), [1, id]);
  assert.deepEqual((await get("meeting_user/2", ["motion_submitter_ids"])).motion_submitter_ids, [id]);
  assert.ok(((await get("meeting/1", ["motion_submitter_ids"])).motion_submitter_ids as number[]).includes(id));
  assert.deepEqual(await lastHistory("motion/1"), ["Submitters changed"]);

  const weighted = await suite.run(suite.admin, "motion_submitter.create", { motion_id: 1, meeting_user_id: 3, weight: 100 });
  assert.equal(weighted.status, 200, JSON.stringify(weighted.body));
  assert.equal((await get(`motion_submitter/${weighted.body.results[0][0].id}`, ["weight"])).weight, 100);
});

test("create: several in one request get consecutive weights", async () => {
  const answer = await suite.admin.post("/system/action/handle_request", [
    { action: "motion_submitter.create", data: [{ motion_id: 3, meeting_user_id: 2 }, { motion_id: 3, meeting_user_id: 3 }] },
  ]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const weights = await Promise.all(answer.body.results[0].map(async (result: { id: number }) => (await get(`motion_submitter/${result.id}`, ["weight"])).weight));
  assert.deepEqual(weights, [2, 3]);
});

test("create: errors", async () => {
  const duplicate = await suite.run(suite.admin, "motion_submitter.create", { motion_id: 1, meeting_user_id: 1 });
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.body.message, "(meeting_user_id, motion_id) must be unique.");
  const empty = await suite.run(suite.admin, "motion_submitter.create", {});
  assert.equal(empty.body.message, "Action motion_submitter.create: data must contain ['meeting_user_id', 'motion_id'] properties");
  const wrong = await suite.run(suite.admin, "motion_submitter.create", { motion_id: 1, meeting_user_id: 2, wrong_field: "x" });
  assert.equal(wrong.body.message, "Action motion_submitter.create: data must not contain {'wrong_field'} properties");
  const denied = await suite.run(suite.delegate, "motion_submitter.create", { motion_id: 4, meeting_user_id: 2 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_submitter.create. Missing Permission: motion.can_manage_metadata");
  assert.deepEqual((await get("motion/4", ["submitter_ids"])).submitter_ids, [4]);
});

test("create: a user of another meeting is refused", async () => {
  const meeting = await suite.run(suite.admin, "meeting.create", { committee_id: 1, name: "Other", language: "en", set_as_template: true });
  assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
  const meetingId = meeting.body.results[0][0].id;
  const groupId = (await get(`meeting/${meetingId}`, ["default_group_id"])).default_group_id;
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "create", fqid: "user/90", fields: { username: "outsider", is_active: true } },
      { type: "create", fqid: "meeting_user/90", fields: { user_id: 90, meeting_id: meetingId, group_ids: [groupId] } },
      { type: "update", fqid: `group/${groupId}`, fields: { meeting_user_ids: [90] } },
    ]),
  );
  const answer = await suite.run(suite.admin, "motion_submitter.create", { motion_id: 1, meeting_user_id: 90 });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, "The following models do not belong to meeting 1: ['user/90']");
});

test("sort: weights 1..n in the given order; all and only the motion's submitters", async () => {
  const submitterIds = ((await get("motion/1", ["submitter_ids"])).submitter_ids as number[]).sort((a, b) => a - b);
  const order = [...submitterIds].reverse();
  const answer = await suite.run(suite.admin, "motion_submitter.sort", { motion_id: 1, motion_submitter_ids: order });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  for (const [index, id] of order.entries()) assert.equal((await get(`motion_submitter/${id}`, ["weight"])).weight, index + 1);

  const missing = await suite.run(suite.admin, "motion_submitter.sort", { motion_id: 1, motion_submitter_ids: [...order, 999] });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "motion_submitter sorting failed, because element motion_submitter/999 doesn't exist.");
  const partial = await suite.run(suite.admin, "motion_submitter.sort", { motion_id: 1, motion_submitter_ids: order.slice(1) });
  assert.equal(partial.body.message, "motion_submitter sorting failed, because some elements were not included in the call.");
  const foreign = await suite.run(suite.admin, "motion_submitter.sort", { motion_id: 1, motion_submitter_ids: [...order, 4] });
  assert.equal(foreign.body.message, "motion_submitter sorting failed, because element motion_submitter/4 doesn't exist.");
  const denied = await suite.run(suite.delegate, "motion_submitter.sort", { motion_id: 1, motion_submitter_ids: order });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_submitter.sort. Missing Permission: motion.can_manage_metadata");
  assert.equal((await suite.run(suite.admin, "motion_submitter.sort", { motion_id: 1 })).status, 400);
});

test("delete: both sides, history; permission; unknown id", async () => {
  const denied = await suite.run(suite.delegate, "motion_submitter.delete", { id: 4 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_submitter.delete. Missing Permission: motion.can_manage_metadata");
  const answer = await suite.run(suite.admin, "motion_submitter.delete", { id: 4 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists("motion_submitter/4"), false);
  assert.equal((await get("motion/4", ["submitter_ids"])).submitter_ids, undefined);
  assert.ok(!((await get("meeting_user/1", ["motion_submitter_ids"])).motion_submitter_ids as number[]).includes(4));
  assert.deepEqual(await lastHistory("motion/4"), ["Submitters changed"]);
  const missing = await suite.run(suite.admin, "motion_submitter.delete", { id: 4 });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'motion_submitter/4' does not exist.");
});
