// motion_workflow.create(_simple_workflow|_complex_workflow) and motion_state.create/update over
// HTTP on the example data (meeting 1). The backend-internal workflow actions run on the
// internal route in development mode, as upstream.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { loggedInClient, startActionServer, type ActionServer, type Client, runInternal } from "./support/action-server.js";

let server: ActionServer;
let admin: Client;
let delegate: Client;

before(async () => {
  server = await startActionServer();
  admin = await loggedInClient(server.url, "admin", "admin");
  delegate = await loggedInClient(server.url, "a", "delegate");
});

after(async () => server?.close());

const act = (client: Client, action: string, data: unknown[]) => client.post("/system/action/handle_request", [{ action, data }]);
const internal = (action: string, data: unknown[]) => runInternal(server.url, action, data);

async function statesOf(workflowId: number) {
  const workflow = await server.db.get(`motion_workflow/${workflowId}`, ["state_ids", "first_state_id", "meeting_id", "sequential_number"]);
  const states = await server.db.getMany("motion_state", (workflow?.state_ids as number[]) ?? [], ["name", "weight", "next_state_ids", "first_state_of_workflow_id", "meeting_id", "css_class"]);
  const byWeight = [...states.values()].sort((a, b) => Number(a.weight) - Number(b.weight));
  return { workflow, states: byWeight };
}

describe("motion workflows", () => {
  test("create gives the workflow one first state, 'default'", async () => {
    const answer = await act(admin, "motion_workflow.create", [{ meeting_id: 1, name: "Mine" }]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { workflow, states } = await statesOf(answer.body.results[0][0].id);
    assert.equal(states.length, 1);
    assert.equal(states[0]!.name, "default");
    assert.equal(workflow?.first_state_id, states[0]!.id);
    assert.equal(states[0]!.meeting_id, 1);
    assert.ok(Number(workflow?.sequential_number) > 0);
  });

  test("the simple workflow: submitted leads to accepted, rejected and not decided", async () => {
    const answer = await internal("motion_workflow.create_simple_workflow", [{ meeting_id: 1, name: "Simple" }]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { workflow, states } = await statesOf(answer.body.results[0][0].id);
    assert.deepEqual(states.map((state) => state.name), ["submitted", "accepted", "rejected", "not decided"]);
    assert.deepEqual(states.map((state) => state.css_class), ["lightblue", "green", "red", "grey"]);
    assert.equal(workflow?.first_state_id, states[0]!.id);
    assert.deepEqual(states[0]!.next_state_ids, states.slice(1).map((state) => state.id));
  });

  test("the complex workflow: ten states and their transitions", async () => {
    const answer = await internal("motion_workflow.create_complex_workflow", [{ meeting_id: 1, name: "Complex" }]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { states } = await statesOf((answer.body as any).results[0][0].id);
    assert.equal(states.length, 10);
    const ids = states.map((state) => state.id as number);
    assert.deepEqual(states[0]!.next_state_ids, [ids[1], ids[5]]);
    assert.deepEqual(states[1]!.next_state_ids, [ids[2], ids[5], ids[9]]);
    assert.deepEqual(states[2]!.next_state_ids, [3, 4, 5, 6, 7, 8].map((index) => ids[index]));
  });

  test("the workflow templates are backend-internal", async () => {
    const answer = await act(admin, "motion_workflow.create_simple_workflow", [{ meeting_id: 1, name: "x" }]);
    assert.equal(answer.status, 400);
  });
});

describe("motion states", () => {
  test("create infers the meeting and the next weight; update links states of one workflow only", async () => {
    const created = await act(admin, "motion_state.create", [{ workflow_id: 1, name: "extra" }]);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const state = await server.db.get(`motion_state/${created.body.results[0][0].id}`, ["meeting_id", "weight", "workflow_id"]);
    const weights = [...(await server.db.filter("motion_state", { field: "workflow_id", operator: "=", value: 1 }, ["weight"])).values()].map((s) => Number(s.weight));
    assert.equal(state?.meeting_id, 1);
    assert.equal(state?.weight, Math.max(...weights));

    const foreign = (await server.db.filter("motion_state", { field: "workflow_id", operator: "!=", value: 1 }, ["id"])).keys().next().value as number;
    const mixed = await act(admin, "motion_state.update", [{ id: state!.id, next_state_ids: [foreign] }]);
    assert.equal(mixed.status, 400);
    assert.match(mixed.body.message, /^Cannot update: found states from different workflows/);
  });

  test("first states: only of its own workflow, and only once", async () => {
    const other = await act(admin, "motion_state.create", [{ workflow_id: 1, name: "x", first_state_of_workflow_id: 2 }]);
    assert.equal(other.body.message, "This state of workflow 1 cannot be the first state of workflow 2.");
    const second = await act(admin, "motion_state.create", [{ workflow_id: 1, name: "x", first_state_of_workflow_id: 1 }]);
    assert.equal(second.body.message, "There is already a first state for this workflow set. You can't change it.");
  });

  test("delegates are refused", async () => {
    const denied = await act(delegate, "motion_state.create", [{ workflow_id: 1, name: "nope" }]);
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform action motion_state.create. Missing Permission: motion.can_manage");
  });
});
