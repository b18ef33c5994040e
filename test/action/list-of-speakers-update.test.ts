// list_of_speakers.update over HTTP on the example data (meeting 1).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { loggedInClient, startActionServer, type ActionServer, type Client } from "./support/action-server.js";

let server: ActionServer;
let admin: Client;
let delegate: Client;

before(async () => {
  server = await startActionServer();
  admin = await loggedInClient(server.url, "admin", "admin");
  delegate = await loggedInClient(server.url, "a", "delegate");
});

after(async () => server?.close());

const update = (client: Client, data: Record<string, unknown>) => client.post("/system/action/handle_request", [{ action: "list_of_speakers.update", data: [data] }]);

test("closing and moderator notes", async () => {
  const answer = await update(admin, { id: 1, closed: true, moderator_notes: "<p>keep it short</p>" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const los = await server.db.get("list_of_speakers/1", ["closed", "moderator_notes"]);
  assert.deepEqual([los?.closed, los?.moderator_notes], [true, "<p>keep it short</p>"]);
  assert.equal((await update(admin, { id: 1, closed: false })).status, 200);
  assert.equal((await server.db.get("list_of_speakers/1", ["closed"]))?.closed, false);
});

test("a delegate may neither close the list nor write moderator notes", async () => {
  const closing = await update(delegate, { id: 1, closed: true });
  assert.equal(closing.status, 403);
  assert.equal(closing.body.message, "You are not allowed to perform action list_of_speakers.update. Missing Permission: list_of_speakers.can_manage");
  const notes = await update(delegate, { id: 1, moderator_notes: "x" });
  assert.equal(notes.status, 403);
  assert.equal(notes.body.message, "You are not allowed to perform action list_of_speakers.update. Missing Permission: list_of_speakers.can_manage_moderator_notes");
  assert.equal((await server.db.get("list_of_speakers/1", ["closed"]))?.closed, false);
});

test("bad payloads", async () => {
  assert.equal((await update(admin, { id: 1, closed: "maybe" })).status, 400);
  assert.equal((await update(admin, { id: 1, speaker_ids: [1] })).status, 400);
  assert.equal((await update(admin, { closed: true })).status, 400);
  assert.equal((await update(admin, { id: 4242, closed: true })).status, 400);
});
