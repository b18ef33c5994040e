// speaker.speak, speaker.end_speech, speaker.pause and speaker.unpause over HTTP on the example
// data (meeting 1 couples its list-of-speakers countdown, projector_countdown/1). Every test works
// on a fresh topic's list; speakers and structure-level entries are written directly.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const db = () => suite.server.db;
const now = () => Math.floor(Date.now() / 1000);

async function reset(meeting: Record<string, unknown> = {}, countdown: Record<string, unknown> = {}): Promise<void> {
  await db().transaction((tx) =>
    tx.write([
      { type: "update", fqid: "meeting/1", fields: { list_of_speakers_couple_countdown: true, list_of_speakers_intervention_time: 100, ...meeting } },
      { type: "update", fqid: "projector_countdown/1", fields: { running: false, default_time: 60, countdown_time: 30, ...countdown } },
    ]),
  );
}

async function newList(): Promise<number> {
  const created = await run(suite.admin, "topic.create", { meeting_id: 1, title: "speakers" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return (await db().get(`topic/${created.body.results[0][0].id}`, ["list_of_speakers_id"]))!.list_of_speakers_id as number;
}

let nextId = 7000;
async function addSpeakers(listId: number, speakers: Record<string, unknown>[]): Promise<number[]> {
  const ids = speakers.map(() => nextId++);
  await db().transaction((tx) =>
    tx.write(speakers.map((fields, i) => ({ type: "create" as const, fqid: `speaker/${ids[i]}`, fields: { list_of_speakers_id: listId, meeting_id: 1, weight: i + 1, meeting_user_id: 3, ...fields } }))),
  );
  return ids;
}

/** A structure-level entry of the list (level 1) with the given times. */
async function addLevelEntry(listId: number, fields: Record<string, unknown>): Promise<number> {
  const id = nextId++;
  await db().transaction((tx) =>
    tx.write([{ type: "create", fqid: `structure_level_list_of_speakers/${id}`, fields: { meeting_id: 1, list_of_speakers_id: listId, structure_level_id: 1, initial_time: 600, ...fields } }]),
  );
  return id;
}

const speaker = (id: number, fields: string[]) => db().get(`speaker/${id}`, fields);
const countdown = () => db().get("projector_countdown/1", ["running", "countdown_time", "default_time"]);
const entry = (id: number) => db().get(`structure_level_list_of_speakers/${id}`, ["remaining_time", "current_start_time"]);

function assertNear(actual: unknown, expected: number, slack = 2): void {
  assert.equal(typeof actual, "number", `expected a number near ${expected}, got ${String(actual)}`);
  assert.ok(Math.abs((actual as number) - expected) <= slack, `${String(actual)} is not near ${expected}`);
}

// ---------------------------------------------------------------- speaker.speak

test("speak: begins, ends the current speaker, restarts the countdown and the level clock", async () => {
  await reset();
  const listId = await newList();
  const levelEntry = await addLevelEntry(listId, { remaining_time: 500 });
  const [current, next] = await addSpeakers(listId, [
    { begin_time: now() - 100, structure_level_list_of_speakers_id: levelEntry },
    { structure_level_list_of_speakers_id: levelEntry },
  ]);
  const answer = await run(suite.admin, "speaker.speak", { id: next });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[null]]);
  const started = await speaker(next!, ["begin_time", "end_time"]);
  assertNear(started!.begin_time, now());
  const ended = await speaker(current!, ["begin_time", "end_time"]);
  // Two clock readings, as upstream's (end_speech, then speak): read as whole seconds they differ
  // by one when a second begins between them.
  assertNear(ended!.end_time, started!.begin_time as number, 1);
  const level = await entry(levelEntry);
  assertNear(level!.remaining_time, 400);
  assertNear(level!.current_start_time, now());
  const clock = await countdown();
  assert.equal(clock!.running, true);
  assertNear(clock!.countdown_time, now() + 60);
  assert.equal(clock!.default_time, 60);

  const again = await run(suite.admin, "speaker.speak", { id: next });
  assert.equal(again.status, 400);
  assert.equal(again.body.message, "Speaker has already started to speak.");
  assert.equal((await speaker(next!, ["end_time"]))!.end_time, undefined, "nothing written");
});

test("speak: interventions use the intervention time, interposed questions pause the speaker", async () => {
  await reset();
  const listId = await newList();
  const levelEntry = await addLevelEntry(listId, { remaining_time: 100 });
  const [intervention, question, question2] = await addSpeakers(listId, [
    { speech_state: "intervention", structure_level_list_of_speakers_id: levelEntry },
    { speech_state: "interposed_question" },
    { speech_state: "interposed_question" },
  ]);
  assert.equal((await run(suite.admin, "speaker.speak", { id: intervention })).status, 200);
  let clock = await countdown();
  assert.equal(clock!.running, true);
  assert.equal(clock!.default_time, 100);
  assertNear(clock!.countdown_time, now() + 100);
  assert.equal((await entry(levelEntry))!.current_start_time, undefined, "interventions do not use the level's time");

  const asked = await run(suite.admin, "speaker.speak", { id: question });
  assert.equal(asked.status, 200, JSON.stringify(asked.body));
  const paused = await speaker(intervention!, ["end_time", "pause_time"]);
  assert.equal(paused!.end_time, undefined);
  assertNear(paused!.pause_time, now());
  clock = await countdown();
  assert.equal(clock!.default_time, 0);
  assertNear(clock!.countdown_time, now());

  const second = await run(suite.admin, "speaker.speak", { id: question2 });
  assert.equal(second.status, 200, JSON.stringify(second.body));
  for (const id of [intervention!, question!]) {
    const model = await speaker(id, ["end_time", "pause_time"]);
    assert.equal(model!.end_time, undefined);
    assert.ok(model!.pause_time, `speaker ${id} paused`);
  }
});

test("speak: a plain speech ends paused speakers too; closed lists do not matter", async () => {
  await reset();
  const listId = await newList();
  await db().transaction((tx) => tx.write([{ type: "update", fqid: `list_of_speakers/${listId}`, fields: { closed: true } }]));
  const [paused, next] = await addSpeakers(listId, [{ begin_time: 1000, pause_time: 1500 }, {}]);
  const answer = await run(suite.admin, "speaker.speak", { id: next });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const ended = await speaker(paused!, ["end_time", "pause_time", "total_pause"]);
  assertNear(ended!.end_time, now());
  assert.equal(ended!.pause_time, undefined);
  assertNear(ended!.total_pause, now() - 1500);
});

test("speak: denied, bad payloads", async () => {
  await reset();
  const listId = await newList();
  const [waiting] = await addSpeakers(listId, [{ meeting_user_id: 2 }]);
  for (const action of ["speaker.speak", "speaker.end_speech", "speaker.pause", "speaker.unpause"]) {
    const denied = await run(suite.delegate, action, { id: waiting });
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: list_of_speakers.can_manage`);
    const missing = await run(suite.admin, action, { id: 424242 });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.message, "Model 'speaker/424242' does not exist.");
    const extra = await run(suite.admin, action, { id: waiting, begin_time: 1 });
    assert.equal(extra.status, 400);
    assert.equal(extra.body.message, `Action ${action}: data must not contain {'begin_time'} properties`);
    const twice = await suite.admin.request(action, [{ id: waiting }, { id: waiting }]);
    assert.equal(twice.status, 400);
  }
  assert.deepEqual(await speaker(waiting!, ["begin_time", "end_time", "pause_time"]), { id: waiting });
});

// ---------------------------------------------------------------- speaker.end_speech

test("end_speech: end time, level time booked, countdown reset", async () => {
  await reset({}, { running: true, countdown_time: 31 });
  const listId = await newList();
  const levelEntry = await addLevelEntry(listId, { remaining_time: 500, current_start_time: now() - 100 });
  const [running, unpaused, waiting] = await addSpeakers(listId, [
    { begin_time: now() - 100, structure_level_list_of_speakers_id: levelEntry },
    { begin_time: now() - 200, unpause_time: now() - 50, structure_level_list_of_speakers_id: levelEntry },
    {},
  ]);
  const answer = await run(suite.admin, "speaker.end_speech", { id: running });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.results[0], null);
  const ended = await speaker(running!, ["begin_time", "end_time"]);
  assertNear(ended!.end_time, now());
  const level = await entry(levelEntry);
  assert.equal(level!.remaining_time, 500 - ((ended!.end_time as number) - (ended!.begin_time as number)));
  assert.equal(level!.current_start_time, undefined);
  assert.deepEqual(await countdown(), { id: 1, running: false, countdown_time: 60, default_time: 60 });

  assert.equal((await run(suite.admin, "speaker.end_speech", { id: unpaused })).status, 200);
  const ended2 = await speaker(unpaused!, ["end_time", "unpause_time"]);
  assert.equal((await entry(levelEntry))!.remaining_time, (level!.remaining_time as number) - ((ended2!.end_time as number) - (ended2!.unpause_time as number)), "counted from the unpause");

  for (const id of [running, waiting]) {
    const refused = await run(suite.admin, "speaker.end_speech", { id });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.message, `Speaker ${id} is not speaking at the moment.`);
  }
});

test("end_speech: a paused speaker folds the pause into total_pause; interposed questions end with the speech", async () => {
  await reset();
  const listId = await newList();
  const levelEntry = await addLevelEntry(listId, { remaining_time: 500 });
  const [paused, runningQuestion, waitingQuestion, other] = await addSpeakers(listId, [
    { begin_time: now() - 100, pause_time: now() - 50, total_pause: 20, structure_level_list_of_speakers_id: levelEntry },
    { begin_time: now() - 40, speech_state: "interposed_question" },
    { speech_state: "interposed_question" },
    {},
  ]);
  const answer = await run(suite.admin, "speaker.end_speech", { id: paused });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const ended = await speaker(paused!, ["end_time", "pause_time", "total_pause"]);
  assertNear(ended!.total_pause, 70);
  assert.equal(ended!.pause_time, undefined);
  assert.equal((await entry(levelEntry))!.remaining_time, 500, "the pause booked the time already");
  assert.equal((await speaker(runningQuestion!, ["end_time"]))!.end_time, ended!.end_time);
  assert.equal(await speaker(waitingQuestion!, ["id"]), undefined, "the waiting question is deleted");
  assert.deepEqual((await db().get(`list_of_speakers/${listId}`, ["speaker_ids"]))!.speaker_ids, [paused, runningQuestion, other]);

  // ending an interposed question leaves the others alone
  const [main, question, laterQuestion] = await addSpeakers(listId, [
    { begin_time: now() - 100, pause_time: now() - 50 },
    { begin_time: now() - 40, speech_state: "interposed_question" },
    { speech_state: "interposed_question" },
  ]);
  assert.equal((await run(suite.admin, "speaker.end_speech", { id: question })).status, 200);
  assert.ok((await speaker(main!, ["pause_time"]))!.pause_time);
  assert.ok(await speaker(laterQuestion!, ["id"]));
});

// ---------------------------------------------------------------- speaker.pause / unpause

test("pause and unpause: times, countdown and level clock", async () => {
  await reset({}, { running: true, countdown_time: now() + 40 });
  const listId = await newList();
  const levelEntry = await addLevelEntry(listId, { remaining_time: 100, current_start_time: now() - 30 });
  const [running, waiting] = await addSpeakers(listId, [{ begin_time: now() - 30, structure_level_list_of_speakers_id: levelEntry }, {}]);
  const paused = await run(suite.admin, "speaker.pause", { id: running });
  assert.equal(paused.status, 200, JSON.stringify(paused.body));
  assert.deepEqual(paused.body.results, [[null]]);
  assertNear((await speaker(running!, ["pause_time"]))!.pause_time, now());
  const level = await entry(levelEntry);
  assertNear(level!.remaining_time, 70);
  assert.equal(level!.current_start_time, undefined);
  let clock = await countdown();
  assert.equal(clock!.running, false);
  assertNear(clock!.countdown_time, 40);

  const again = await run(suite.admin, "speaker.pause", { id: running });
  assert.equal(again.status, 400);
  assert.equal(again.body.message, "Speaker is not currently speaking.");
  const notStarted = await run(suite.admin, "speaker.pause", { id: waiting });
  assert.equal(notStarted.body.message, "Speaker is not currently speaking.");

  await db().transaction((tx) => tx.write([{ type: "update", fqid: `speaker/${running}`, fields: { pause_time: now() - 50, total_pause: 20 } }]));
  const unpaused = await run(suite.admin, "speaker.unpause", { id: running });
  assert.equal(unpaused.status, 200, JSON.stringify(unpaused.body));
  const model = await speaker(running!, ["pause_time", "unpause_time", "total_pause"]);
  assert.equal(model!.pause_time, undefined);
  assertNear(model!.unpause_time, now());
  assertNear(model!.total_pause, 70);
  assertNear((await entry(levelEntry))!.current_start_time, now());
  clock = await countdown();
  assert.equal(clock!.running, true);
  assertNear(clock!.countdown_time, now() + 40);

  for (const id of [running, waiting]) {
    const refused = await run(suite.admin, "speaker.unpause", { id });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.message, "Speaker is not paused.");
  }
});

test("unpause pauses a running interposed question; interventions and points of order leave the level clock alone", async () => {
  await reset();
  const listId = await newList();
  const levelEntry = await addLevelEntry(listId, { remaining_time: 100 });
  const [main, question] = await addSpeakers(listId, [
    { begin_time: now() - 100, pause_time: now() - 50, speech_state: "intervention", structure_level_list_of_speakers_id: levelEntry },
    { begin_time: now() - 40, speech_state: "interposed_question" },
  ]);
  const answer = await run(suite.admin, "speaker.unpause", { id: main });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assertNear((await speaker(question!, ["pause_time"]))!.pause_time, now());
  assert.deepEqual(await entry(levelEntry), { id: levelEntry, remaining_time: 100 });

  const [pointOfOrder] = await addSpeakers(listId, [{ begin_time: now() - 10, point_of_order: true, structure_level_list_of_speakers_id: levelEntry }]);
  // main runs again; pausing the point of order (as one more running speaker) books nothing
  assert.equal((await run(suite.admin, "speaker.pause", { id: pointOfOrder })).status, 200);
  assert.deepEqual(await entry(levelEntry), { id: levelEntry, remaining_time: 100 });
});

test("end_speech: the level's time is the whole seconds between the exact stored times (upstream's int(timedelta))", async () => {
  await reset();
  const listId = await newList();
  const levelEntry = await addLevelEntry(listId, { remaining_time: 500, current_start_time: now() - 100 });
  // A fraction of .9 on the unpause: truncating the exact difference differs from subtracting whole seconds.
  const [unpaused] = await addSpeakers(listId, [{ begin_time: now() - 200, unpause_time: now() - 100 + 0.9, structure_level_list_of_speakers_id: levelEntry }]);
  assert.equal((await run(suite.admin, "speaker.end_speech", { id: unpaused })).status, 200);
  const [exact] = await db().query<{ end_time: number; unpause_time: number }>(
    "SELECT extract(epoch from end_time)::float8 AS end_time, extract(epoch from unpause_time)::float8 AS unpause_time FROM speaker_t WHERE id = $1",
    [unpaused],
  );
  assert.equal((await entry(levelEntry))!.remaining_time, 500 - Math.trunc(exact!.end_time - exact!.unpause_time));
});
