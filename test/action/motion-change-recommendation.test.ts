// motion_change_recommendation.create / update / delete over HTTP on the example data (meeting 1;
// motion 3 has change recommendation 5, motion 4 has 4; the delegate "a" lacks motion.can_manage).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;
const now = () => Math.floor(Date.now() / 1000);

async function historyOf(fqid: string): Promise<Array<{ entries: unknown; model_id: unknown }>> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries", "model_id"]);
  return [...entries.keys()].sort((a, b) => a - b).map((id) => entries.get(id)! as { entries: unknown; model_id: unknown });
}
const lastHistory = async (fqid: string) => (await historyOf(fqid)).at(-1)?.entries;

async function createMotion(): Promise<number> {
  const answer = await suite.run(suite.admin, "motion.create", { meeting_id: 1, title: "m", text: "t" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id;
}

async function createRecommendation(motionId: number, lineFrom: number, lineTo: number, extra: Record<string, unknown> = {}) {
  return suite.run(suite.admin, "motion_change_recommendation.create", { motion_id: motionId, line_from: lineFrom, line_to: lineTo, text: "<p>t</p>", ...extra });
}

test("create: meeting from the motion, defaults, creation_time, both sides, history", async () => {
  const motionId = await createMotion();
  const start = now();
  const answer = await createRecommendation(motionId, 125, 234);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id;
  const model = await get(`motion_change_recommendation/${id}`, ["line_from", "line_to", "text", "motion_id", "type", "meeting_id", "creation_time", "rejected", "internal"]);
  assert.equal(model.meeting_id, 1);
  assert.equal(model.type, "replacement");
  assert.equal(model.motion_id, motionId);
  assert.equal(model.rejected, false);
  assert.equal(model.internal, false);
  assert.ok(Number(model.creation_time) >= start);
  assert.deepEqual((await get(`motion/${motionId}`, ["change_recommendation_ids"])).change_recommendation_ids, [id]);
  assert.ok(((await get("meeting/1", ["motion_change_recommendation_ids"])).motion_change_recommendation_ids as number[]).includes(id));
  assert.deepEqual(await lastHistory(`motion/${motionId}`), ["Motion change recommendation created"]);

  const all = await createRecommendation(motionId, 300, 301, { rejected: true, internal: true, type: "other", other_description: "desc" });
  assert.equal(all.status, 200, JSON.stringify(all.body));
  const full = await get(`motion_change_recommendation/${all.body.results[0][0].id}`, ["rejected", "internal", "type", "other_description"]);
  assert.deepEqual({ ...full, id: undefined }, { id: undefined, rejected: true, internal: true, type: "other", other_description: "desc" });
});

test("create: line checks (title change, inverted span, collisions per motion)", async () => {
  const motionId = await createMotion();
  assert.equal((await createRecommendation(motionId, 0, 0)).status, 200, "title change");
  const inverted = await createRecommendation(motionId, 42, 24);
  assert.equal(inverted.status, 400);
  assert.equal(inverted.body.message, "Starting line must be smaller than ending line.");
  assert.equal((await createRecommendation(motionId, 1, 5)).status, 200);
  assert.equal((await createRecommendation(motionId, 10, 15)).status, 200);
  assert.equal((await createRecommendation(motionId, 6, 9)).status, 200, "fits in between");
  for (const [from, to] of [[1, 5], [4, 10], [5, 5], [15, 20], [0, 1]] as const) {
    const answer = await createRecommendation(motionId, from, to);
    assert.equal(answer.status, 400, `${from}-${to}`);
    assert.equal(answer.body.message, `The recommendation collides with an existing one (line ${from} - ${to}).`);
  }
  const other = await createMotion();
  assert.equal((await createRecommendation(other, 1, 5)).status, 200, "other motion");
  // Two colliding ones in one request.
  const third = await createMotion();
  const both = await suite.admin.post("/system/action/handle_request", [
    { action: "motion_change_recommendation.create", data: [{ motion_id: third, line_from: 1, line_to: 3, text: "a" }, { motion_id: third, line_from: 3, line_to: 4, text: "b" }] },
  ]);
  assert.equal(both.status, 400);
  assert.equal(both.body.message, "The recommendation collides with an existing one (line 3 - 4).");
  assert.equal((await get(`motion/${third}`, ["change_recommendation_ids"])).change_recommendation_ids, undefined);
});

test("create: payload and permission", async () => {
  const empty = await suite.run(suite.admin, "motion_change_recommendation.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action motion_change_recommendation.create: data must contain ['line_from', 'line_to', 'motion_id', 'text'] properties");
  const wrong = await suite.run(suite.admin, "motion_change_recommendation.create", { motion_id: 1, line_from: 1, line_to: 2, text: "x", wrong_field: "y" });
  assert.equal(wrong.body.message, "Action motion_change_recommendation.create: data must not contain {'wrong_field'} properties");
  const denied = await createRecommendation(1, 1, 2).then(() => suite.run(suite.delegate, "motion_change_recommendation.create", { motion_id: 1, line_from: 50, line_to: 60, text: "x" }));
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_change_recommendation.create. Missing Permission: motion.can_manage");
});

async function motionWithSpans(): Promise<{ motionId: number; ids: number[] }> {
  const motionId = await createMotion();
  const ids: number[] = [];
  for (const [from, to] of [[1, 2], [4, 6], [8, 10]] as const) ids.push((await createRecommendation(motionId, from, to)).body.results[0][0].id);
  return { motionId, ids };
}

test("update: plain fields, history on the motion (pointing to it)", async () => {
  const { motionId, ids } = await motionWithSpans();
  const answer = await suite.run(suite.admin, "motion_change_recommendation.update", {
    id: ids[0], text: "<p>new</p>", rejected: true, internal: true, type: "insertion", other_description: "o",
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const model = await get(`motion_change_recommendation/${ids[0]}`, ["text", "rejected", "internal", "type", "other_description", "line_from"]);
  assert.deepEqual(model, { id: ids[0], text: "<p>new</p>", rejected: true, internal: true, type: "insertion", other_description: "o", line_from: 1 });
  const last = (await historyOf(`motion/${motionId}`)).at(-1)!;
  assert.deepEqual(last.entries, ["Motion change recommendation updated"]);
  assert.equal(last.model_id, `motion/${motionId}`);
});

test("update: line changes of several recommendations and motions", async () => {
  const first = await motionWithSpans();
  const second = await motionWithSpans();
  const answer = await suite.admin.post("/system/action/handle_request", [
    {
      action: "motion_change_recommendation.update",
      data: [
        { id: first.ids[0], line_to: 5 },
        { id: first.ids[1], line_from: 6, line_to: 7 },
        { id: first.ids[2], line_from: 11, line_to: 33 },
        { id: second.ids[2], line_to: 22 },
      ],
    },
  ]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const spans = async (id: number) => {
    const model = await get(`motion_change_recommendation/${id}`, ["line_from", "line_to"]);
    return [model.line_from, model.line_to];
  };
  assert.deepEqual(await spans(first.ids[0]!), [1, 5]);
  assert.deepEqual(await spans(first.ids[1]!), [6, 7]);
  assert.deepEqual(await spans(first.ids[2]!), [11, 33]);
  assert.deepEqual(await spans(second.ids[2]!), [8, 22]);
});

test("update: intersections and inverted spans are refused", async () => {
  const { ids } = await motionWithSpans();
  const [a, b, c] = ids as [number, number, number];
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ id: b, line_to: 9 }, `{${b}, ${c}}`],
    [{ id: b, line_from: 2 }, `{${a}, ${b}}`],
    [{ id: b, line_from: 7, line_to: 12 }, `{${b}, ${c}}`],
    [{ id: b, line_from: 9, line_to: 9 }, `{${b}, ${c}}`],
    [{ id: b, line_to: 8 }, `{${b}, ${c}}`],
    [{ id: b, line_from: 0, line_to: 20 }, `{${a}, ${b}, ${c}}`],
  ];
  for (const [data, set] of cases) {
    const answer = await suite.run(suite.admin, "motion_change_recommendation.update", data);
    assert.equal(answer.status, 400, JSON.stringify(data));
    assert.equal(answer.body.message, `Cannot edit motion_change_recommendation: New line spans cause intersections concerning recommendations ${set}.`);
  }
  for (const data of [{ id: b, line_from: 6, line_to: 4 }, { id: b, line_to: 3 }]) {
    const answer = await suite.run(suite.admin, "motion_change_recommendation.update", data);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, `Cannot edit motion_change_recommendation/${b}: New line span would have its from line after its to line.`);
  }
  const model = await get(`motion_change_recommendation/${b}`, ["line_from", "line_to"]);
  assert.deepEqual([model.line_from, model.line_to], [4, 6], "nothing written");
});

test("update: unknown id, payload, permission", async () => {
  const unknown = await suite.run(suite.admin, "motion_change_recommendation.update", { id: 9999, text: "x" });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_change_recommendation/9999' does not exist.");
  const wrong = await suite.run(suite.admin, "motion_change_recommendation.update", { id: 5, motion_id: 1 });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Action motion_change_recommendation.update: data must not contain {'motion_id'} properties");
  const denied = await suite.run(suite.delegate, "motion_change_recommendation.update", { id: 5, text: "x" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_change_recommendation.update. Missing Permission: motion.can_manage");
});

test("delete: both sides, history on the motion; unknown id; permission", async () => {
  const denied = await suite.run(suite.delegate, "motion_change_recommendation.delete", { id: 5 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion_change_recommendation.delete. Missing Permission: motion.can_manage");
  assert.equal(await exists("motion_change_recommendation/5"), true);

  const answer = await suite.run(suite.admin, "motion_change_recommendation.delete", { id: 5 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists("motion_change_recommendation/5"), false);
  assert.equal((await get("motion/3", ["change_recommendation_ids"])).change_recommendation_ids, undefined);
  assert.ok(!((await get("meeting/1", ["motion_change_recommendation_ids"])).motion_change_recommendation_ids as number[]).includes(5));
  const last = (await historyOf("motion/3")).at(-1)!;
  assert.deepEqual(last.entries, ["Motion change recommendation deleted"]);
  assert.equal(last.model_id, "motion/3");

  const missing = await suite.run(suite.admin, "motion_change_recommendation.delete", { id: 5 });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'motion_change_recommendation/5' does not exist.");
});

test("delete: a motion's deletion removes its change recommendations through this action", async () => {
  const { motionId, ids } = await motionWithSpans();
  const answer = await suite.run(suite.admin, "motion.delete", { id: motionId });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  for (const id of ids) assert.equal(await exists(`motion_change_recommendation/${id}`), false);
  assert.ok(!(((await get("meeting/1", ["motion_change_recommendation_ids"])).motion_change_recommendation_ids as number[]) ?? []).some((id) => ids.includes(id)));
});
