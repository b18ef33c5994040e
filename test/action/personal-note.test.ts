// personal_note.create / update / delete over HTTP on the example data (meeting 1: personal note 1
// of meeting_user 1 (admin) on motion/2; user "a" is meeting_user 2). The official client stars a
// motion with personal_note.create {content_object_id, star} and edits the note with update.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};

test("create: the request user's meeting user and the meeting come from the content object", async () => {
  const answer = await suite.run(suite.delegate, "personal_note.create", { content_object_id: "motion/1", star: true });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id;
  assert.deepEqual(await get(`personal_note/${id}`, ["meeting_user_id", "meeting_id", "content_object_id", "star"]), {
    id,
    meeting_user_id: 2,
    meeting_id: 1,
    content_object_id: "motion/1",
    star: true,
  });
  assert.deepEqual((await get("meeting_user/2", ["personal_note_ids"])).personal_note_ids, [id]);
  assert.ok(((await get("motion/1", ["personal_note_ids"])).personal_note_ids as number[]).includes(id));
  assert.ok(((await get("meeting/1", ["personal_note_ids"])).personal_note_ids as number[]).includes(id));

  const duplicate = await suite.run(suite.delegate, "personal_note.create", { content_object_id: "motion/1", note: "<p>x</p>" });
  assert.equal(duplicate.status, 400);
  assert.equal(duplicate.body.message, "(meeting_user_id, content_object_id) must be unique.");
});

test("create: errors", async () => {
  const empty = await suite.run(suite.delegate, "personal_note.create", { content_object_id: "motion/3" });
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Can't create personal note without star or note.");
  const internalField = await suite.run(suite.delegate, "personal_note.create", { content_object_id: "motion/3", star: true, meeting_user_id: 2 });
  assert.equal(internalField.status, 400);
  assert.equal(internalField.body.message, "data must not contain {'meeting_user_id'} properties");
  assert.equal((await get("motion/3", ["personal_note_ids"])).personal_note_ids, undefined);

  const meeting = await suite.run(suite.admin, "meeting.create", { committee_id: 1, name: "Elsewhere", language: "en", admin_ids: [2] });
  assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
  const topic = await suite.run(suite.admin, "topic.create", { meeting_id: meeting.body.results[0][0].id, title: "Elsewhere topic" });
  assert.equal(topic.status, 200, JSON.stringify(topic.body));
  const outside = await suite.run(suite.admin, "personal_note.create", { content_object_id: `topic/${topic.body.results[0][0].id}`, star: true });
  assert.equal(outside.status, 403);
  assert.equal(outside.body.message, "User not associated with meeting.");
});

test("update and delete: only one's own note", async () => {
  const created = await suite.run(suite.delegate, "personal_note.create", { content_object_id: "motion/2", note: "<p>mine</p>" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id;

  const update = await suite.run(suite.delegate, "personal_note.update", { id, star: true, note: "<p>changed</p>" });
  assert.equal(update.status, 200, JSON.stringify(update.body));
  assert.deepEqual(await get(`personal_note/${id}`, ["star", "note"]), { id, star: true, note: "<p>changed</p>" });

  const foreignUpdate = await suite.run(suite.delegate, "personal_note.update", { id: 1, star: true });
  assert.equal(foreignUpdate.status, 403);
  assert.equal(foreignUpdate.body.message, "Cannot change not owned personal note.");
  const foreignDelete = await suite.run(suite.delegate, "personal_note.delete", { id: 1 });
  assert.equal(foreignDelete.status, 403);
  assert.equal(foreignDelete.body.message, "Cannot delete not owned personal note.");
  assert.equal((await get("personal_note/1", ["star"])).star, undefined);

  const deleted = await suite.run(suite.delegate, "personal_note.delete", { id });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await suite.server.db.get(`personal_note/${id}`, ["id"]), undefined);
  assert.ok(!((await get("meeting_user/2", ["personal_note_ids"])).personal_note_ids as number[] | undefined)?.includes(id));
});
