// motion.sort and motion.delete over HTTP on the example data (meeting 1 has motions 1-4; motion 2
// is an amendment of motion 1). Deletes work on motions created here, so every cascade target has
// a delete action.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

test("sort: the whole tree, weights among siblings, both sides of the parent relation", async () => {
  const answer = await suite.run(suite.admin, "motion.sort", { meeting_id: 1, tree: [{ id: 3, children: [{ id: 4 }, { id: 1, children: [{ id: 2 }] }] }] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.message, "Actions handled successfully");
  assert.deepEqual(await get("motion/3", ["sort_parent_id", "sort_weight"]), { id: 3, sort_weight: 1 });
  assert.deepEqual(((await get("motion/3", ["sort_child_ids"])).sort_child_ids as number[]).sort(), [1, 4]);
  assert.deepEqual(await get("motion/4", ["sort_parent_id", "sort_child_ids", "sort_weight"]), { id: 4, sort_parent_id: 3, sort_weight: 1 });
  assert.deepEqual(await get("motion/1", ["sort_parent_id", "sort_child_ids", "sort_weight"]), { id: 1, sort_parent_id: 3, sort_child_ids: [2], sort_weight: 2 });
  assert.deepEqual(await get("motion/2", ["sort_parent_id", "sort_weight"]), { id: 2, sort_parent_id: 1, sort_weight: 1 });

  const flat = await suite.run(suite.admin, "motion.sort", { meeting_id: 1, tree: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] });
  assert.equal(flat.status, 200, JSON.stringify(flat.body));
  assert.deepEqual(await get("motion/3", ["sort_parent_id", "sort_child_ids", "sort_weight"]), { id: 3, sort_weight: 3 });
  assert.equal((await get("motion/2", ["sort_parent_id"])).sort_parent_id, undefined);
});

test("sort: incomplete, duplicate and unknown ids, permission, payload", async () => {
  const cases: Array<[unknown[], string]> = [
    [[{ id: 1 }, { id: 2 }], "Did not recieve 4 ids, got 2."],
    [[{ id: 1, children: [{ id: 2 }] }, { id: 2 }, { id: 3 }, { id: 4 }], "Duplicate id in sort tree: 2"],
    [[{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }, { id: 111 }], "Id in sort tree does not exist: 111"],
  ];
  for (const [tree, message] of cases) {
    const answer = await suite.run(suite.admin, "motion.sort", { meeting_id: 1, tree });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, message);
  }
  assert.equal((await get("motion/3", ["sort_weight"])).sort_weight, 3, "nothing written");
  const denied = await suite.run(suite.delegate, "motion.sort", { meeting_id: 1, tree: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.sort. Missing Permission: motion.can_manage");
  assert.equal((await suite.run(suite.admin, "motion.sort", { meeting_id: 1 })).status, 400);
  const twice = await suite.admin.post("/system/action/handle_request", [
    { action: "motion.sort", data: [{ meeting_id: 1, tree: [{ id: 1 }, { id: 2 }, { id: 3 }, { id: 4 }] }, { meeting_id: 1, tree: [{ id: 1 }] }] },
  ]);
  assert.equal(twice.status, 400);
});

async function createMotion(data: Record<string, unknown> = {}): Promise<number> {
  const answer = await suite.run(suite.admin, "motion.create", { meeting_id: 1, title: "m", text: "t", agenda_create: true, ...data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id;
}

test("delete: cascades to agenda item, list of speakers, submitters and amendments; history", async () => {
  await write("meeting/1", { agenda_item_creation: "default_yes" });
  const lead = await createMotion({ submitter_meeting_user_ids: [2] });
  const amendment = await createMotion({ lead_motion_id: lead });
  const { agenda_item_id: agendaItemId, list_of_speakers_id: losId, submitter_ids: submitterIds } = await get(`motion/${lead}`, [
    "agenda_item_id",
    "list_of_speakers_id",
    "submitter_ids",
  ]);
  const answer = await suite.run(suite.admin, "motion.delete", { id: lead });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  for (const fqid of [`motion/${lead}`, `motion/${amendment}`, `agenda_item/${agendaItemId}`, `list_of_speakers/${losId}`, `motion_submitter/${(submitterIds as number[])[0]}`]) {
    assert.equal(await exists(fqid), false, fqid);
  }
  assert.equal(((await get("meeting_user/2", ["motion_submitter_ids"])).motion_submitter_ids as number[] | undefined)?.length ?? 0, 0);
  assert.ok(!((await get("meeting/1", ["motion_ids"])).motion_ids as number[]).includes(lead));
  assert.deepEqual(await lastHistory(`motion/${lead}`), ["Motion deleted"]);
  // As upstream: the history of the cascade (amendment, submitters) is dropped.
  assert.deepEqual(await lastHistory(`motion/${amendment}`), ["Motion created"]);
});

test("delete: a motion with its amendment in one request", async () => {
  const lead = await createMotion();
  const amendment = await createMotion({ lead_motion_id: lead });
  const answer = await suite.admin.post("/system/action/handle_request", [{ action: "motion.delete", data: [{ id: lead }, { id: amendment }] }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  // upstream's result of a delete whose instances are not the payload's items: null, not one entry per item
  assert.deepEqual(answer.body.results, [null]);
  assert.equal(await exists(`motion/${lead}`), false);
  assert.equal(await exists(`motion/${amendment}`), false);
  assert.deepEqual(await lastHistory(`motion/${amendment}`), ["Motion deleted"]);
});

test("delete: submitters in an editable state, others need motion.can_manage", async () => {
  const mine = await createMotion({ submitter_meeting_user_ids: [2] });
  const other = await createMotion();
  const denied = await suite.run(suite.delegate, "motion.delete", { id: other });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.delete. Missing Permission: motion.can_manage");
  await write("motion_state/1", { allow_submitter_edit: false });
  assert.equal((await suite.run(suite.delegate, "motion.delete", { id: mine })).status, 403);
  await write("motion_state/1", { allow_submitter_edit: true });
  const allowed = await suite.run(suite.delegate, "motion.delete", { id: mine });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
  assert.equal(await exists(`motion/${mine}`), false);
  assert.equal(await exists(`motion/${other}`), true);
});

test("delete: forwarding relatives get their history", async () => {
  const origin = await createMotion();
  const derived = await createMotion();
  await write(`motion/${derived}`, { origin_id: origin });
  await write(`motion/${origin}`, { all_derived_motion_ids: [derived] });
  const answer = await suite.run(suite.admin, "motion.delete", { id: derived });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await lastHistory(`motion/${origin}`), ["Forwarded motion deleted"]);
  assert.deepEqual(await lastHistory(`motion/${derived}`), ["Motion deleted"]);
});

test("delete: bad payloads", async () => {
  const missing = await suite.run(suite.admin, "motion.delete", { id: 9999 });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'motion/9999' does not exist.");
  assert.equal((await suite.run(suite.admin, "motion.delete", { id: 3, title: "x" })).status, 400);
  assert.equal(await exists("motion/3"), true);
});
