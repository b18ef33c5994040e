// list_of_speakers.delete_all_speakers and list_of_speakers.re_add_last over HTTP on the example
// data (meeting 1: list 1 has speaker 11 (done, meeting user 2), 12 and 13 (waiting); list 7 has 3 and 4).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);

test("re_add_last refuses a user already waiting, unless several entries are allowed", async () => {
  const refused = await run(suite.admin, "list_of_speakers.re_add_last", { id: 1 });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.message, "User 2 is already on the list of speakers.");
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "meeting/1", fields: { list_of_speakers_allow_multiple_speakers: true } }]));
  const answer = await run(suite.admin, "list_of_speakers.re_add_last", { id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const speaker = await suite.server.db.get("speaker/11", ["begin_time", "end_time", "weight"]);
  assert.deepEqual(speaker, { id: 11, weight: 1 });
});

test("re_add_last: no finished speaker, no speakers, interposed questions", async () => {
  const none = await run(suite.admin, "list_of_speakers.re_add_last", { id: 1 });
  assert.equal(none.status, 400);
  assert.equal(none.body.message, "There is no last speaker that can be re-added.");
  const empty = await run(suite.admin, "list_of_speakers.re_add_last", { id: 2 });
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "List of speakers 2 has no speakers.");
  await suite.server.db.transaction((tx) =>
    tx.write([{ type: "update", fqid: "speaker/12", fields: { begin_time: 1000, end_time: 2000, speech_state: "interposed_question" } }]),
  );
  const interposed = await run(suite.admin, "list_of_speakers.re_add_last", { id: 1 });
  assert.equal(interposed.status, 400);
  assert.equal(interposed.body.message, "Can't re-add interposed question when there's no current speaker");
});

test("delete_all_speakers removes every speaker, on both sides of the relations", async () => {
  const answer = await run(suite.admin, "list_of_speakers.delete_all_speakers", { id: 7 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [null]);
  assert.equal(await suite.server.db.get("speaker/3", ["id"]), undefined);
  assert.equal(await suite.server.db.get("speaker/4", ["id"]), undefined);
  assert.equal((await suite.server.db.get("list_of_speakers/7", ["speaker_ids"]))?.speaker_ids, undefined);
  assert.ok(!(((await suite.server.db.get("meeting_user/2", ["speaker_ids"]))?.speaker_ids as number[]) ?? []).includes(3));
  const again = await run(suite.admin, "list_of_speakers.delete_all_speakers", { id: 7 });
  assert.equal(again.status, 200, "an empty list is fine");
});

test("a delegate may do neither", async () => {
  for (const action of ["list_of_speakers.delete_all_speakers", "list_of_speakers.re_add_last"]) {
    const answer = await run(suite.delegate, action, { id: 3 });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, `You are not allowed to perform action ${action}. Missing Permission: list_of_speakers.can_manage`);
  }
  assert.ok(await suite.server.db.get("speaker/1", ["id"]), "nothing deleted");
});

test("bad payloads", async () => {
  for (const action of ["list_of_speakers.delete_all_speakers", "list_of_speakers.re_add_last"]) {
    assert.equal((await run(suite.admin, action, {})).status, 400);
    assert.equal((await run(suite.admin, action, { id: 3, closed: true })).status, 400);
    const missing = await run(suite.admin, action, { id: 4242 });
    assert.equal(missing.status, 400);
  }
});
