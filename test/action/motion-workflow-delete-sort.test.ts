// motion_workflow.create (checks) / update / delete and motion_state.delete / sort over HTTP on the
// example data (meeting 1: workflow 1 (states 1-4) is the default workflow for motions and
// amendments; workflow 2 holds states 5-15, motion 4 is in state 7; the delegate "a" lacks
// motion.can_manage).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;
const ids = (value: unknown) => (value as number[] | undefined) ?? [];

/** A new workflow with its "default" first state and two more states; returns [workflow, state ids]. */
async function workflowWithStates(): Promise<{ workflowId: number; stateIds: number[] }> {
  const created = await suite.run(suite.admin, "motion_workflow.create", { meeting_id: 1, name: "W" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const workflowId = created.body.results[0][0].id;
  const more = await suite.admin.post("/system/action/handle_request", [
    { action: "motion_state.create", data: [{ workflow_id: workflowId, name: "two" }, { workflow_id: workflowId, name: "three" }] },
  ]);
  assert.equal(more.status, 200, JSON.stringify(more.body));
  const first = (await get(`motion_workflow/${workflowId}`, ["first_state_id"])).first_state_id as number;
  return { workflowId, stateIds: [first, ...more.body.results[0].map((result: { id: number }) => result.id)] };
}

test("motion_workflow.create: payload and permission", async () => {
  const empty = await suite.run(suite.admin, "motion_workflow.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action motion_workflow.create: data must contain ['meeting_id', 'name'] properties");
  const wrong = await suite.run(suite.admin, "motion_workflow.create", { meeting_id: 1, name: "x", wrong_field: "y" });
  assert.equal(wrong.body.message, "Action motion_workflow.create: data must not contain {'wrong_field'} properties");
  const denied = await suite.run(suite.delegate, "motion_workflow.create", { meeting_id: 1, name: "x" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_workflow.create. Missing Permission: motion.can_manage");
  assert.deepEqual((await get("meeting/1", ["motion_workflow_ids"])).motion_workflow_ids, [1, 2]);
});

test("motion_workflow.update: name and first state, both sides", async () => {
  const { workflowId, stateIds } = await workflowWithStates();
  const answer = await suite.run(suite.admin, "motion_workflow.update", { id: workflowId, name: "Renamed", first_state_id: stateIds[1] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get(`motion_workflow/${workflowId}`, ["name", "first_state_id"]), { id: workflowId, name: "Renamed", first_state_id: stateIds[1] });
  assert.equal((await get(`motion_state/${stateIds[1]}`, ["first_state_of_workflow_id"])).first_state_of_workflow_id, workflowId);
  assert.equal((await get(`motion_state/${stateIds[0]}`, ["first_state_of_workflow_id"])).first_state_of_workflow_id, undefined);
});

test("motion_workflow.update: unknown id, payload, permission", async () => {
  const unknown = await suite.run(suite.admin, "motion_workflow.update", { id: 999, name: "x" });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_workflow/999' does not exist.");
  const wrong = await suite.run(suite.admin, "motion_workflow.update", { id: 1, meeting_id: 1 });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Action motion_workflow.update: data must not contain {'meeting_id'} properties");
  const denied = await suite.run(suite.delegate, "motion_workflow.update", { id: 1, name: "x" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_workflow.update. Missing Permission: motion.can_manage");
  assert.equal((await get("motion_workflow/1", ["name"])).name, "Simple Workflow");
});

test("motion_workflow.delete: the states go too, both sides", async () => {
  const { workflowId, stateIds } = await workflowWithStates();
  const answer = await suite.run(suite.admin, "motion_workflow.delete", { id: workflowId });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists(`motion_workflow/${workflowId}`), false);
  for (const id of stateIds) assert.equal(await exists(`motion_state/${id}`), false);
  const meeting = await get("meeting/1", ["motion_workflow_ids", "motion_state_ids"]);
  assert.ok(!ids(meeting.motion_workflow_ids).includes(workflowId));
  assert.ok(!ids(meeting.motion_state_ids).some((id) => stateIds.includes(id)));
});

test("motion_workflow.delete: default workflows, used states, unknown id, permission", async () => {
  const motions = await suite.run(suite.admin, "motion_workflow.delete", { id: 1 });
  assert.equal(motions.status, 400);
  assert.equal(
    motions.body.message,
    "You cannot delete the workflow as long as it is selected as default workflow for new motions in the settings. Please set another workflow as default in the settings and try to delete the workflow again.",
  );
  const { workflowId } = await workflowWithStates();
  await write("meeting/1", { motions_default_amendment_workflow_id: workflowId });
  await write(`motion_workflow/${workflowId}`, { default_amendment_workflow_meeting_id: 1 });
  const amendments = await suite.run(suite.admin, "motion_workflow.delete", { id: workflowId });
  assert.equal(amendments.status, 400);
  assert.equal(
    amendments.body.message,
    "You cannot delete the workflow as long as it is selected as default workflow for new amendments in the settings. Please set another workflow as default in the settings and try to delete the workflow again.",
  );
  await write("meeting/1", { motions_default_amendment_workflow_id: 1 });
  await write(`motion_workflow/${workflowId}`, { default_amendment_workflow_meeting_id: null });

  const used = await suite.run(suite.admin, "motion_workflow.delete", { id: 2 });
  assert.equal(used.status, 400);
  assert.equal(used.body.message, "You can not delete motion_workflow/2 because you have to delete the following related models first: ['motion/4']");
  assert.ok(await exists("motion_workflow/2"));
  assert.ok(await exists("motion_state/5"));

  const denied = await suite.run(suite.delegate, "motion_workflow.delete", { id: workflowId });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_workflow.delete. Missing Permission: motion.can_manage");
  const unknown = await suite.run(suite.admin, "motion_workflow.delete", { id: 999 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_workflow/999' does not exist.");
  assert.ok(await exists(`motion_workflow/${workflowId}`));
});

test("motion_state.delete: both sides, linked states and recommendations cleared", async () => {
  const { workflowId, stateIds } = await workflowWithStates();
  const [first, second, third] = stateIds as [number, number, number];
  await suite.run(suite.admin, "motion_state.update", { id: first, next_state_ids: [second, third] });
  await write("motion/1", { recommendation_id: 2 });
  await write("motion_state/2", { motion_recommendation_ids: [1] });

  const answer = await suite.run(suite.admin, "motion_state.delete", { id: second });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists(`motion_state/${second}`), false);
  assert.deepEqual((await get(`motion_state/${first}`, ["next_state_ids"])).next_state_ids, [third]);
  assert.deepEqual((await get(`motion_workflow/${workflowId}`, ["state_ids"])).state_ids, [first, third]);
  assert.ok(!ids((await get("meeting/1", ["motion_state_ids"])).motion_state_ids).includes(second));

  const recommended = await suite.run(suite.admin, "motion_state.delete", { id: 4 });
  assert.equal(recommended.status, 200, JSON.stringify(recommended.body));
  const withRecommendation = await suite.run(suite.admin, "motion_state.delete", { id: 2 });
  assert.equal(withRecommendation.status, 200, JSON.stringify(withRecommendation.body));
  assert.equal((await get("motion/1", ["recommendation_id"])).recommendation_id, undefined);
  assert.deepEqual((await get("motion_state/1", ["next_state_ids"])).next_state_ids, [3]);
});

test("motion_state.delete: first state and used states are protected; unknown id; permission", async () => {
  const first = await suite.run(suite.admin, "motion_state.delete", { id: 5 });
  assert.equal(first.status, 400);
  assert.equal(first.body.message, "You can not delete motion_state/5 because you have to delete the following related models first: ['motion_workflow/2']");
  const used = await suite.run(suite.admin, "motion_state.delete", { id: 7 });
  assert.equal(used.status, 400);
  assert.equal(used.body.message, "You can not delete motion_state/7 because you have to delete the following related models first: ['motion/4']");
  const unknown = await suite.run(suite.admin, "motion_state.delete", { id: 999 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_state/999' does not exist.");
  const denied = await suite.run(suite.delegate, "motion_state.delete", { id: 15 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_state.delete. Missing Permission: motion.can_manage");
  for (const id of [5, 7, 15]) assert.ok(await exists(`motion_state/${id}`));
});

test("motion_state.sort: weights 1..n; exactly the workflow's states; permission", async () => {
  const { workflowId, stateIds } = await workflowWithStates();
  const order = [...stateIds].reverse();
  const answer = await suite.run(suite.admin, "motion_state.sort", { workflow_id: workflowId, motion_state_ids: order });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  for (const [index, id] of order.entries()) assert.equal((await get(`motion_state/${id}`, ["weight"])).weight, index + 1);

  const extra = await suite.run(suite.admin, "motion_state.sort", { workflow_id: workflowId, motion_state_ids: [...order, 1] });
  assert.equal(extra.status, 400);
  assert.equal(extra.body.message, "motion_state sorting failed, because element motion_state/1 doesn't exist.");
  const partial = await suite.run(suite.admin, "motion_state.sort", { workflow_id: workflowId, motion_state_ids: order.slice(1) });
  assert.equal(partial.status, 400);
  assert.equal(partial.body.message, "motion_state sorting failed, because some elements were not included in the call.");
  const missing = await suite.run(suite.admin, "motion_state.sort", { workflow_id: workflowId });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Action motion_state.sort: data must contain ['motion_state_ids'] properties");
  const unknownWorkflow = await suite.run(suite.admin, "motion_state.sort", { workflow_id: 999, motion_state_ids: [1] });
  assert.equal(unknownWorkflow.status, 400);
  assert.equal(unknownWorkflow.body.message, "Model 'motion_workflow/999' does not exist.");
  const denied = await suite.run(suite.delegate, "motion_state.sort", { workflow_id: workflowId, motion_state_ids: stateIds });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_state.sort. Missing Permission: motion.can_manage");
  for (const [index, id] of order.entries()) assert.equal((await get(`motion_state/${id}`, ["weight"])).weight, index + 1, "unchanged");
});
