// motion.set_state and motion.reset_state over HTTP on the example data (workflow 1: state 1
// "submitted" -> 2, 3, 4 (all set_number); workflow 2: 5 -> 6, 10; 6 -> 7, 10, 15; motion 4 in
// state 7, number "3"; the delegate "a" is meeting_user 2 with motion.can_see through no group).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const setState = (client: Client, id: number, stateId: number) => suite.run(client, "motion.set_state", { id, state_id: stateId });

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

test("set_state: next state, number kept, timestamps, history", async () => {
  await write("motion_state/6", { set_workflow_timestamp: true });
  const id = await createMotion({ workflow_id: 2 });
  assert.equal((await get(`motion/${id}`, ["number"])).number, undefined);
  const answer = await setState(suite.admin, id, 6);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const motion = await get(`motion/${id}`, ["state_id", "number", "last_modified", "workflow_timestamp"]);
  assert.equal(motion.state_id, 6);
  assert.equal(motion.number, undefined, "state 6 has no set_number");
  assert.equal(typeof motion.workflow_timestamp, "number");
  assert.ok((motion.last_modified as number) >= Math.floor(Date.now() / 1000) - 5);
  assert.ok(((await get("motion_state/6", ["motion_ids"])).motion_ids as number[]).includes(id));
  assert.ok(!(((await get("motion_state/5", ["motion_ids"])).motion_ids as number[] | undefined) ?? []).includes(id));
  assert.deepEqual(await lastHistory(`motion/${id}`), ["State set to {}", "motion_state/6"]);

  // 7 has set_number; the timestamp is kept because the motion has one.
  const before = motion.workflow_timestamp;
  await write(`motion/${id}`, { workflow_timestamp: 1000 });
  assert.equal((await setState(suite.admin, id, 7)).status, 200);
  const numbered = await get(`motion/${id}`, ["number", "number_value", "workflow_timestamp"]);
  assert.equal(numbered.number, String(numbered.number_value).padStart(2, "0"));
  assert.equal(numbered.workflow_timestamp, 1000);
  assert.ok(before);
  // Back to a previous state keeps the number.
  assert.equal((await setState(suite.admin, id, 6)).status, 200);
  assert.equal((await get(`motion/${id}`, ["number"])).number, numbered.number);
  await write("motion_state/6", { set_workflow_timestamp: false });
});

test("set_state: several motions get consecutive numbers", async () => {
  await write("meeting/1", { motions_number_min_digits: 1 });
  const ids = [await createMotion({ workflow_id: 2 }), await createMotion({ workflow_id: 2 }), await createMotion({ workflow_id: 2 })];
  for (const id of ids) assert.equal((await setState(suite.admin, id, 6)).status, 200);
  const answer = await suite.admin.post("/system/action/handle_request", [{ action: "motion.set_state", data: ids.map((id) => ({ id, state_id: 7 })) }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const values = await Promise.all(ids.map(async (id) => (await get(`motion/${id}`, ["number_value"])).number_value as number));
  assert.deepEqual(values, [values[0], values[0]! + 1, values[0]! + 2]);
  for (const id of ids) assert.deepEqual(await lastHistory(`motion/${id}`), ["State set to {}", "motion_state/7"]);
  await write("meeting/1", { motions_number_min_digits: 2 });
});

test("set_state: submitters follow the graph, may withdraw, others need can_manage_metadata", async () => {
  const id = await createMotion({ workflow_id: 2, submitter_meeting_user_ids: [2] });
  // State 5 allows submitter edit: along the graph only.
  const wrong = await setState(suite.delegate, id, 7);
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "State '7' is not in next or previous states of the state '5'.");
  assert.equal((await setState(suite.delegate, id, 6)).status, 200);
  // State 6 does not allow submitter edit.
  const denied = await setState(suite.delegate, id, 7);
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.set_state. Missing Permission: motion.can_manage_metadata");
  // The withdraw state is allowed for submitters with motion.can_see (group 5 gets it for this).
  const permissions = (await get("group/5", ["permissions"])).permissions as string[];
  await write("motion_state/6", { submitter_withdraw_state_id: 15 });
  await write("group/5", { permissions: [...permissions, "motion.can_see"] });
  assert.equal((await setState(suite.delegate, id, 15)).status, 200);
  assert.equal((await get(`motion/${id}`, ["state_id"])).state_id, 15);
  await write("motion_state/6", { submitter_withdraw_state_id: null });
  // Metadata managers may jump anywhere.
  await write("group/5", { permissions: [...permissions, "motion.can_manage_metadata"] });
  assert.equal((await setState(suite.delegate, 4, 14)).status, 200);
  assert.equal((await setState(suite.delegate, 4, 1)).status, 200, "even into another workflow's state");
  await write("group/5", { permissions });
  const other = await setState(suite.delegate, 4, 7);
  assert.equal(other.status, 403);
  assert.equal((await get("motion/4", ["state_id"])).state_id, 1);
});

test("set_state: bad payloads", async () => {
  assert.equal((await suite.run(suite.admin, "motion.set_state", { id: 4 })).body.message, "Action motion.set_state: data must contain ['state_id'] properties");
  assert.equal((await suite.run(suite.admin, "motion.set_state", { id: 4, state_id: 7, number: "x" })).status, 400);
  const missing = await setState(suite.admin, 9999, 7);
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'motion/9999' does not exist.");
});

test("reset_state: first state of the workflow, number rule, workflow timestamp", async () => {
  const id = await createMotion({ workflow_id: 2 });
  assert.equal((await setState(suite.admin, id, 6)).status, 200);
  await write(`motion/${id}`, { number_value: 23, workflow_timestamp: 1111111 });
  await write("motion_state/5", { set_number: true, set_workflow_timestamp: false });
  const answer = await suite.run(suite.admin, "motion.reset_state", { id });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  let motion = await get(`motion/${id}`, ["state_id", "number", "number_value", "workflow_timestamp", "last_modified"]);
  assert.equal(motion.state_id, 5);
  assert.equal(motion.number_value, 23, "the existing number value is kept");
  assert.equal(motion.number, "23");
  assert.equal(motion.workflow_timestamp, undefined, "cleared: state 5 sets no timestamp");
  await write("motion_state/5", { set_number: false, set_workflow_timestamp: true });
  assert.equal((await suite.run(suite.admin, "motion.reset_state", { id })).status, 200);
  motion = await get(`motion/${id}`, ["workflow_timestamp", "last_modified", "number"]);
  assert.equal(motion.workflow_timestamp, motion.last_modified);
  assert.equal(motion.number, "23");
});

test("reset_state: permission and payload", async () => {
  const denied = await suite.run(suite.delegate, "motion.reset_state", { id: 4 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.reset_state. Missing Permission: motion.can_manage_metadata");
  const bad = await suite.run(suite.admin, "motion.reset_state", { id: 4, state_id: 5 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action motion.reset_state: data must not contain {'state_id'} properties");
});
