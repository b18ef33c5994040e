// projector.add_to_preview, project_preview, next and previous over HTTP on the example data:
// projector 1 has the previews 1 (motion_block/1) and 2 (motion/4), current 3 (meeting/1,
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

const act = (client: Client, action: string, data: unknown[]) => client.post("/system/action/handle_request", [{ action, data }]);
const lists = async () => {
  const projector = await server.db.get("projector/1", ["current_projection_ids", "preview_projection_ids", "history_projection_ids"]);
  return {
    current: ((projector?.current_projection_ids as number[]) ?? []).sort((a, b) => a - b),
    preview: ((projector?.preview_projection_ids as number[]) ?? []).sort((a, b) => a - b),
    history: ((projector?.history_projection_ids as number[]) ?? []).sort((a, b) => a - b),
  };
};

test("add_to_preview appends with the next weight", async () => {
  const answer = await act(admin, "projector.add_to_preview", [{ ids: [1], meeting_id: 1, content_object_id: "topic/1" }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const { preview } = await lists();
  assert.equal(preview.length, 3);
  const added = await server.db.get(`projection/${preview[2]}`, ["content_object_id", "weight", "preview_projector_id"]);
  assert.equal(added?.content_object_id, "topic/1");
  assert.equal(added?.preview_projector_id, 1);
});

test("project_preview makes a preview current and sends the unstable current one to the history", async () => {
  const answer = await act(admin, "projector.project_preview", [{ id: 2 }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const after = await lists();
  assert.deepEqual(after.current, [2, 3]);
  assert.ok(after.history.includes(4));
  assert.ok(!after.preview.includes(2));
  const notPreview = await act(admin, "projector.project_preview", [{ id: 3 }]);
  assert.equal(notPreview.body.message, "Projection has not a preview_projector_id.");
});

test("next takes the lowest-weight preview; previous brings back the last history entry", async () => {
  const before = await lists();
  assert.equal((await act(admin, "projector.next", [{ id: 1 }])).status, 200);
  const afterNext = await lists();
  assert.equal(afterNext.preview.length, before.preview.length - 1);
  assert.ok(afterNext.history.includes(2), "the unstable current projection went to the history");
  assert.ok(afterNext.current.includes(3), "the stable one stayed");

  assert.equal((await act(admin, "projector.previous", [{ id: 1 }])).status, 200);
  const afterPrevious = await lists();
  assert.ok(afterPrevious.current.includes(2), "the last history entry is current again");
  assert.equal(afterPrevious.preview.length, before.preview.length, "the replaced one went back to the preview");
});

test("denied callers", async () => {
  assert.equal((await act(delegate, "projector.next", [{ id: 1 }])).status, 403);
  assert.equal((await act(delegate, "projector.add_to_preview", [{ ids: [1], meeting_id: 1, content_object_id: "topic/1" }])).status, 403);
});

test("sort_preview needs the whole preview and sets weights in order", async () => {
  const { preview } = await lists();
  const reversed = [...preview].reverse();
  assert.equal((await act(admin, "projector.sort_preview", [{ id: 1, projection_ids: reversed }])).status, 200);
  const weights = await server.db.getMany("projection", reversed, ["weight"]);
  assert.deepEqual(reversed.map((id) => weights.get(id)?.weight), reversed.map((_, index) => index + 1));
  const partial = await act(admin, "projector.sort_preview", [{ id: 1, projection_ids: reversed.slice(1) }]);
  assert.equal(partial.body.message, "Must give all preview projections of this projector and nothing else.");
});

test("control_view scrolls and scales, never scrolling below 0", async () => {
  const view = async () => server.db.get("projector/1", ["scroll", "scale"]);
  assert.equal((await act(admin, "projector.control_view", [{ id: 1, field: "scroll", direction: "up", step: 3 }])).status, 200);
  assert.equal((await view())?.scroll, 3);
  await act(admin, "projector.control_view", [{ id: 1, field: "scroll", direction: "down", step: 5 }]);
  assert.equal((await view())?.scroll, 0);
  await act(admin, "projector.control_view", [{ id: 1, field: "scale", direction: "down" }]);
  assert.equal((await view())?.scale, -1);
  await act(admin, "projector.control_view", [{ id: 1, field: "scale", direction: "reset" }]);
  assert.equal((await view())?.scale, 0);
  assert.equal((await act(admin, "projector.control_view", [{ id: 1, field: "width", direction: "up" }])).status, 400);
  assert.equal((await act(delegate, "projector.control_view", [{ id: 1, field: "scroll", direction: "up" }])).status, 403);
});
