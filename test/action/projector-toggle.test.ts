// projector.toggle over HTTP on the example data (projector 1 shows meeting/1 stable and
// assignment/1 unstable).
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

const toggle = (client: Client, data: Record<string, unknown>) => client.post("/system/action/handle_request", [{ action: "projector.toggle", data: [data] }]);
const currentContents = async () => {
  const projector = await server.db.get("projector/1", ["current_projection_ids"]);
  const projections = await server.db.getMany("projection", (projector?.current_projection_ids as number[]) ?? [], ["content_object_id"]);
  return [...projections.values()].map((projection) => projection.content_object_id).sort();
};

test("toggling an unstable content shows it, toggling again sends it to the history", async () => {
  assert.equal((await toggle(admin, { ids: [1], meeting_id: 1, content_object_id: "topic/2" })).status, 200);
  assert.deepEqual(await currentContents(), ["meeting/1", "topic/2"], "assignment/1 made room");
  assert.equal((await toggle(admin, { ids: [1], meeting_id: 1, content_object_id: "topic/2" })).status, 200);
  assert.deepEqual(await currentContents(), ["meeting/1"]);
  const history = (await server.db.get("projector/1", ["history_projection_ids"]))?.history_projection_ids as number[];
  assert.ok(history.length >= 2);
});

test("toggling a stable content deletes its projection", async () => {
  const before = (await server.db.filter("projection", undefined, ["id"])).size;
  assert.equal((await toggle(admin, { ids: [1], meeting_id: 1, content_object_id: "meeting/1", stable: true })).status, 200);
  assert.deepEqual(await currentContents(), []);
  assert.equal((await server.db.filter("projection", undefined, ["id"])).size, before - 1);
});

test("denied callers and bad payloads", async () => {
  assert.equal((await toggle(delegate, { ids: [1], meeting_id: 1, content_object_id: "topic/2" })).status, 403);
  assert.equal((await toggle(admin, { ids: [], meeting_id: 1, content_object_id: "topic/2" })).status, 400, "at least one projector");
  assert.equal((await toggle(admin, { ids: [1], meeting_id: 1, content_object_id: "topic/9999" })).status, 400);
});
