// speaker.update, speaker.delete and speaker.sort over HTTP on the example data (meeting 1;
// meeting users 1 admin, 2 "a" (the delegate, list_of_speakers.can_be_speaker only) and 3 "b").
// Every test works on a fresh topic's list; speakers are written directly (ids from 6000 on).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const db = () => suite.server.db;
const now = () => Math.floor(Date.now() / 1000);

const MEETING_DEFAULTS = {
  list_of_speakers_enable_point_of_order_speakers: true,
  list_of_speakers_can_create_point_of_order_for_others: false,
  list_of_speakers_enable_point_of_order_categories: false,
  list_of_speakers_enable_pro_contra_speech: true,
  list_of_speakers_can_set_contribution_self: false,
  list_of_speakers_enable_interposed_question: true,
  list_of_speakers_intervention_time: 100,
  list_of_speakers_default_structure_level_time: null,
  users_forbid_delegator_in_list_of_speakers: false,
  list_of_speakers_couple_countdown: true,
};

async function setMeeting(fields: Record<string, unknown> = {}): Promise<void> {
  await db().transaction((tx) => tx.write([{ type: "update", fqid: "meeting/1", fields: { ...MEETING_DEFAULTS, ...fields } }]));
}

async function newList(): Promise<number> {
  const created = await run(suite.admin, "topic.create", { meeting_id: 1, title: "speakers" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  return (await db().get(`topic/${created.body.results[0][0].id}`, ["list_of_speakers_id"]))!.list_of_speakers_id as number;
}

let nextId = 6000;
async function addSpeakers(listId: number, speakers: Record<string, unknown>[]): Promise<number[]> {
  const ids = speakers.map(() => nextId++);
  await db().transaction((tx) =>
    tx.write(speakers.map((fields, i) => ({ type: "create" as const, fqid: `speaker/${ids[i]}`, fields: { list_of_speakers_id: listId, meeting_id: 1, weight: i + 1, ...fields } }))),
  );
  return ids;
}

async function speaker(id: number, fields: string[]) {
  return db().get(`speaker/${id}`, fields);
}

// ---------------------------------------------------------------- speaker.update

test("update: speech state, and the owner needs no manage permission", async () => {
  await setMeeting();
  const listId = await newList();
  const [own, other] = await addSpeakers(listId, [{ meeting_user_id: 2 }, { meeting_user_id: 3 }]);
  const answer = await run(suite.admin, "speaker.update", { id: other, speech_state: "pro" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[null]]);
  assert.equal((await speaker(other!, ["speech_state"]))!.speech_state, "pro");
  const byOwner = await run(suite.delegate, "speaker.update", { id: own, speech_state: "contra" });
  assert.equal(byOwner.status, 200, JSON.stringify(byOwner.body));
  assert.equal((await speaker(own!, ["speech_state"]))!.speech_state, "contra");
  const denied = await run(suite.delegate, "speaker.update", { id: other, speech_state: "contra" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action speaker.update. Missing Permission: list_of_speakers.can_manage");
  assert.equal((await speaker(other!, ["speech_state"]))!.speech_state, "pro");
  const contribution = await run(suite.delegate, "speaker.update", { id: own, speech_state: "contribution" });
  assert.equal(contribution.status, 400);
  assert.equal(contribution.body.message, "Self contribution is not allowed.");
  await setMeeting({ list_of_speakers_enable_pro_contra_speech: false });
  const unsetProContra = await run(suite.delegate, "speaker.update", { id: own, speech_state: null });
  assert.equal(unsetProContra.status, 400);
  assert.equal(unsetProContra.body.message, "Pro/Contra is not enabled.");
  await setMeeting();
});

test("update: interposed questions, interventions, meeting users, answers", async () => {
  await setMeeting();
  const listId = await newList();
  const [question, emptyIntervention, intervention, plain, runningIntervention, answerIntervention] = await addSpeakers(listId, [
    { speech_state: "interposed_question", meeting_user_id: 3 },
    { speech_state: "intervention" },
    { speech_state: "intervention", meeting_user_id: 2 },
    { meeting_user_id: 1 },
    { speech_state: "intervention", meeting_user_id: 3, begin_time: now() - 10 },
    { speech_state: "intervention", answer: true },
  ]);
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ id: plain, speech_state: "interposed_question" }, "You cannot set the speech state to interposed_question."],
    [{ id: question, speech_state: "pro" }, "You cannot change the speech state of an interposed_question."],
    [{ id: emptyIntervention, speech_state: "pro" }, "Cannot set interventions to other speech states without meeting_user_id."],
    [{ id: answerIntervention, speech_state: "contra" }, "Cannot set speech_state to anything except interventions and interposed questions for answers."],
    [{ id: plain, answer: true }, "Answer can only be set for interventions and interposed questions."],
    [{ id: intervention, meeting_user_id: 3 }, "You cannot set the meeting_user_id."],
    [{ id: emptyIntervention, meeting_user_id: null }, "You cannot set the meeting_user_id."],
    [{ id: plain, meeting_user_id: 3 }, "You cannot set the meeting_user_id."],
    [{ id: runningIntervention, speech_state: "pro" }, "You can not change the speech_state of a started intervention."],
    [{ id: plain, point_of_order: true, speech_state: "pro" }, "Speaker can't be point of order and another speech state at the same time."],
    [{ id: plain, note: "x" }, "Not allowed to set note/category if not point of order."],
    [{ id: intervention, point_of_order: true, meeting_user_id: 3 }, "You cannot set the meeting_user_id."],
    [{ id: plain, weight: 4, structure_level_list_of_speakers_id: 90 }, "data must not contain {'weight', 'structure_level_list_of_speakers_id'} properties"],
    [{ id: 424242, speech_state: "pro" }, "Model 'speaker/424242' does not exist."],
    [{ id: plain, foo: 1 }, "Action speaker.update: data must not contain {'foo'} properties"],
  ];
  for (const [data, message] of cases) {
    const answer = await run(suite.admin, "speaker.update", data);
    assert.equal(answer.status, 400, JSON.stringify(data));
    assert.equal(answer.body.message, message);
  }
  assert.deepEqual(await speaker(plain!, ["speech_state", "answer", "weight", "note"]), { id: plain, weight: 4 }, "nothing written");

  const setUser = await run(suite.admin, "speaker.update", { id: emptyIntervention, meeting_user_id: 3 });
  assert.equal(setUser.status, 200, JSON.stringify(setUser.body));
  assert.equal((await speaker(emptyIntervention!, ["meeting_user_id"]))!.meeting_user_id, 3);
  assert.ok(((await db().get("meeting_user/3", ["speaker_ids"]))!.speaker_ids as number[]).includes(emptyIntervention!));
  const toPro = await run(suite.admin, "speaker.update", { id: intervention, speech_state: "pro" });
  assert.equal(toPro.status, 200, JSON.stringify(toPro.body));
  const setAnswer = await run(suite.admin, "speaker.update", { id: question, answer: true });
  assert.equal(setAnswer.status, 200, JSON.stringify(setAnswer.body));
  const unsetAnswer = await run(suite.admin, "speaker.update", { id: answerIntervention, answer: false, speech_state: "contra", meeting_user_id: 1 });
  assert.equal(unsetAnswer.status, 200, JSON.stringify(unsetAnswer.body));
  assert.deepEqual(await speaker(answerIntervention!, ["answer", "speech_state", "meeting_user_id"]), { id: answerIntervention, answer: false, speech_state: "contra", meeting_user_id: 1 });
});

test("update: points of order", async () => {
  await setMeeting();
  const listId = await newList();
  const [own, other] = await addSpeakers(listId, [{ meeting_user_id: 1 }, { meeting_user_id: 3 }]);
  const forOther = await run(suite.admin, "speaker.update", { id: other, point_of_order: true });
  assert.equal(forOther.status, 400);
  assert.equal(forOther.body.message, "The requesting user 1 is not the user 3 the point-of-order is filed for.");
  const ownPoint = await run(suite.admin, "speaker.update", { id: own, point_of_order: true, note: "order!" });
  assert.equal(ownPoint.status, 200, JSON.stringify(ownPoint.body));
  assert.deepEqual(await speaker(own!, ["point_of_order", "note"]), { id: own, point_of_order: true, note: "order!" });
  const note = await run(suite.admin, "speaker.update", { id: own, note: "changed" });
  assert.equal(note.status, 200, "a stored point of order may get a note");
  const unset = await run(suite.admin, "speaker.update", { id: own, point_of_order: false });
  assert.equal(unset.status, 200);
  assert.deepEqual(await speaker(own!, ["point_of_order", "note", "point_of_order_category_id"]), { id: own, point_of_order: false }, "note and category cleared");
  await setMeeting({ list_of_speakers_enable_point_of_order_speakers: false });
  const disabled = await run(suite.admin, "speaker.update", { id: own, point_of_order: true });
  assert.equal(disabled.body.message, "Point of order speakers are not enabled for this meeting.");
  await setMeeting({ list_of_speakers_enable_point_of_order_categories: true });
  const noCategory = await run(suite.admin, "speaker.update", { id: own, point_of_order: true });
  assert.equal(noCategory.body.message, "Point of order category is enabled, but category id is missing.");
  await setMeeting();
});

test("update: structure levels only while waiting; started speakers with a level", async () => {
  await setMeeting({ list_of_speakers_default_structure_level_time: 60 });
  const listId = await newList();
  const [waiting, started, pastQuestion] = await addSpeakers(listId, [
    { meeting_user_id: 1 },
    { meeting_user_id: 3, begin_time: now() - 20 },
    { speech_state: "interposed_question", begin_time: now() - 100, end_time: now() - 50 },
  ]);
  const set = await run(suite.admin, "speaker.update", { id: waiting, structure_level_id: 1 });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  const entryId = (await speaker(waiting!, ["structure_level_list_of_speakers_id"]))!.structure_level_list_of_speakers_id as number;
  assert.deepEqual(await db().get(`structure_level_list_of_speakers/${entryId}`, ["structure_level_id", "list_of_speakers_id", "remaining_time", "speaker_ids"]), {
    id: entryId,
    structure_level_id: 1,
    list_of_speakers_id: listId,
    remaining_time: 60,
    speaker_ids: [waiting],
  });
  const tooLate = await run(suite.admin, "speaker.update", { id: started, structure_level_id: 1 });
  assert.equal(tooLate.status, 400);
  assert.equal(tooLate.body.message, "You can only update the structure level on a waiting speaker.");
  const withUser = await run(suite.admin, "speaker.update", { id: pastQuestion, meeting_user_id: 2, structure_level_id: 2 });
  assert.equal(withUser.status, 200, "with a meeting user the level may follow");
  await db().transaction((tx) => tx.write([{ type: "update", fqid: `speaker/${started}`, fields: { structure_level_list_of_speakers_id: entryId } }]));
  const pointOfOrder = await run(suite.admin, "speaker.update", { id: started, point_of_order: true });
  assert.equal(pointOfOrder.body.message, "You can not change a started speaker to point_of_order if there is a structure_level.");
  const intervention = await run(suite.admin, "speaker.update", { id: started, speech_state: "intervention" });
  assert.equal(intervention.body.message, "You can not change a started speaker to intervention if there is a structure_level.");
  assert.equal((await run(suite.admin, "speaker.update", { id: started, speech_state: "pro" })).status, 200);
  const cleared = await run(suite.admin, "speaker.update", { id: waiting, structure_level_id: null });
  assert.equal(cleared.status, 200);
  assert.equal((await speaker(waiting!, ["structure_level_list_of_speakers_id"]))!.structure_level_list_of_speakers_id, undefined);
  await setMeeting();
});

test("update: internal fields over the internal route", async () => {
  await setMeeting();
  const listId = await newList();
  const [plain] = await addSpeakers(listId, [{ meeting_user_id: 3 }]);
  const password = Buffer.from("openslides").toString("base64");
  const answer = await suite.admin.post("/internal/handle_request", [{ action: "speaker.update", data: [{ id: plain, weight: 4, speech_state: "interposed_question" }] }], {
    authorization: password,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await speaker(plain!, ["weight", "speech_state"]), { id: plain, weight: 4, speech_state: "interposed_question" }, "internal requests skip every check");
});

// ---------------------------------------------------------------- speaker.delete

test("delete: own speaker, delegator restriction, managers", async () => {
  await setMeeting();
  const listId = await newList();
  const [own, other, ownAgain] = await addSpeakers(listId, [{ meeting_user_id: 2 }, { meeting_user_id: 3 }, { meeting_user_id: 2, point_of_order: true }]);
  const denied = await run(suite.delegate, "speaker.delete", { id: other });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action speaker.delete. Missing Permission: list_of_speakers.can_manage");
  const self = await run(suite.delegate, "speaker.delete", { id: own });
  assert.equal(self.status, 200, JSON.stringify(self.body));
  assert.equal(await db().get(`speaker/${own}`, ["id"]), undefined);
  assert.ok(!((await db().get("meeting_user/2", ["speaker_ids"]))!.speaker_ids as number[]).includes(own!));
  assert.deepEqual((await db().get(`list_of_speakers/${listId}`, ["speaker_ids"]))!.speaker_ids, [other, ownAgain]);

  await setMeeting({ users_forbid_delegator_in_list_of_speakers: true });
  await db().transaction((tx) => tx.write([{ type: "update", fqid: "meeting_user/2", fields: { vote_delegated_to_id: 3 } }]));
  try {
    const restricted = await run(suite.delegate, "speaker.delete", { id: ownAgain });
    assert.equal(restricted.status, 403);
    assert.equal(restricted.body.message, "You are not allowed to perform action speaker.delete. Missing Permission: list_of_speakers.can_manage");
  } finally {
    await db().transaction((tx) => tx.write([{ type: "update", fqid: "meeting_user/2", fields: { vote_delegated_to_id: null } }]));
  }
  const byManager = await run(suite.admin, "speaker.delete", { id: other });
  assert.equal(byManager.status, 200);
  assert.deepEqual((await db().get(`list_of_speakers/${listId}`, ["speaker_ids"]))!.speaker_ids, [ownAgain]);
  assert.equal((await run(suite.admin, "speaker.delete", { id: 424242 })).status, 400);
  assert.equal((await run(suite.admin, "speaker.delete", { id: ownAgain, weight: 1 })).status, 400);
  assert.ok(await db().get(`speaker/${ownAgain}`, ["id"]));
  await setMeeting();
});

test("delete: a running speaker books its level time and resets the coupled countdown", async () => {
  await setMeeting({ list_of_speakers_default_structure_level_time: 60 });
  await db().transaction((tx) => tx.write([{ type: "update", fqid: "projector_countdown/1", fields: { running: true, countdown_time: now() + 100, default_time: 60 } }]));
  const listId = await newList();
  await db().transaction((tx) =>
    tx.write([{ type: "create", fqid: "structure_level_list_of_speakers/6100", fields: { meeting_id: 1, list_of_speakers_id: listId, structure_level_id: 1, initial_time: 60, remaining_time: 30, current_start_time: now() - 10 } }]),
  );
  const [running, paused] = await addSpeakers(listId, [
    { meeting_user_id: 1, begin_time: now() - 10, structure_level_list_of_speakers_id: 6100 },
    { meeting_user_id: 3, begin_time: now() - 100, pause_time: now() - 50, structure_level_list_of_speakers_id: 6100 },
  ]);
  const answer = await run(suite.admin, "speaker.delete", { id: running });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const entry = await db().get("structure_level_list_of_speakers/6100", ["remaining_time", "current_start_time", "speaker_ids"]);
  assert.equal(entry!.current_start_time, undefined);
  assert.ok((entry!.remaining_time as number) <= 20 && (entry!.remaining_time as number) >= 18, JSON.stringify(entry));
  assert.deepEqual(entry!.speaker_ids, [paused]);
  assert.deepEqual(await db().get("projector_countdown/1", ["running", "countdown_time"]), { id: 1, running: false, countdown_time: 60 });

  await db().transaction((tx) => tx.write([{ type: "update", fqid: "projector_countdown/1", fields: { running: true, countdown_time: now() + 100 } }]));
  const pausedAnswer = await run(suite.admin, "speaker.delete", { id: paused });
  assert.equal(pausedAnswer.status, 200);
  assert.equal((await db().get("structure_level_list_of_speakers/6100", ["remaining_time"]))!.remaining_time, entry!.remaining_time, "a paused speaker's time is booked already");
  assert.deepEqual(await db().get("projector_countdown/1", ["running", "countdown_time"]), { id: 1, running: false, countdown_time: 60 });

  const [waiting] = await addSpeakers(listId, [{ meeting_user_id: 3 }]);
  await db().transaction((tx) => tx.write([{ type: "update", fqid: "projector_countdown/1", fields: { running: true, countdown_time: 12345 } }]));
  assert.equal((await run(suite.admin, "speaker.delete", { id: waiting })).status, 200);
  assert.deepEqual(await db().get("projector_countdown/1", ["running", "countdown_time"]), { id: 1, running: true, countdown_time: 12345 }, "waiting speakers leave the countdown alone");
  await db().transaction((tx) => tx.write([{ type: "update", fqid: "projector_countdown/1", fields: { running: false, countdown_time: 60 } }]));
  await setMeeting();
});

// ---------------------------------------------------------------- speaker.sort

test("sort: the waiting speakers in the given order", async () => {
  await setMeeting();
  const listId = await newList();
  const [a, b, c, started] = await addSpeakers(listId, [{}, {}, {}, { begin_time: 1000, weight: 7 }]);
  const answer = await run(suite.admin, "speaker.sort", { list_of_speakers_id: listId, speaker_ids: [c, a, b] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [null]);
  const weights = [];
  for (const id of [a, b, c, started]) weights.push((await speaker(id!, ["weight"]))!.weight);
  assert.deepEqual(weights, [2, 3, 1, 7]);

  const missing = await run(suite.admin, "speaker.sort", { list_of_speakers_id: listId, speaker_ids: [c, a, b, started] });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, `speaker sorting failed, because element speaker/${started} doesn't exist.`);
  const incomplete = await run(suite.admin, "speaker.sort", { list_of_speakers_id: listId, speaker_ids: [c, a] });
  assert.equal(incomplete.status, 400);
  assert.equal(incomplete.body.message, "speaker sorting failed, because some elements were not included in the call.");
  const denied = await run(suite.delegate, "speaker.sort", { list_of_speakers_id: listId, speaker_ids: [a, b, c] });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action speaker.sort. Missing Permission: list_of_speakers.can_manage");
  const bad = await run(suite.admin, "speaker.sort", { list_of_speakers_id: listId });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action speaker.sort: data must contain ['speaker_ids'] properties");
  assert.equal((await speaker(c!, ["weight"]))!.weight, 1, "nothing written");
});
