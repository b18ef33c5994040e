// speaker.create over HTTP on the example data (meeting 1; meeting users 1 admin, 2 "a" and 3 "b",
// the delegates have list_of_speakers.can_be_speaker). Every test works on a fresh topic's list.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const db = () => suite.server.db;

const MEETING_DEFAULTS = {
  list_of_speakers_allow_multiple_speakers: false,
  list_of_speakers_enable_point_of_order_speakers: true,
  list_of_speakers_can_create_point_of_order_for_others: false,
  list_of_speakers_enable_point_of_order_categories: false,
  list_of_speakers_closing_disables_point_of_order: false,
  list_of_speakers_enable_pro_contra_speech: false,
  list_of_speakers_can_set_contribution_self: false,
  list_of_speakers_present_users_only: false,
  list_of_speakers_enable_interposed_question: false,
  list_of_speakers_intervention_time: null,
  list_of_speakers_default_structure_level_time: null,
  users_forbid_delegator_in_list_of_speakers: false,
};

async function setMeeting(fields: Record<string, unknown>): Promise<void> {
  await db().transaction((tx) => tx.write([{ type: "update", fqid: "meeting/1", fields: { ...MEETING_DEFAULTS, ...fields } }]));
}

async function newList(fields: Record<string, unknown> = {}): Promise<number> {
  const created = await run(suite.admin, "topic.create", { meeting_id: 1, title: "speakers" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const topic = await db().get(`topic/${created.body.results[0][0].id}`, ["list_of_speakers_id"]);
  const listId = topic!.list_of_speakers_id as number;
  if (Object.keys(fields).length > 0) await db().transaction((tx) => tx.write([{ type: "update", fqid: `list_of_speakers/${listId}`, fields }]));
  return listId;
}

let nextSpeakerId = 5000;
/** Raw speakers on a list (ids from 5000 on), returned in the given order. */
async function addSpeakers(listId: number, speakers: Record<string, unknown>[]): Promise<number[]> {
  const ids = speakers.map(() => nextSpeakerId++);
  await db().transaction((tx) =>
    tx.write(speakers.map((fields, i) => ({ type: "create" as const, fqid: `speaker/${ids[i]}`, fields: { list_of_speakers_id: listId, meeting_id: 1, weight: i + 1, ...fields } }))),
  );
  return ids;
}

async function weights(ids: number[]): Promise<number[]> {
  const result: number[] = [];
  for (const id of ids) result.push((await db().get(`speaker/${id}`, ["weight"]))!.weight as number);
  return result;
}

const speakerFields = ["meeting_user_id", "list_of_speakers_id", "weight", "meeting_id", "point_of_order", "speech_state", "note", "answer", "point_of_order_category_id", "structure_level_list_of_speakers_id"];

test("create: the speaker, both sides of its relations, weight after the waiting speakers", async () => {
  await setMeeting({});
  const listId = await newList();
  const answer = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  assert.deepEqual(answer.body.results, [[{ id }]]);
  assert.deepEqual(await db().get(`speaker/${id}`, speakerFields), { id, meeting_user_id: 3, list_of_speakers_id: listId, weight: 1, meeting_id: 1 });
  assert.deepEqual((await db().get(`list_of_speakers/${listId}`, ["speaker_ids"]))!.speaker_ids, [id]);
  assert.ok(((await db().get("meeting_user/3", ["speaker_ids"]))!.speaker_ids as number[]).includes(id));
  assert.ok(((await db().get("meeting/1", ["speaker_ids"]))!.speaker_ids as number[]).includes(id));

  const [running] = await addSpeakers(listId, [{ begin_time: 1000, weight: 50 }]);
  const second = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 2 });
  assert.equal(second.status, 200, JSON.stringify(second.body));
  const secondId = second.body.results[0][0].id as number;
  assert.deepEqual(await weights([id, secondId, running!]), [1, 2, 50], "started speakers do not count");
});

test("create: a delegate may add only themselves; the delegator restriction", async () => {
  await setMeeting({});
  const listId = await newList();
  const other = await run(suite.delegate, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3 });
  assert.equal(other.status, 403);
  assert.equal(other.body.message, "You are not allowed to perform action speaker.create. Missing Permission: list_of_speakers.can_manage");
  const self = await run(suite.delegate, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 2 });
  assert.equal(self.status, 200, JSON.stringify(self.body));

  const restrictedList = await newList();
  await setMeeting({ users_forbid_delegator_in_list_of_speakers: true });
  await db().transaction((tx) => tx.write([{ type: "update", fqid: "meeting_user/2", fields: { vote_delegated_to_id: 3 } }]));
  try {
    const restricted = await run(suite.delegate, "speaker.create", { list_of_speakers_id: restrictedList, meeting_user_id: 2 });
    assert.equal(restricted.status, 403);
    assert.equal(restricted.body.message, "You are not allowed to perform action speaker.create. Missing Permission: list_of_speakers.can_manage");
    await db().transaction((tx) => tx.write([{ type: "update", fqid: "meeting/1", fields: { users_enable_vote_delegations: false } }]));
    const delegationsOff = await run(suite.delegate, "speaker.create", { list_of_speakers_id: restrictedList, meeting_user_id: 2 });
    assert.equal(delegationsOff.status, 200, JSON.stringify(delegationsOff.body));
  } finally {
    await db().transaction((tx) =>
      tx.write([
        { type: "update", fqid: "meeting_user/2", fields: { vote_delegated_to_id: null } },
        { type: "update", fqid: "meeting/1", fields: { users_enable_vote_delegations: true } },
      ]),
    );
  }
});

test("create: closed lists, points of order on closed lists", async () => {
  await setMeeting({});
  const listId = await newList({ closed: true });
  const closed = await run(suite.delegate, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 2 });
  assert.equal(closed.status, 400);
  assert.equal(closed.body.message, "The list of speakers is closed.");
  assert.equal((await db().get(`list_of_speakers/${listId}`, ["speaker_ids"]))!.speaker_ids, undefined);
  const pointOfOrder = await run(suite.delegate, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 2, point_of_order: true });
  assert.equal(pointOfOrder.status, 200, JSON.stringify(pointOfOrder.body));
  const id = pointOfOrder.body.results[0][0].id as number;
  assert.deepEqual(await db().get(`speaker/${id}`, ["point_of_order", "weight"]), { id, point_of_order: true, weight: 1 });
  const byManager = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3 });
  assert.equal(byManager.status, 200, "a manager may add to a closed list");

  await setMeeting({ list_of_speakers_closing_disables_point_of_order: true });
  const otherList = await newList({ closed: true });
  const disabled = await run(suite.delegate, "speaker.create", { list_of_speakers_id: otherList, meeting_user_id: 2, point_of_order: true });
  assert.equal(disabled.status, 400);
  assert.equal(disabled.body.message, "The list of speakers is closed.");
});

test("create: one waiting entry per user and kind unless multiple speakers are allowed", async () => {
  await setMeeting({});
  const listId = await newList();
  const [waiting] = await addSpeakers(listId, [{ meeting_user_id: 3 }]);
  const again = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3 });
  assert.equal(again.status, 400);
  assert.equal(again.body.message, "User 3 is already on the list of speakers.");
  assert.deepEqual((await db().get(`list_of_speakers/${listId}`, ["speaker_ids"]))!.speaker_ids, [waiting]);
  await setMeeting({ list_of_speakers_allow_multiple_speakers: true });
  const allowed = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3 });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
  assert.equal((await db().get(`speaker/${allowed.body.results[0][0].id}`, ["weight"]))!.weight, 2);
  // a finished speech does not count
  await setMeeting({});
  const list2 = await newList();
  await addSpeakers(list2, [{ meeting_user_id: 3, begin_time: 100, end_time: 200 }]);
  assert.equal((await run(suite.admin, "speaker.create", { list_of_speakers_id: list2, meeting_user_id: 3 })).status, 200);
  // the own point of order is a different kind (but needs the own user)
  const own = await run(suite.admin, "speaker.create", { list_of_speakers_id: list2, meeting_user_id: 1 });
  assert.equal(own.status, 200);
  const ownPoint = await run(suite.admin, "speaker.create", { list_of_speakers_id: list2, meeting_user_id: 1, point_of_order: true });
  assert.equal(ownPoint.status, 200, JSON.stringify(ownPoint.body));
});

test("create: present users only", async () => {
  await setMeeting({ list_of_speakers_present_users_only: true });
  const listId = await newList();
  const absent = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3 });
  assert.equal(absent.status, 400);
  assert.equal(absent.body.message, "Only present users can be on the list of speakers.");
  const present = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 1 });
  assert.equal(present.status, 200, "the admin is present in meeting 1");
  await setMeeting({});
});

test("create: bad payloads and refused field combinations write nothing", async () => {
  await setMeeting({});
  const listId = await newList();
  const cases: Array<[Record<string, unknown>, string]> = [
    [{}, "Action speaker.create: data must contain ['list_of_speakers_id'] properties"],
    [{ list_of_speakers_id: listId, meeting_user_id: 3, foo: 1 }, "Action speaker.create: data must not contain {'foo'} properties"],
    [{ list_of_speakers_id: listId }, "meeting_user_id is required."],
    [{ list_of_speakers_id: listId, speech_state: "pro" }, "meeting_user_id is required."],
    [{ list_of_speakers_id: listId, meeting_user_id: 3, note: "hi" }, "Not allowed to set note/category if not point of order."],
    [{ list_of_speakers_id: listId, meeting_user_id: 1, point_of_order: true, speech_state: "contribution" }, "Speaker can't be point of order and another speech state at the same time."],
    [{ list_of_speakers_id: listId, meeting_user_id: 3, point_of_order: true }, "The requesting user 1 is not the user 3 the point-of-order is filed for."],
    [{ list_of_speakers_id: listId, meeting_user_id: 1, point_of_order: true, point_of_order_category_id: 1 }, "Point of order categories are not enabled for this meeting."],
    [{ list_of_speakers_id: listId, meeting_user_id: 3, speech_state: "pro" }, "Pro/Contra is not enabled."],
    [{ list_of_speakers_id: listId, speech_state: "intervention" }, "Interventions are not enabled."],
    [{ list_of_speakers_id: listId, speech_state: "interposed_question" }, "Interposed questions are not enabled."],
    [{ list_of_speakers_id: listId, meeting_user_id: 3, structure_level_id: 1 }, "Structure level countdowns are deactivated"],
    [{ list_of_speakers_id: 4242, meeting_user_id: 3 }, "Model 'list_of_speakers/4242' does not exist."],
  ];
  for (const [data, message] of cases) {
    const answer = await run(suite.admin, "speaker.create", data);
    assert.equal(answer.status, 400, JSON.stringify(data));
    assert.equal(answer.body.message, message);
  }
  const two = await suite.admin.request("speaker.create", [
    { list_of_speakers_id: listId, meeting_user_id: 2 },
    { list_of_speakers_id: listId, meeting_user_id: 3 },
  ]);
  assert.equal(two.status, 400);
  assert.equal(two.body.message, "data must contain less than or equal to 1 items");
  const twice = await suite.admin.post("/system/action/handle_request", [
    { action: "speaker.create", data: [{ list_of_speakers_id: listId, meeting_user_id: 2 }] },
    { action: "speaker.create", data: [{ list_of_speakers_id: listId, meeting_user_id: 3 }] },
  ]);
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, "Action speaker.create may not appear twice in one request.");
  assert.equal((await db().get(`list_of_speakers/${listId}`, ["speaker_ids"]))!.speaker_ids, undefined);
  // point of order by the delegate for others needs can_create_point_of_order_for_others
  await setMeeting({ list_of_speakers_can_create_point_of_order_for_others: true });
  assert.equal((await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3, point_of_order: true })).status, 200);
  await setMeeting({});
});

test("create: speech states and who may set them", async () => {
  await setMeeting({});
  const listId = await newList();
  const contribution = await run(suite.delegate, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 2, speech_state: "contribution" });
  assert.equal(contribution.status, 400);
  assert.equal(contribution.body.message, "Self contribution is not allowed.");
  const byManager = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3, speech_state: "contribution" });
  assert.equal(byManager.status, 200, "managers may set contribution");
  await setMeeting({ list_of_speakers_can_set_contribution_self: true, list_of_speakers_enable_pro_contra_speech: true });
  const self = await run(suite.delegate, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 2, speech_state: "contribution" });
  assert.equal(self.status, 200, JSON.stringify(self.body));
  const pro = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 1, speech_state: "pro" });
  assert.equal(pro.status, 200, JSON.stringify(pro.body));
  assert.deepEqual(await db().get(`speaker/${pro.body.results[0][0].id}`, ["speech_state", "weight"]), { id: pro.body.results[0][0].id, speech_state: "pro", weight: 3 });
  await setMeeting({});
});

/** upstream's create_expansive_test_data: four started speeches, then 11 waiting ones. */
const EXPANSIVE: Record<string, unknown>[] = [
  { begin_time: 100, end_time: 200, speech_state: "intervention" },
  { begin_time: 200, end_time: 300, point_of_order: true },
  { begin_time: 300, end_time: 400 },
  { begin_time: 400 },
  { speech_state: "interposed_question" },
  { speech_state: "intervention" },
  { point_of_order: true },
  { point_of_order: true },
  {},
  { speech_state: "intervention" },
  { point_of_order: true },
  { speech_state: "intervention" },
  { point_of_order: true },
  {},
  { speech_state: "pro" },
];

/** Weights of the waiting expansive speakers (indices 4..14) after inserting at `position` (1-based). */
function shiftedFrom(position: number): number[] {
  return Array.from({ length: 11 }, (_, i) => (i + 1 < position ? i + 1 : i + 2));
}

test("create: interposed questions first, then interventions, then points of order", async () => {
  await setMeeting({ list_of_speakers_enable_interposed_question: true, list_of_speakers_intervention_time: 100 });
  for (const [data, position] of [
    [{ speech_state: "interposed_question" }, 2],
    [{ speech_state: "intervention" }, 3],
    [{ meeting_user_id: 1, point_of_order: true }, 5],
    [{ meeting_user_id: 1 }, 16],
  ] as Array<[Record<string, unknown>, number]>) {
    const listId = await newList();
    const ids = await addSpeakers(listId, EXPANSIVE);
    const answer = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, ...data });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const id = answer.body.results[0][0].id as number;
    assert.equal((await db().get(`speaker/${id}`, ["weight"]))!.weight, position, JSON.stringify(data));
    if (position < 16) assert.deepEqual(await weights(ids.slice(4)), shiftedFrom(position));
    else assert.deepEqual(await weights(ids.slice(4)), ids.slice(4).map((_, i) => i + 5), "plain speakers just go last");
    assert.deepEqual(await weights(ids.slice(0, 4)), [1, 2, 3, 4], "started speakers keep their weight");
  }
  // answers (of the same kind) do not move a new interposed question / intervention further up
  const listId = await newList();
  const ids = await addSpeakers(listId, EXPANSIVE.map((speaker, i) => (i === 5 ? { speech_state: "interposed_question", answer: true } : speaker)));
  const answer = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, speech_state: "interposed_question" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal((await db().get(`speaker/${answer.body.results[0][0].id}`, ["weight"]))!.weight, 3);
  assert.deepEqual(await weights(ids.slice(4)), shiftedFrom(3));
  await setMeeting({});
});

test("create: points of order by category rank", async () => {
  await setMeeting({ list_of_speakers_enable_point_of_order_categories: true });
  await db().transaction((tx) =>
    tx.write([
      { type: "create", fqid: "point_of_order_category/2", fields: { text: "second", rank: 2, meeting_id: 1 } },
      { type: "create", fqid: "point_of_order_category/3", fields: { text: "third", rank: 3, meeting_id: 1 } },
      { type: "create", fqid: "point_of_order_category/5", fields: { text: "fifth", rank: 5, meeting_id: 1 } },
    ]),
  );
  const listId = await newList();
  const ids = await addSpeakers(listId, [
    { point_of_order: true, point_of_order_category_id: 2 },
    { point_of_order: true, point_of_order_category_id: 3 },
    { point_of_order: false },
    { point_of_order: true, point_of_order_category_id: 5 },
    { begin_time: 100000, weight: 2, point_of_order: true, point_of_order_category_id: 5 },
  ]);
  const missing = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 1, point_of_order: true });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Point of order category is enabled, but category id is missing.");
  const answer = await run(suite.admin, "speaker.create", {
    list_of_speakers_id: listId,
    meeting_user_id: 1,
    point_of_order: true,
    point_of_order_category_id: 3,
    note: "this is my note",
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  assert.deepEqual(await db().get(`speaker/${id}`, ["weight", "point_of_order", "point_of_order_category_id", "note"]), {
    id,
    weight: 3,
    point_of_order: true,
    point_of_order_category_id: 3,
    note: "this is my note",
  });
  assert.deepEqual(await weights(ids), [1, 2, 4, 5, 2]);
  assert.ok(((await db().get("point_of_order_category/3", ["speaker_ids"]))!.speaker_ids as number[]).includes(id));
  await setMeeting({});
});

test("create: structure levels find or create the list's entry", async () => {
  await setMeeting({ list_of_speakers_default_structure_level_time: 300 });
  const listId = await newList();
  const first = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 3, structure_level_id: 3 });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const firstId = first.body.results[0][0].id as number;
  const speaker = await db().get(`speaker/${firstId}`, ["structure_level_list_of_speakers_id"]);
  const entryId = speaker!.structure_level_list_of_speakers_id as number;
  assert.ok(entryId);
  assert.deepEqual(await db().get(`structure_level_list_of_speakers/${entryId}`, ["structure_level_id", "list_of_speakers_id", "initial_time", "remaining_time", "speaker_ids", "meeting_id"]), {
    id: entryId,
    structure_level_id: 3,
    list_of_speakers_id: listId,
    initial_time: 300,
    remaining_time: 300,
    speaker_ids: [firstId],
    meeting_id: 1,
  });
  assert.deepEqual((await db().get(`list_of_speakers/${listId}`, ["structure_level_list_of_speakers_ids"]))!.structure_level_list_of_speakers_ids, [entryId]);
  assert.deepEqual((await db().get("structure_level/3", ["structure_level_list_of_speakers_ids"]))!.structure_level_list_of_speakers_ids, [entryId]);
  const second = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, meeting_user_id: 2, structure_level_id: 3 });
  assert.equal(second.status, 200, JSON.stringify(second.body));
  assert.equal((await db().get(`speaker/${second.body.results[0][0].id}`, ["structure_level_list_of_speakers_id"]))!.structure_level_list_of_speakers_id, entryId);
  assert.deepEqual((await db().get(`structure_level_list_of_speakers/${entryId}`, ["speaker_ids"]))!.speaker_ids, [firstId, second.body.results[0][0].id]);
  await setMeeting({});
});

test("create: answers to interventions and interposed questions", async () => {
  await setMeeting({ list_of_speakers_enable_interposed_question: true, list_of_speakers_intervention_time: 100 });
  const listId = await newList();
  const [finished, question, intervention, plain, runningQuestion] = await addSpeakers(listId, [
    { begin_time: 100, end_time: 200, speech_state: "intervention" },
    { speech_state: "interposed_question", weight: 1 },
    { speech_state: "intervention", weight: 2 },
    { weight: 3, meeting_user_id: 3 },
    { begin_time: 300, speech_state: "interposed_question" },
  ]);
  const answer = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, answer_to_id: question });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const answerId = answer.body.results[0][0].id as number;
  assert.deepEqual(await db().get(`speaker/${answerId}`, ["speech_state", "answer", "weight", "meeting_user_id"]), { id: answerId, speech_state: "interposed_question", answer: true, weight: 2 });
  assert.deepEqual(await weights([question!, intervention!, plain!]), [1, 3, 4]);

  const toRunning = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, answer_to_id: runningQuestion });
  assert.equal(toRunning.status, 200, JSON.stringify(toRunning.body));
  assert.equal((await db().get(`speaker/${toRunning.body.results[0][0].id}`, ["weight"]))!.weight, 1, "an answer to a running speech goes first");

  const cases: Array<[Record<string, unknown>, string]> = [
    [{ answer_to_id: finished }, "Cannot create answer for finished speech."],
    [{ answer_to_id: answerId }, "Cannot create answer to an answer."],
    [{ answer_to_id: plain }, "Answers may only be created for interventions and interposed questions."],
    [{ answer_to_id: question, speech_state: "intervention" }, "May not create intervention answer linking to a interposed_question speech."],
  ];
  for (const [data, message] of cases) {
    const refused = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, ...data });
    assert.equal(refused.status, 400, JSON.stringify(data));
    assert.equal(refused.body.message, message);
  }
  const otherList = await newList();
  const [elsewhere] = await addSpeakers(otherList, [{ begin_time: 100, speech_state: "intervention" }]);
  const different = await run(suite.admin, "speaker.create", { list_of_speakers_id: listId, answer_to_id: elsewhere });
  assert.equal(different.body.message, "Cannot create answer for speaker in different list.");
  const emptyList = await newList();
  const [waitingQuestion] = await addSpeakers(emptyList, [{ speech_state: "interposed_question" }]);
  const noStarted = await run(suite.admin, "speaker.create", { list_of_speakers_id: emptyList, answer_to_id: waitingQuestion });
  assert.equal(noStarted.body.message, "Cannot create answer if there isn't a started/finished speech.");
  await setMeeting({});
});
