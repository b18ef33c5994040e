// agenda_item.forward (and speaker.create_for_merge) over HTTP: topics of example meeting 1 go to
// a new meeting, with hierarchy, speakers, moderator notes and attachments.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const write = (events: any[]) => suite.server.db.transaction((tx) => tx.write(events));

async function ok(action: string, data: Record<string, unknown>): Promise<any> {
  const answer = await suite.run(suite.admin, action, data);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0]?.[0];
}

let target = 0;
let prepared: Promise<void> | undefined;
const setup = () => (prepared ??= (async () => {
  target = (await ok("meeting.create", { committee_id: 1, name: "Target", language: "en", admin_ids: [1] })).id;
})());

test("agenda_item.forward: topics with hierarchy, speakers, notes and attachments", async () => {
  await setup();
  // item 4 (topic 2) becomes child of item 3 (topic 1); topic 1 gets a finished and a waiting speaker
  await write([{ type: "update", fqid: "agenda_item/4", fields: { parent_id: 3 } }, { type: "update", fqid: "agenda_item/3", fields: { child_ids: [4], weight: 5, comment: "c" } }]);
  const topic1 = await get("topic/1", ["list_of_speakers_id"]);
  const los = topic1!.list_of_speakers_id as number;
  await ok("list_of_speakers.update", { id: los, moderator_notes: "<p>notes</p>", closed: true });
  await write([
    { type: "create", fqid: "speaker/900", fields: { list_of_speakers_id: los, meeting_user_id: 3, meeting_id: 1, weight: 1, begin_time: 100, end_time: 200 } },
    { type: "create", fqid: "speaker/901", fields: { list_of_speakers_id: los, meeting_user_id: 2, meeting_id: 1, weight: 2 } },
  ]);
  const directory = (await ok("mediafile.create_directory", { owner_id: "meeting/1", title: "agenda docs" })).id;
  await ok("topic.update", { id: 1, attachment_mediafile_ids: [directory] });

  const answer = await suite.run(suite.admin, "agenda_item.forward", {
    meeting_ids: [target], agenda_item_ids: [3, 4], with_speakers: true, with_moderator_notes: true, with_attachments: true,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const meeting = await get(`meeting/${target}`, ["topic_ids", "agenda_item_ids", "mediafile_ids", "meeting_user_ids"]);
  const topics = await suite.server.db.getMany("topic", meeting!.topic_ids as number[], ["title", "agenda_item_id", "list_of_speakers_id", "attachment_meeting_mediafile_ids"]);
  const byTitle = new Map([...topics.values()].map((topic) => [topic.title as string, topic]));
  const a = byTitle.get("A")!;
  const b = byTitle.get("B")!;
  assert.ok(a && b);
  const itemA = await get(`agenda_item/${a.agenda_item_id}`, ["child_ids", "comment", "weight", "meeting_id"]);
  const itemB = await get(`agenda_item/${b.agenda_item_id}`, ["parent_id"]);
  assert.equal(itemB!.parent_id, a.agenda_item_id);
  assert.deepEqual(itemA!.child_ids, [b.agenda_item_id]);
  assert.equal(itemA!.comment, "c");
  assert.equal(itemA!.meeting_id, target);
  const newLos = await get(`list_of_speakers/${a.list_of_speakers_id}`, ["closed", "moderator_notes", "speaker_ids"]);
  assert.equal(newLos!.closed, true);
  assert.equal(newLos!.moderator_notes, "<p>notes</p>");
  const newSpeakers = await suite.server.db.getMany("speaker", newLos!.speaker_ids as number[], ["meeting_user_id", "begin_time", "end_time", "weight"]);
  const originSpeakers = (await get(`list_of_speakers/${los}`, ["speaker_ids"]))!.speaker_ids as number[];
  assert.equal(newSpeakers.size, originSpeakers.length);
  const speakerUsers = await suite.server.db.getMany("meeting_user", [...newSpeakers.values()].map((s) => s.meeting_user_id as number), ["user_id", "meeting_id", "group_ids"]);
  const userIds = new Set([...speakerUsers.values()].map((mu) => mu.user_id));
  assert.ok(userIds.has(2) && userIds.has(3));
  for (const mu of speakerUsers.values()) assert.equal(mu.meeting_id, target);
  const finished = [...newSpeakers.values()].find((s) => s.end_time === 200);
  assert.equal(finished?.begin_time, 100);
  // attachment: the meeting directory was duplicated into the target meeting
  const [mm] = a.attachment_meeting_mediafile_ids as number[];
  const newMm = await get(`meeting_mediafile/${mm}`, ["meeting_id", "mediafile_id"]);
  assert.equal(newMm!.meeting_id, target);
  const newMediafile = await get(`mediafile/${newMm!.mediafile_id}`, ["owner_id", "title"]);
  assert.equal(newMediafile!.owner_id, `meeting/${target}`);
  assert.equal(newMediafile!.title, "agenda docs");
  // origin untouched
  assert.equal((await get("agenda_item/3", ["meeting_id"]))!.meeting_id, 1);
});

test("agenda_item.forward: errors and permissions", async () => {
  await setup();
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ meeting_ids: [], agenda_item_ids: [5] }, "Cannot forward without target meetings."],
    [{ meeting_ids: [target], agenda_item_ids: [] }, "Cannot forward an agenda without the agenda_item_ids."],
    [{ meeting_ids: [target], agenda_item_ids: [1] }, "Cannot forward agenda_item/1: Not linked to a topic."],
    [{ meeting_ids: [1], agenda_item_ids: [5] }, "Cannot forward agenda to the same meeting"],
  ];
  for (const [data, message] of cases) {
    const answer = await suite.run(suite.admin, "agenda_item.forward", data);
    assert.equal(answer.status, 400, message);
    assert.equal(answer.body.message, message);
  }
  const topicLos = (await get("topic/3", ["list_of_speakers_id"]))!.list_of_speakers_id as number;
  await write([{ type: "create", fqid: "speaker/950", fields: { list_of_speakers_id: topicLos, meeting_user_id: 2, meeting_id: 1, weight: 1, begin_time: 100 } }]);
  const running = await suite.run(suite.admin, "agenda_item.forward", { meeting_ids: [target], agenda_item_ids: [5], with_speakers: true });
  assert.equal(running.status, 400);
  assert.equal(running.body.message, "Cannot forward when there are running or paused speakers.");
  const denied = await suite.run(suite.delegate, "agenda_item.forward", { meeting_ids: [target], agenda_item_ids: [5] });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, `Missing admin permission in meeting(s) {1, ${target}}.`);
  const before = ((await get(`meeting/${target}`, ["topic_ids"]))!.topic_ids as number[] | undefined)?.length ?? 0;
  const bad = await suite.run(suite.admin, "agenda_item.forward", { meeting_ids: [target], agenda_item_ids: [5], extra: 1 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action agenda_item.forward: data must not contain {'extra'} properties");
  assert.equal(((await get(`meeting/${target}`, ["topic_ids"]))!.topic_ids as number[] | undefined)?.length ?? 0, before);
});

test("speaker.create_for_merge: field rules", async () => {
  const los = (await get("topic/6", ["list_of_speakers_id"]))!.list_of_speakers_id as number;
  const internal = await suite.run(suite.admin, "speaker.create_for_merge", { list_of_speakers_id: los, meeting_user_id: 2, weight: 1 });
  assert.equal(internal.status, 400);
  assert.match(internal.body.message, /speaker.create_for_merge/);
});
