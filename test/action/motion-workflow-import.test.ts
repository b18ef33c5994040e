// motion_workflow.import over HTTP on the example data (meeting 1): the workflow with its states,
// first state and next / previous links on both sides, the state-name checks, permissions.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const model = (fqid: string, fields?: string[]) => suite.server.db.get(fqid, fields);
const workflowIds = async () => [...(await suite.server.db.filter("motion_workflow", undefined, ["id"])).keys()];

const state = (name: string, next: string[], previous: string[], weight = 1) => ({
  name,
  recommendation_label: "",
  css_class: "grey",
  restrictions: [],
  allow_support: true,
  allow_submitter_edit: false,
  allow_create_poll: false,
  set_number: false,
  show_state_extension_field: false,
  show_recommendation_extension_field: false,
  merge_amendment_into_final: null,
  next_state_names: next,
  previous_state_names: previous,
  weight,
  set_workflow_timestamp: true,
  allow_motion_forwarding: true,
  allow_amendment_forwarding: true,
});
const empty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);

describe("motion_workflow.import", () => {
  test("one state named as first state: workflow, state and meeting linked", async () => {
    const answer = await suite.run(suite.admin, "motion_workflow.import", {
      name: "imported",
      meeting_id: 1,
      first_state_name: "begin",
      states: [state("begin", [], [])],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const { id, sequential_number } = answer.body.results[0][0];
    const workflow = await model(`motion_workflow/${id}`);
    assert.equal(workflow?.name, "imported");
    assert.equal(workflow?.sequential_number, sequential_number);
    assert.equal(workflow?.meeting_id, 1);
    const begin = await model(`motion_state/${workflow?.first_state_id}`);
    assert.deepEqual(
      [begin?.name, begin?.workflow_id, begin?.first_state_of_workflow_id, begin?.weight, begin?.css_class, begin?.allow_motion_forwarding],
      ["begin", id, id, 1, "grey", true],
    );
    assert.deepEqual(workflow?.state_ids, [begin?.id]);
    assert.ok(((await model("meeting/1", ["motion_workflow_ids"]))?.motion_workflow_ids as number[]).includes(id));
  });

  test("next / previous names become state ids on both sides; without first_state_name the first state is first", async () => {
    const answer = await suite.run(suite.admin, "motion_workflow.import", {
      name: "graph",
      meeting_id: 1,
      first_state_name: "",
      states: [state("begin", ["edit", "read"], [], 10), state("edit", ["end"], ["begin"], 11), state("read", [], ["begin"], 12), state("end", [], ["edit"], 13)],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const workflow = await model(`motion_workflow/${answer.body.results[0][0].id}`);
    const [begin, edit, read, end] = workflow?.state_ids as number[];
    assert.equal(workflow?.first_state_id, begin);
    assert.deepEqual((await model(`motion_state/${begin}`))?.next_state_ids, [edit, read]);
    const editState = await model(`motion_state/${edit}`);
    assert.deepEqual([editState?.next_state_ids, editState?.previous_state_ids, editState?.weight], [[end], [begin], 11]);
    const readState = await model(`motion_state/${read}`);
    assert.ok(empty(readState?.next_state_ids));
    assert.deepEqual(readState?.previous_state_ids, [begin]);
    assert.deepEqual((await model(`motion_state/${end}`))?.previous_state_ids, [edit]);
  });

  test("bad state lists and payloads are refused; nothing written", async () => {
    const before = await workflowIds();
    const cases: Array<[unknown, string]> = [
      [{ first_state_name: "test", states: [state("begin", [], [])] }, "Some state names in first_state_name or next_state_names or previous_state_names are not found in the state list."],
      [{ states: [state("begin", ["test"], [])] }, "Some state names in first_state_name or next_state_names or previous_state_names are not found in the state list."],
      [{ states: [state("begin", ["edit"], []), state("edit", [], [])] }, "State begin is not in previous of edit."],
      [{ states: [state("begin", [], []), state("edit", [], ["begin"])] }, "State edit is not in next of begin."],
      [{ states: [state("twice", [], []), state("twice", [], [])] }, "State name twice not unique."],
      [{ states: [{ name: "x", unknown: 1 }] }, "Action motion_workflow.import: data.states[0] must not contain {'unknown'} properties"],
      [{ states: [state("begin", ["edit", "edit"], []), state("edit", [], ["begin"])] }, "Action motion_workflow.import: data.states[0].next_state_names must contain unique items"],
    ];
    for (const [extra, message] of cases) {
      const answer = await suite.run(suite.admin, "motion_workflow.import", { name: "bad", meeting_id: 1, ...(extra as object) });
      assert.equal(answer.status, 400, JSON.stringify(extra));
      assert.equal(answer.body.message, message);
    }
    assert.deepEqual(await workflowIds(), before);
  });

  test("a delegate without motion.can_manage is denied", async () => {
    const answer = await suite.run(suite.delegate, "motion_workflow.import", { name: "x", meeting_id: 1, states: [state("begin", [], [])] });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, "You are not allowed to perform action motion_workflow.import. Missing Permission: motion.can_manage");
  });
});
