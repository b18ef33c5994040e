// projector_countdown.* and projector_message.* over HTTP on the example data (meeting 1).
import { after, before, describe, test } from "node:test";
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

describe("projector_countdown", () => {
  test("create takes the meeting's default time and starts there; both sides of the relation", async () => {
    const created = await act(admin, "projector_countdown.create", [{ meeting_id: 1, title: "Break" }]);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const id = created.body.results[0][0].id as number;
    const countdown = await server.db.get(`projector_countdown/${id}`);
    assert.equal(countdown?.default_time, 60);
    assert.equal(countdown?.countdown_time, 60);
    assert.equal(countdown?.meeting_id, 1);
    assert.ok(((await server.db.get("meeting/1", ["projector_countdown_ids"]))?.projector_countdown_ids as number[]).includes(id));

    const withTime = await act(admin, "projector_countdown.create", [{ meeting_id: 1, title: "Long break", default_time: 600 }]);
    const second = await server.db.get(`projector_countdown/${withTime.body.results[0][0].id}`);
    assert.equal(second?.countdown_time, 600);

    const updated = await act(admin, "projector_countdown.update", [{ id, running: true, countdown_time: 1700000000, description: "coffee" }]);
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    const after = await server.db.get(`projector_countdown/${id}`);
    assert.deepEqual([after?.running, after?.countdown_time, after?.description], [true, 1700000000, "coffee"]);

    assert.equal((await act(admin, "projector_countdown.delete", [{ id }])).status, 200);
    assert.equal(await server.db.get(`projector_countdown/${id}`), undefined);
  });

  test("the meeting's list-of-speakers and poll countdowns cannot be deleted", async () => {
    for (const id of [1, 2]) {
      const answer = await act(admin, "projector_countdown.delete", [{ id }]);
      assert.equal(answer.status, 400);
      assert.equal(answer.body.message, "List of speakers or poll countdown is not allowed to delete.");
    }
    assert.ok(await server.db.get("projector_countdown/1"));
  });

  test("titles are unique per meeting, payloads are checked, delegates are refused", async () => {
    const duplicate = await act(admin, "projector_countdown.create", [{ meeting_id: 1, title: "Speaking time" }]);
    assert.equal(duplicate.status, 400);
    const missing = await act(admin, "projector_countdown.create", [{ meeting_id: 1 }]);
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /data must contain \['title'\] properties/);
    const unknown = await act(admin, "projector_countdown.update", [{ id: 1, color: "#000000" }]);
    assert.equal(unknown.status, 400);
    const denied = await act(delegate, "projector_countdown.create", [{ meeting_id: 1, title: "Nope" }]);
    assert.equal(denied.status, 403);
    assert.match(denied.body.message, /projector\.can_manage/);
  });
});

describe("projector_message", () => {
  test("create, update and delete, with the meeting's side of the relation", async () => {
    const created = await act(admin, "projector_message.create", [{ meeting_id: 1, message: "<p>Hello</p>" }]);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const id = created.body.results[0][0].id as number;
    assert.equal((await server.db.get(`projector_message/${id}`))?.message, "<p>Hello</p>");
    assert.ok(((await server.db.get("meeting/1", ["projector_message_ids"]))?.projector_message_ids as number[]).includes(id));
    assert.equal((await act(admin, "projector_message.update", [{ id, message: "<p>Bye</p>" }])).status, 200);
    assert.equal((await server.db.get(`projector_message/${id}`))?.message, "<p>Bye</p>");
    assert.equal((await act(admin, "projector_message.delete", [{ id }])).status, 200);
    assert.equal(await server.db.get(`projector_message/${id}`), undefined);
  });

  test("bad payloads and denied callers change nothing", async () => {
    const before = (await server.db.filter("projector_message", undefined, ["id"])).size;
    assert.equal((await act(admin, "projector_message.create", [{ meeting_id: 1 }])).status, 400);
    assert.equal((await act(admin, "projector_message.create", [{ meeting_id: 1, message: "x", extra: 1 }])).status, 400);
    assert.equal((await act(delegate, "projector_message.create", [{ meeting_id: 1, message: "x" }])).status, 403);
    assert.equal((await act(admin, "projector_message.update", [{ id: 999, message: "x" }])).status, 400);
    assert.equal((await server.db.filter("projector_message", undefined, ["id"])).size, before);
  });
});
