// structure_level_list_of_speakers.create / update / delete / add_time over HTTP on the example data
// (meeting 1 with structure levels 1-3 and lists of speakers 1-16, no structure level entries yet;
// the delegate "a" lacks list_of_speakers.can_manage). Backend-internal calls use the internal route.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, runInternal } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const COLLECTION = "structure_level_list_of_speakers";
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;
const ids = (value: unknown) => (value as number[] | undefined) ?? [];
const internal = (action: string, data: unknown[]) => runInternal(suite.server.url, action, data);

async function createEntry(structureLevelId: number, listOfSpeakersId: number, extra: Record<string, unknown> = {}): Promise<number> {
  const answer = await suite.run(suite.admin, `${COLLECTION}.create`, { structure_level_id: structureLevelId, list_of_speakers_id: listOfSpeakersId, ...extra });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id;
}

test("create: refused while structure level countdowns are off", async () => {
  const answer = await suite.run(suite.admin, `${COLLECTION}.create`, { structure_level_id: 1, list_of_speakers_id: 4 });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, "Structure level countdowns are deactivated");
  await write("meeting/1", { list_of_speakers_default_structure_level_time: 0 });
  assert.equal((await suite.run(suite.admin, `${COLLECTION}.create`, { structure_level_id: 1, list_of_speakers_id: 4 })).body.message, "Structure level countdowns are deactivated");
  await write("meeting/1", { list_of_speakers_default_structure_level_time: 600 });
});

test("create: meeting from the list, initial and remaining time, both sides of the relations", async () => {
  const id = await createEntry(1, 4);
  assert.deepEqual(await get(`${COLLECTION}/${id}`, ["structure_level_id", "list_of_speakers_id", "meeting_id", "initial_time", "remaining_time"]), {
    id, structure_level_id: 1, list_of_speakers_id: 4, meeting_id: 1, initial_time: 600, remaining_time: 600,
  });
  assert.deepEqual((await get("list_of_speakers/4", [`${COLLECTION}_ids`]))[`${COLLECTION}_ids`], [id]);
  assert.deepEqual((await get("structure_level/1", [`${COLLECTION}_ids`]))[`${COLLECTION}_ids`], [id]);
  assert.deepEqual((await get("meeting/1", [`${COLLECTION}_ids`]))[`${COLLECTION}_ids`], [id]);

  const custom = await createEntry(2, 4, { initial_time: 300 });
  const model = await get(`${COLLECTION}/${custom}`, ["initial_time", "remaining_time"]);
  assert.deepEqual([model.initial_time, model.remaining_time], [300, 300]);
});

test("create: unique pair, payload, permission", async () => {
  const duplicate = await suite.run(suite.admin, `${COLLECTION}.create`, { structure_level_id: 1, list_of_speakers_id: 4 });
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.body.message, "(structure_level_id, list_of_speakers_id) must be unique.");
  const empty = await suite.run(suite.admin, `${COLLECTION}.create`, {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, `Action ${COLLECTION}.create: data must contain ['list_of_speakers_id', 'structure_level_id'] properties`);
  const zero = await suite.run(suite.admin, `${COLLECTION}.create`, { structure_level_id: 3, list_of_speakers_id: 4, initial_time: 0 });
  assert.equal(zero.status, 400);
  const denied = await suite.run(suite.delegate, `${COLLECTION}.create`, { structure_level_id: 3, list_of_speakers_id: 4 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, `You are not allowed to perform action ${COLLECTION}.create. Missing Permission: list_of_speakers.can_manage`);
  assert.equal(ids((await get("list_of_speakers/4", [`${COLLECTION}_ids`]))[`${COLLECTION}_ids`]).length, 2, "nothing written");
});

test("create: speaker.create with a structure level creates the list's entry through this action", async () => {
  const answer = await suite.run(suite.admin, "speaker.create", { list_of_speakers_id: 5, meeting_user_id: 3, structure_level_id: 3 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const speaker = await get(`speaker/${answer.body.results[0][0].id}`, [`${COLLECTION}_id`]);
  const entry = await get(`${COLLECTION}/${speaker[`${COLLECTION}_id`]}`, ["structure_level_id", "list_of_speakers_id", "initial_time", "remaining_time"]);
  assert.deepEqual([entry.structure_level_id, entry.list_of_speakers_id, entry.initial_time, entry.remaining_time], [3, 5, 600, 600]);
});

test("update: initial_time resets remaining_time; remaining_time alone", async () => {
  const id = await createEntry(1, 8);
  await write(`${COLLECTION}/${id}`, { remaining_time: 500 });
  const answer = await suite.run(suite.admin, `${COLLECTION}.update`, { id, initial_time: 100 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  let model = await get(`${COLLECTION}/${id}`, ["initial_time", "remaining_time"]);
  assert.deepEqual([model.initial_time, model.remaining_time], [100, 100]);
  assert.equal((await suite.run(suite.admin, `${COLLECTION}.update`, { id, remaining_time: 700.5 })).status, 200);
  model = await get(`${COLLECTION}/${id}`, ["initial_time", "remaining_time"]);
  assert.deepEqual([model.initial_time, model.remaining_time], [100, 700.5]);
});

test("update: internal fields (start time, spoken time, additional time) on the internal route", async () => {
  const id = await createEntry(2, 8);
  const now = Math.floor(Date.now() / 1000);
  const start = await internal(`${COLLECTION}.update`, [{ id, current_start_time: now }]);
  assert.equal(start.status, 200, JSON.stringify(start.body));
  let model = await get(`${COLLECTION}/${id}`, ["current_start_time", "remaining_time"]);
  assert.deepEqual([model.current_start_time, model.remaining_time], [now, 600]);
  const stop = await internal(`${COLLECTION}.update`, [{ id, current_start_time: null, spoken_time: 100, additional_time: 5 }]);
  assert.equal(stop.status, 200, JSON.stringify(stop.body));
  model = await get(`${COLLECTION}/${id}`, ["current_start_time", "remaining_time", "additional_time"]);
  assert.deepEqual(model, { id, remaining_time: 500, additional_time: 5 });
  assert.equal((await internal(`${COLLECTION}.update`, [{ id, spoken_time: 0 }])).status, 200);
  assert.equal((await get(`${COLLECTION}/${id}`, ["remaining_time"])).remaining_time, 500);

  for (const field of ["current_start_time", "spoken_time", "remaining_time"]) {
    const answer = await internal(`${COLLECTION}.update`, [{ id, initial_time: 100, [field]: 100 }]);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, `Cannot set initial_time and ${field} at the same time.`);
  }
  const both = await internal(`${COLLECTION}.update`, [{ id, remaining_time: 100, spoken_time: 100 }]);
  assert.equal(both.status, 400);
  assert.equal(both.body.message, "Cannot set remaining_time and spoken_time at the same time.");
  const external = await suite.run(suite.admin, `${COLLECTION}.update`, { id, remaining_time: 180, initial_time: 190 });
  assert.equal(external.body.message, "Cannot set initial_time and remaining_time at the same time.");
  assert.equal((await get(`${COLLECTION}/${id}`, ["remaining_time"])).remaining_time, 500, "nothing written");
});

test("update: internal-only fields refused on the client route (even before the permission check); permission", async () => {
  const id = await createEntry(3, 8);
  for (const [field, value] of [["current_start_time", 100], ["spoken_time", 100], ["additional_time", 1]] as const) {
    for (const client of [suite.admin, suite.delegate]) {
      const answer = await suite.run(client, `${COLLECTION}.update`, { id, [field]: value });
      assert.equal(answer.status, 400);
      assert.equal(answer.body.message, `${field} is not allowed to be set.`);
    }
  }
  const denied = await suite.run(suite.delegate, `${COLLECTION}.update`, { id, remaining_time: 1 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, `You are not allowed to perform action ${COLLECTION}.update. Missing Permission: list_of_speakers.can_manage`);
  const wrong = await suite.run(suite.admin, `${COLLECTION}.update`, { id, spoken_time: -1 });
  assert.equal(wrong.status, 400);
  const unknown = await suite.run(suite.admin, `${COLLECTION}.update`, { id: 999, remaining_time: 1 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, `Model '${COLLECTION}/999' does not exist.`);
  assert.equal((await get(`${COLLECTION}/${id}`, ["remaining_time"])).remaining_time, 600);
});

test("delete: backend-internal; both sides; cascaded from the list of speakers", async () => {
  const id = await createEntry(1, 9);
  const external = await suite.run(suite.admin, `${COLLECTION}.delete`, { id });
  assert.equal(external.status, 400);
  assert.equal(external.body.message, `Action ${COLLECTION}.delete does not exist.`);
  const answer = await internal(`${COLLECTION}.delete`, [{ id }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists(`${COLLECTION}/${id}`), false);
  assert.equal((await get("list_of_speakers/9", [`${COLLECTION}_ids`]))[`${COLLECTION}_ids`], undefined);
  assert.ok(!ids((await get("structure_level/1", [`${COLLECTION}_ids`]))[`${COLLECTION}_ids`]).includes(id));
  assert.ok(!ids((await get("meeting/1", [`${COLLECTION}_ids`]))[`${COLLECTION}_ids`]).includes(id));

  // topic 8 -> list of speakers 10 -> its entries.
  const cascaded = await createEntry(2, 10);
  const topic = await suite.run(suite.admin, "topic.delete", { id: 8 });
  assert.equal(topic.status, 200, JSON.stringify(topic.body));
  assert.equal(await exists(`${COLLECTION}/${cascaded}`), false);
  assert.ok(!ids((await get("structure_level/2", [`${COLLECTION}_ids`]))[`${COLLECTION}_ids`]).includes(cascaded));
});

test("add_time: the overrun is added to every level of the list", async () => {
  const a = await createEntry(1, 6, { initial_time: 666 });
  const b = await createEntry(2, 6, { initial_time: 1000 });
  const c = await createEntry(3, 6, { initial_time: 1000 });
  const other = await createEntry(1, 7, { initial_time: 1000 });
  await write(`${COLLECTION}/${a}`, { remaining_time: -100 });
  await write(`${COLLECTION}/${b}`, { remaining_time: 200, current_start_time: Math.floor(Date.now() / 1000) });
  await write(`${COLLECTION}/${c}`, { remaining_time: 400, additional_time: 200 });
  await write(`${COLLECTION}/${other}`, { remaining_time: 300 });

  const running = await suite.run(suite.admin, `${COLLECTION}.add_time`, { id: b });
  assert.equal(running.status, 400);
  assert.equal(running.body.message, "Stop the current speaker before adding time");
  const positive = await suite.run(suite.admin, `${COLLECTION}.add_time`, { id: c });
  assert.equal(positive.status, 400);
  assert.equal(positive.body.message, "You can only add time if the remaining time is negative");
  const denied = await suite.run(suite.delegate, `${COLLECTION}.add_time`, { id: a });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, `You are not allowed to perform action ${COLLECTION}.add_time. Missing Permission: list_of_speakers.can_manage`);
  const empty = await suite.run(suite.admin, `${COLLECTION}.add_time`, {});
  assert.equal(empty.body.message, `Action ${COLLECTION}.add_time: data must contain ['id'] properties`);
  const two = await suite.admin.post("/system/action/handle_request", [{ action: `${COLLECTION}.add_time`, data: [{ id: a }, { id: a }] }]);
  assert.equal(two.status, 400);
  assert.equal(two.body.message, "data must contain less than or equal to 1 items");
  await write("meeting/1", { list_of_speakers_default_structure_level_time: 0 });
  const off = await suite.run(suite.admin, `${COLLECTION}.add_time`, { id: a });
  await write("meeting/1", { list_of_speakers_default_structure_level_time: 600 });
  assert.equal(off.status, 400);
  assert.equal(off.body.message, "Structure level countdowns are deactivated");
  assert.equal((await get(`${COLLECTION}/${a}`, ["remaining_time"])).remaining_time, -100, "nothing written");

  const answer = await suite.run(suite.admin, `${COLLECTION}.add_time`, { id: a });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const times = async (id: number) => {
    const model = await get(`${COLLECTION}/${id}`, ["remaining_time", "additional_time"]);
    return [model.remaining_time, model.additional_time];
  };
  assert.deepEqual(await times(a), [0, 100]);
  assert.deepEqual(await times(b), [300, 100]);
  assert.deepEqual(await times(c), [500, 300]);
  assert.deepEqual(await times(other), [300, undefined]);
});
