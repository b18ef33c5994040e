// motion.set_recommendation / reset_recommendation / follow_recommendation over HTTP on the
// example data (workflow 1: state 1 "submitted" -> 2 "accepted" (label Acceptance), 3, 4; state 5
// of workflow 2; motions 1-3 in state 1, motion 4 in state 7 of workflow 2; the delegate "a" has
// no motion.can_manage_metadata).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const now = () => Math.floor(Date.now() / 1000);

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

async function createMotion(data: Record<string, unknown> = {}): Promise<number> {
  const answer = await suite.run(suite.admin, "motion.create", { meeting_id: 1, title: "m", text: "t", ...data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id;
}

test("set_recommendation: both sides of the relation, last_modified, history", async () => {
  const start = now();
  const answer = await suite.run(suite.admin, "motion.set_recommendation", { id: 1, recommendation_id: 2 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[null]]);
  const motion = await get("motion/1", ["recommendation_id", "last_modified", "state_id"]);
  assert.equal(motion.recommendation_id, 2);
  assert.equal(motion.state_id, 1);
  assert.ok(Number(motion.last_modified) >= start);
  assert.deepEqual((await get("motion_state/2", ["motion_recommendation_ids"])).motion_recommendation_ids, [1]);
  assert.deepEqual(await lastHistory("motion/1"), ["Recommendation set to {}", "motion_state/2"]);

  // Changing it moves the motion from one state's list to the other's.
  assert.equal((await suite.run(suite.admin, "motion.set_recommendation", { id: 1, recommendation_id: 3 })).status, 200);
  assert.equal((await get("motion_state/2", ["motion_recommendation_ids"])).motion_recommendation_ids, undefined);
  assert.deepEqual((await get("motion_state/3", ["motion_recommendation_ids"])).motion_recommendation_ids, [1]);
});

test("set_recommendation: several motions, each with its own history", async () => {
  const answer = await suite.admin.post("/system/action/handle_request", [
    { action: "motion.set_recommendation", data: [{ id: 2, recommendation_id: 2 }, { id: 3, recommendation_id: 4 }] },
  ]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await lastHistory("motion/2"), ["Recommendation set to {}", "motion_state/2"]);
  assert.deepEqual(await lastHistory("motion/3"), ["Recommendation set to {}", "motion_state/4"]);
  assert.equal((await get("motion/3", ["recommendation_id"])).recommendation_id, 4);
});

test("set_recommendation: label required, same workflow, permission, payload", async () => {
  const noLabel = await suite.run(suite.admin, "motion.set_recommendation", { id: 2, recommendation_id: 1 });
  assert.equal(noLabel.status, 400);
  assert.equal(noLabel.body.message, "Recommendation label of a recommendation must be set.");
  const otherWorkflow = await suite.run(suite.admin, "motion.set_recommendation", { id: 2, recommendation_id: 8 });
  assert.equal(otherWorkflow.status, 400);
  assert.equal(otherWorkflow.body.message, "Cannot set recommendation. State is from a different workflow as motion.");
  const denied = await suite.run(suite.delegate, "motion.set_recommendation", { id: 2, recommendation_id: 3 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.set_recommendation. Missing Permission: motion.can_manage_metadata");
  const missing = await suite.run(suite.admin, "motion.set_recommendation", { id: 2 });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Action motion.set_recommendation: data must contain ['recommendation_id'] properties");
  const unknownState = await suite.run(suite.admin, "motion.set_recommendation", { id: 2, recommendation_id: 999 });
  assert.equal(unknownState.status, 400);
  assert.equal(unknownState.body.message, "Model 'motion_state/999' does not exist.");
  assert.equal((await get("motion/2", ["recommendation_id"])).recommendation_id, 2, "nothing written");
});

test("reset_recommendation: null on both sides, last_modified, history; also without a recommendation", async () => {
  await write("motion/2", { last_modified: 1 });
  const answer = await suite.run(suite.admin, "motion.reset_recommendation", { id: 2 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const motion = await get("motion/2", ["recommendation_id", "last_modified"]);
  assert.equal(motion.recommendation_id, undefined);
  assert.ok(Number(motion.last_modified) > 1);
  assert.ok(!(((await get("motion_state/2", ["motion_recommendation_ids"])).motion_recommendation_ids as number[] | undefined) ?? []).includes(2));
  assert.deepEqual(await lastHistory("motion/2"), ["Recommendation reset"]);

  const again = await suite.run(suite.admin, "motion.reset_recommendation", { id: 2 });
  assert.equal(again.status, 200);
  assert.equal((await get("motion/2", ["recommendation_id"])).recommendation_id, undefined);
});

test("reset_recommendation: permission, unknown motion, payload", async () => {
  const denied = await suite.run(suite.delegate, "motion.reset_recommendation", { id: 3 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.reset_recommendation. Missing Permission: motion.can_manage_metadata");
  assert.equal((await get("motion/3", ["recommendation_id"])).recommendation_id, 4);
  const unknown = await suite.run(suite.admin, "motion.reset_recommendation", { id: 999 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion/999' does not exist.");
  const extra = await suite.run(suite.admin, "motion.reset_recommendation", { id: 3, recommendation_id: null });
  assert.equal(extra.status, 400);
  assert.equal(extra.body.message, "Action motion.reset_recommendation: data must not contain {'recommendation_id'} properties");
});

test("follow_recommendation: state := recommendation, extension copied with references, history", async () => {
  const id = await createMotion();
  const referenced = await createMotion();
  await write("motion_state/2", { show_state_extension_field: true, show_recommendation_extension_field: true });
  assert.equal((await suite.run(suite.admin, "motion.set_recommendation", { id, recommendation_id: 2 })).status, 200);
  await write(`motion/${id}`, { recommendation_extension: `[motion/${referenced}]`, recommendation_extension_reference_ids: [`motion/${referenced}`], last_modified: 1 });
  await write(`motion/${referenced}`, { referenced_in_motion_recommendation_extension_ids: [id] });

  const answer = await suite.run(suite.admin, "motion.follow_recommendation", { id });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const motion = await get(`motion/${id}`, ["state_id", "recommendation_id", "state_extension", "state_extension_reference_ids", "last_modified", "number"]);
  assert.equal(motion.state_id, 2);
  assert.equal(motion.recommendation_id, 2, "the recommendation stays");
  assert.equal(motion.state_extension, `[motion/${referenced}]`);
  assert.deepEqual(motion.state_extension_reference_ids, [`motion/${referenced}`]);
  assert.ok(Number(motion.last_modified) > 1);
  assert.ok(motion.number, "state 2 sets a number");
  assert.deepEqual((await get(`motion/${referenced}`, ["referenced_in_motion_state_extension_ids"])).referenced_in_motion_state_extension_ids, [id]);
  assert.ok(((await get("motion_state/2", ["motion_ids"])).motion_ids as number[]).includes(id));
  assert.ok(!((await get("motion_state/1", ["motion_ids"])).motion_ids as number[]).includes(id));
  assert.deepEqual(await lastHistory(`motion/${id}`), ["State set to {}", "motion_state/2"]);

  // Following again: the recommendation is no next/previous state of itself.
  const again = await suite.run(suite.admin, "motion.follow_recommendation", { id });
  assert.equal(again.status, 400);
  assert.equal(again.body.message, "State '2' is not in next or previous states of the state '2'.");
});

test("follow_recommendation: an extension without references clears the state's references; hidden fields copy nothing", async () => {
  const id = await createMotion();
  const referenced = await createMotion();
  assert.equal((await suite.run(suite.admin, "motion.set_recommendation", { id, recommendation_id: 2 })).status, 200);
  await write(`motion/${id}`, { state_extension: `[motion/${referenced}]`, state_extension_reference_ids: [`motion/${referenced}`], recommendation_extension: "plain" });
  await write(`motion/${referenced}`, { referenced_in_motion_state_extension_ids: [id] });
  assert.equal((await suite.run(suite.admin, "motion.follow_recommendation", { id })).status, 200);
  const motion = await get(`motion/${id}`, ["state_id", "state_extension", "state_extension_reference_ids"]);
  assert.equal(motion.state_extension, "plain");
  assert.equal(motion.state_extension_reference_ids, undefined);
  assert.equal((await get(`motion/${referenced}`, ["referenced_in_motion_state_extension_ids"])).referenced_in_motion_state_extension_ids, undefined);

  // Recommendation 3 does not show the extension fields: the state extension stays.
  const hidden = await createMotion();
  assert.equal((await suite.run(suite.admin, "motion.set_recommendation", { id: hidden, recommendation_id: 3 })).status, 200);
  await write(`motion/${hidden}`, { recommendation_extension: "not copied" });
  assert.equal((await suite.run(suite.admin, "motion.follow_recommendation", { id: hidden })).status, 200);
  const result = await get(`motion/${hidden}`, ["state_id", "state_extension"]);
  assert.equal(result.state_id, 3);
  assert.equal(result.state_extension, undefined);
});

test("follow_recommendation: motions without a recommendation are skipped; graph check; permission", async () => {
  const id = await createMotion();
  const answer = await suite.run(suite.admin, "motion.follow_recommendation", { id });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal((await get(`motion/${id}`, ["state_id"])).state_id, 1);

  // Recommendation 2 is not reachable from state 1 once the link is gone.
  assert.equal((await suite.run(suite.admin, "motion.set_recommendation", { id, recommendation_id: 2 })).status, 200);
  await write("motion_state/1", { next_state_ids: [3, 4] });
  await write("motion_state/2", { previous_state_ids: null });
  const notNeighbour = await suite.run(suite.admin, "motion.follow_recommendation", { id });
  assert.equal(notNeighbour.status, 400);
  assert.equal(notNeighbour.body.message, "State '2' is not in next or previous states of the state '1'.");
  await write("motion_state/1", { next_state_ids: [2, 3, 4] });
  await write("motion_state/2", { previous_state_ids: [1] });

  const denied = await suite.run(suite.delegate, "motion.follow_recommendation", { id });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.follow_recommendation. Missing Permission: motion.can_manage_metadata");
  assert.equal((await get(`motion/${id}`, ["state_id"])).state_id, 1);
  const bad = await suite.run(suite.admin, "motion.follow_recommendation", { id, state_id: 2 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action motion.follow_recommendation: data must not contain {'state_id'} properties");
});

test("follow_recommendation: a submitter may follow while the state allows submitter edits", async () => {
  const id = await createMotion();
  assert.equal((await suite.run(suite.admin, "motion_submitter.create", { motion_id: id, meeting_user_id: 2 })).status, 200);
  assert.equal((await suite.run(suite.admin, "motion.set_recommendation", { id, recommendation_id: 4 })).status, 200);
  await write("motion_state/1", { allow_submitter_edit: true });
  const answer = await suite.run(suite.delegate, "motion.follow_recommendation", { id });
  await write("motion_state/1", { allow_submitter_edit: false });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal((await get(`motion/${id}`, ["state_id"])).state_id, 4);
});
