// projector.create/update/delete and meeting.replace_projector_id over HTTP on the example data:
// projector 1 is meeting 1's reference projector, projector 2 its default for lists of speakers.
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

const act = (client: Client, action: string, data: unknown[]) => client.post("/system/action/handle_request", [{ action, data }]);

test("create with settings and a default role; both sides of the relations", async () => {
  const answer = await act(admin, "projector.create", [
    { meeting_id: 1, name: "Side", width: 1024, color: "#112233", used_as_default_projector_for_topic_in_meeting_id: 1 },
  ]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const { id, sequential_number: sequentialNumber } = answer.body.results[0][0];
  assert.ok(sequentialNumber > 2);
  const projector = await server.db.get(`projector/${id}`, ["name", "width", "color", "meeting_id", "used_as_default_projector_for_topic_in_meeting_id"]);
  assert.deepEqual(projector, { id, name: "Side", width: 1024, color: "#112233", meeting_id: 1, used_as_default_projector_for_topic_in_meeting_id: 1 });
  const meeting = await server.db.get("meeting/1", ["projector_ids", "default_projector_topic_ids"]);
  assert.ok((meeting?.projector_ids as number[]).includes(id));
  assert.ok((meeting?.default_projector_topic_ids as number[]).includes(id));
});

test("the reference projector cannot become internal or be deleted", async () => {
  const internal = await act(admin, "projector.update", [{ id: 1, is_internal: true }]);
  assert.equal(internal.body.message, "Projector cannot be set to internal, because it is the reference projector of the meeting.");
  const deleted = await act(admin, "projector.delete", [{ id: 1 }]);
  assert.equal(deleted.body.message, "A used as reference projector is not allowed to delete.");
  assert.equal((await act(admin, "projector.update", [{ id: 2, is_internal: true, name: "Speakers" }])).status, 200);
});

test("deleting a default projector hands its roles to the reference projector", async () => {
  const answer = await act(admin, "projector.delete", [{ id: 2 }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await server.db.get("projector/2"), undefined);
  const meeting = await server.db.get("meeting/1", ["default_projector_list_of_speakers_ids", "default_projector_current_los_ids", "projector_ids"]);
  assert.deepEqual(meeting?.default_projector_list_of_speakers_ids, [1]);
  assert.deepEqual(meeting?.default_projector_current_los_ids, [1]);
  assert.ok(!(meeting?.projector_ids as number[]).includes(2));
});

test("denied callers, bad payloads and the internal replace action", async () => {
  const denied = await act(delegate, "projector.create", [{ meeting_id: 1, name: "x" }]);
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action projector.create. Missing Permission: projector.can_manage");
  assert.equal((await act(admin, "projector.create", [{ meeting_id: 1, name: "x", color: "blue" }])).status, 400);
  assert.equal((await act(admin, "projector.update", [{ id: 1, sequential_number: 9 }])).status, 400);
  assert.equal((await act(admin, "meeting.replace_projector_id", [{ id: 1, projector_id: 1 }])).status, 400, "backend-internal");
});
