// projection.* over HTTP on the example data: projections 1 and 2 are previews of projector 1,
// 3 and 4 are current there. create and update are backend-internal (internal route here).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { loggedInClient, startActionServer, type ActionServer, type Client, runInternal } from "./support/action-server.js";

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
const internal = (action: string, data: unknown[]) => runInternal(server.url, action, data);

test("update_options replaces the options", async () => {
  assert.equal((await act(admin, "projection.update_options", [{ id: 2, options: { mode: "original" } }])).status, 200);
  assert.deepEqual((await server.db.get("projection/2", ["options"]))?.options, { mode: "original" });
  assert.equal((await act(admin, "projection.update_options", [{ id: 2 }])).status, 400, "options are required");
  assert.equal((await act(delegate, "projection.update_options", [{ id: 2, options: {} }])).status, 403);
});

test("a history projection cannot be deleted on its own; current and preview ones can", async () => {
  const created = await internal("projection.create", [{ meeting_id: 1, content_object_id: "topic/1", history_projector_id: 1 }]);
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id as number;
  assert.ok(((await server.db.get("projector/1", ["history_projection_ids"]))?.history_projection_ids as number[]).includes(id));
  const refused = await act(admin, "projection.delete", [{ id }]);
  assert.equal(refused.status, 400);
  assert.equal(refused.body.message, `Projection ${id} must have a current_projector_id or a preview_projector_id.`);
  assert.equal((await internal("projection.update", [{ id, history_projector_id: null, preview_projector_id: 1 }])).status, 200);
  assert.equal((await act(admin, "projection.delete", [{ id }])).status, 200);
  assert.equal(await server.db.get(`projection/${id}`), undefined);
  assert.equal((await act(admin, "projection.create", [{ meeting_id: 1, content_object_id: "topic/1" }])).status, 400, "create is backend-internal");
});

test("deleting a topic takes its projections along", async () => {
  const topic = await act(admin, "topic.create", [{ meeting_id: 1, title: "projected" }]);
  const topicId = topic.body.results[0][0].id as number;
  const projected = await internal("projection.create", [{ meeting_id: 1, content_object_id: `topic/${topicId}`, history_projector_id: 1 }]);
  const projectionId = projected.body.results[0][0].id as number;
  const deleted = await act(admin, "topic.delete", [{ id: topicId }]);
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await server.db.get(`projection/${projectionId}`), undefined);
});
