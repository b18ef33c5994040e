// projector.project over HTTP on the example data: projector 1 shows projection 3 (meeting/1,
// stable) and 4 (assignment/1, unstable).
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

const project = (client: Client, data: Record<string, unknown>) => client.post("/system/action/handle_request", [{ action: "projector.project", data: [data] }]);
const projector = () => server.db.get("projector/1", ["current_projection_ids", "history_projection_ids", "scroll"]);

test("an unstable projection replaces the unstable ones, which go to the history; stable ones stay", async () => {
  await server.db.transaction((tx) => tx.write([{ type: "update", fqid: "projector/1", fields: { scroll: 5 } }]));
  const answer = await project(admin, { ids: [1], meeting_id: 1, content_object_id: "topic/1", options: { a: 1 } });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const after = await projector();
  assert.equal(after?.scroll, 0);
  assert.ok((after?.history_projection_ids as number[]).includes(4), "assignment/1 moved to the history");
  const current = await server.db.getMany("projection", after?.current_projection_ids as number[], ["content_object_id", "options", "stable"]);
  assert.deepEqual([...current.values()].map((p) => p.content_object_id).sort(), ["meeting/1", "topic/1"]);
  assert.deepEqual([...current.values()].find((p) => p.content_object_id === "topic/1")?.options, { a: 1 });
});

test("projecting the same content again moves the old projection to the history", async () => {
  const before = (await projector())?.current_projection_ids as number[];
  assert.equal((await project(admin, { ids: [1], meeting_id: 1, content_object_id: "topic/1" })).status, 200);
  const after = await projector();
  const oldTopicProjection = before.find((id) => id !== 3)!;
  assert.ok((after?.history_projection_ids as number[]).includes(oldTopicProjection));
  assert.equal((after?.current_projection_ids as number[]).length, 2);
});

test("a stable projection leaves the others alone; projecting it again removes the old one", async () => {
  const before = (await projector())?.current_projection_ids as number[];
  assert.equal((await project(admin, { ids: [1], meeting_id: 1, content_object_id: "motion/1", stable: true })).status, 200);
  const afterFirst = (await projector())?.current_projection_ids as number[];
  assert.equal(afterFirst.length, before.length + 1);
  assert.equal((await project(admin, { ids: [1], meeting_id: 1, content_object_id: "motion/1", stable: true })).status, 200);
  const afterSecond = (await projector())?.current_projection_ids as number[];
  assert.equal(afterSecond.length, afterFirst.length, "the old stable projection was deleted, a new one made");
});

test("denied callers and bad payloads", async () => {
  const denied = await project(delegate, { ids: [1], meeting_id: 1, content_object_id: "topic/1" });
  assert.equal(denied.status, 403);
  assert.equal((await project(admin, { meeting_id: 1, content_object_id: "topic/1" })).status, 400);
  assert.equal((await project(admin, { ids: [1], meeting_id: 1, content_object_id: "topic" })).status, 400);
  const two = await admin.post("/system/action/handle_request", [{ action: "projector.project", data: [{ ids: [1], meeting_id: 1, content_object_id: "topic/1" }, { ids: [1], meeting_id: 1, content_object_id: "topic/2" }] }]);
  assert.equal(two.status, 400, "one item at a time");
});
