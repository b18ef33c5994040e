// The autoupdate routes over real HTTP on the example data: what anonymous, a delegate and the
// superadmin see, live updates after actions, keys that become invisible, errors, the internal
// route, connection counts and long polling.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { startServer, startTwoProcesses, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { decodeCompressedLine, loggedIn, openStream } from "./support.js";

async function single(server: StartedServer, client: Client | undefined, body: unknown, query = "") {
  const method = body === undefined ? "GET" : "POST";
  return (client ?? new Client(server.url)).request(method, `/system/autoupdate?single=1${query}`, body);
}

describe("autoupdate on the example data", () => {
  let server: StartedServer;
  let admin: Client;
  let delegate: Client;
  before(async () => {
    server = await startServer({ env: { OPENSLIDES_COMPONENT_PORTS: "autoupdate", AUTOUPDATE_PORT: "0" } });
    admin = await loggedIn(server.url, "admin", "admin");
    delegate = await loggedIn(server.url, "a", "a");
  });
  after(async () => server.stop());

  test("anonymous sees the organization's public fields only", async () => {
    const answer = await single(server, undefined, [
      { collection: "organization", ids: [1], fields: { name: null, committee_ids: null, user_ids: null } },
      { collection: "meeting", ids: [1], fields: { name: null, welcome_title: null, location: null } },
    ]);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-type") ?? "", /octet-stream/);
    assert.deepEqual(Object.keys(answer.body).sort(), ["meeting/1/name", "organization/1/name"]);
  });

  test("the superadmin sees data but never passwords or other people's personal notes", async () => {
    const answer = await single(server, admin, undefined, "&k=user/2/username,user/2/password,user/1/password,personal_note/1/note,meeting/1/welcome_title");
    assert.equal(answer.body["user/2/username"], "a");
    assert.ok(!("user/2/password" in answer.body));
    assert.ok(!("user/1/password" in answer.body));
    assert.ok("personal_note/1/note" in answer.body, "the note belongs to the admin's own meeting user");
    assert.ok("meeting/1/welcome_title" in answer.body);
  });

  test("a delegate sees names of fellow participants but not their personal data or notes", async () => {
    const answer = await single(server, delegate, undefined, "&k=user/1/first_name,user/1/username,user/1/email,personal_note/1/note,meeting_user/1/comment,organization/1/user_ids,committee/1/name");
    assert.ok(!("user/1/username" in answer.body), "username is mode B: sensitive");
    assert.ok(!("personal_note/1/note" in answer.body));
    assert.ok(!("meeting_user/1/comment" in answer.body));
    assert.ok(!("organization/1/user_ids" in answer.body));
    const own = await single(server, delegate, undefined, "&k=user/2/username,user/2/default_password,user/2/password");
    assert.equal(own.body["user/2/username"], "a");
    assert.ok(!("user/2/password" in own.body));
  });

  test("relation lists are filtered to what the user may see", async () => {
    const request = [{ collection: "meeting", ids: [1], fields: { group_ids: null, user_ids: null } }];
    const asAdmin = await single(server, admin, request);
    const asAnonymous = await single(server, undefined, request);
    assert.ok(Array.isArray(asAdmin.body["meeting/1/group_ids"]));
    assert.ok(!("meeting/1/group_ids" in asAnonymous.body), "meeting B: anonymous is not enabled");
  });

  test("a stream sends the first line at once, then only changes; hidden items go out as null", async () => {
    const request = [{ collection: "meeting", ids: [1], fields: { topic_ids: { type: "relation-list", collection: "topic", fields: { title: null, agenda_item_id: null } } } }];
    const adminStream = await openStream(server.url, admin, request, "?compress=1");
    const delegateStream = await openStream(server.url, delegate, request);
    try {
      const firstAdmin = await adminStream.next();
      const firstDelegate = await delegateStream.next();
      assert.ok(Array.isArray(firstAdmin["meeting/1/topic_ids"]));
      assert.ok(Array.isArray(firstDelegate["meeting/1/topic_ids"]));
      const created = await admin.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "Live topic" }] }]);
      assert.equal(created.status, 200, created.text);
      const topicId = created.body.results[0][0].id as number;
      const adminUpdate = await adminStream.next();
      assert.equal(adminUpdate[`topic/${topicId}/title`], "Live topic");
      assert.ok(!("meeting/1/name" in adminUpdate), "only changed keys");
      const delegateUpdate = await delegateStream.next();
      assert.equal(delegateUpdate[`topic/${topicId}/title`], "Live topic");
      const agendaItemId = adminUpdate[`topic/${topicId}/agenda_item_id`] as number;
      const hidden = await admin.post("/system/action/handle_request", [{ action: "agenda_item.update", data: [{ id: agendaItemId, type: "hidden" }] }]);
      assert.equal(hidden.status, 200, hidden.text);
      const gone = await delegateStream.next();
      assert.ok(!(gone["meeting/1/topic_ids"] as number[]).includes(topicId), "the list no longer holds the hidden topic");
      const unhide = await admin.post("/system/action/handle_request", [{ action: "agenda_item.update", data: [{ id: agendaItemId, type: "common" }] }]);
      assert.equal(unhide.status, 200, unhide.text);
      const back = await delegateStream.next();
      assert.equal(back[`topic/${topicId}/title`], "Live topic", "visible again: its keys are sent anew");
    } finally {
      adminStream.close();
      delegateStream.close();
    }
  });

  test("a directly requested model that is deleted goes out as null", async () => {
    const created = await admin.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "Short-lived" }] }]);
    const id = created.body.results[0][0].id as number;
    const stream = await openStream(server.url, admin, [{ collection: "topic", ids: [id], fields: { id: null, title: null } }]);
    try {
      // The stream may start before the change feed brought the new topic: then it follows.
      let seen = await stream.next();
      if (Object.keys(seen).length === 0) seen = await stream.next();
      assert.deepEqual(seen, { [`topic/${id}/id`]: id, [`topic/${id}/title`]: "Short-lived" });
      await admin.post("/system/action/handle_request", [{ action: "topic.delete", data: [{ id }] }]);
      assert.deepEqual(await stream.next(), { [`topic/${id}/id`]: null, [`topic/${id}/title`]: null });
    } finally {
      stream.close();
    }
  });

  test("a stream of thousands of keys (a key group the hub looks up instead of indexing) gets its changes", async () => {
    const created = await admin.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "Among many" }] }]);
    const id = created.body.results[0][0].id as number;
    const absent = Array.from({ length: 5000 }, (_, index) => 1_000_000 + index);
    const stream = await openStream(server.url, admin, [{ collection: "topic", ids: [...absent, id], fields: { title: null } }]);
    try {
      let seen = await stream.next();
      if (Object.keys(seen).length === 0) seen = await stream.next();
      assert.deepEqual(seen, { [`topic/${id}/title`]: "Among many" });
      const renamed = await admin.post("/system/action/handle_request", [{ action: "topic.update", data: [{ id, title: "Renamed among many" }] }]);
      assert.equal(renamed.status, 200, renamed.text);
      assert.deepEqual(await stream.next(), { [`topic/${id}/title`]: "Renamed among many" });
    } finally {
      stream.close();
    }
  });

  test("bad requests are 400 with the upstream error shape, never 500", async () => {
    const syntax = await admin.request("POST", "/system/autoupdate?single=1", "[{");
    assert.equal(syntax.status, 400);
    assert.ok(["JsonError", "SyntaxError"].includes(syntax.body.error.type));
    const noData = await admin.request("POST", "/system/autoupdate?single=1", "[]");
    assert.deepEqual(noData.body, { error: { type: "SyntaxError", msg: "No data" } });
    const unknown = await admin.request("GET", "/system/autoupdate?single=1&k=user/1/nope");
    assert.equal(unknown.status, 400);
    const method = await admin.request("PUT", "/system/autoupdate");
    assert.equal(method.status, 400);
    assert.equal(method.body.error.type, "invalid_request");
    const badToken = await new Client(server.url).request("GET", "/system/autoupdate?single=1&k=user/1/id", undefined, { authentication: "bearer x" });
    assert.equal(badToken.status, 403);
    assert.equal(badToken.body.error.type, "auth");
  });

  test("the internal route is only on the autoupdate port, as the given user", async () => {
    // The main port refuses every internal path without the internal password, and has no such route with it.
    assert.equal((await new Client(server.url).get("/internal/autoupdate?user_id=1&single=1&k=user/1/username")).status, 401);
    const withPassword = { authorization: Buffer.from("openslides").toString("base64") };
    assert.equal((await new Client(server.url).get("/internal/autoupdate?user_id=1&single=1&k=user/1/username", withPassword)).status, 404);
    const port = new Client(`http://127.0.0.1:${server.componentPorts.autoupdate}`);
    const answer = await port.get("/internal/autoupdate?user_id=1&single=1&k=user/1/username");
    assert.deepEqual(answer.body, { "user/1/username": "admin" });
    const asAnonymous = await port.get("/internal/autoupdate?user_id=0&single=1&k=user/1/username");
    assert.deepEqual(asAnonymous.body, {});
    // upstream answers 500; bad input is a 400 here (issue 13)
    const bad = await port.get("/internal/autoupdate?user_id=x&single=1");
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { error: { type: "invalid_request", msg: "user_id has to be an int, not x" } });
    assert.equal((await port.get("/system/autoupdate/health")).body.healthy, true);
  });

  test("connection counts: organization managers see them, delegates may not", async () => {
    const stream = await openStream(server.url, delegate, [{ collection: "organization", ids: [1], fields: { name: null } }]);
    try {
      await stream.next();
      const counts = await admin.get("/system/autoupdate/connection_count");
      assert.equal(counts.status, 200);
      assert.ok((counts.body[0]["2"] as number) >= 1);
      const denied = await delegate.get("/system/autoupdate/connection_count");
      assert.equal(denied.status, 400);
    } finally {
      stream.close();
    }
  });

  test("compressed answers (single, stream, long poll) decode to the same JSON as plain ones; errors stay plain", async () => {
    const request = [
      { collection: "meeting", ids: [1], fields: { name: null, topic_ids: { type: "relation-list", collection: "topic", fields: { title: null, agenda_item_id: null } } } },
      { collection: "organization", ids: [1], fields: { name: null, description: null } },
    ];
    const plainSingle = await single(server, admin, request);
    const compressedSingle = await single(server, admin, request, "&compress=1");
    assert.equal(compressedSingle.status, 200);
    assert.ok(compressedSingle.text.endsWith("\n"));
    const decodedSingle = decodeCompressedLine(compressedSingle.text.slice(0, -1));
    assert.ok(decodedSingle.endsWith("\n"), "the compressed frame holds the JSON and its line feed");
    assert.deepEqual(JSON.parse(decodedSingle), plainSingle.body);
    assert.ok(Object.keys(plainSingle.body).length > 3);
    // compress=0 compresses too: presence is what counts.
    const zero = await single(server, admin, request, "&compress=0");
    assert.deepEqual(JSON.parse(decodeCompressedLine(zero.text.trimEnd())), plainSingle.body);

    const plain = await openStream(server.url, admin, request);
    const compressed = await openStream(server.url, admin, request, "?compress=1");
    try {
      assert.deepEqual(await compressed.next(), await plain.next());
      const created = await admin.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "Compressed ünïcødé €" }] }]);
      assert.equal(created.status, 200, created.text);
      const plainUpdate = await plain.next();
      const compressedUpdate = await compressed.next();
      assert.deepEqual(compressedUpdate, plainUpdate);
      assert.equal(compressedUpdate[`topic/${created.body.results[0][0].id}/title`], "Compressed ünïcødé €");
    } finally {
      plain.close();
      compressed.close();
    }

    const badRequest = await admin.request("POST", "/system/autoupdate?single=1&compress=1", "[]");
    assert.equal(badRequest.status, 400);
    assert.deepEqual(badRequest.body, { error: { type: "SyntaxError", msg: "No data" } }, "errors are plain JSON");

    const poll = async (query: string) => {
      const form = new FormData();
      form.append("request", JSON.stringify(request));
      form.append("lastpolling", "null");
      const response = await fetch(`${server.url}/system/autoupdate?longpolling=1${query}`, { method: "POST", headers: { authentication: admin.token!, cookie: admin.cookie! }, body: form });
      assert.equal(response.status, 200);
      return String((await response.formData()).get("data"));
    };
    assert.deepEqual(JSON.parse(decodeCompressedLine(await poll("&compress=1"))), JSON.parse(await poll("")));
  });

  test("long polling answers at once the first time, then when something changed", async () => {
    const request = JSON.stringify([{ collection: "meeting", ids: [1], fields: { topic_ids: null } }]);
    const poll = async (state: string) => {
      const form = new FormData();
      form.append("request", request);
      form.append("lastpolling", state);
      const response = await fetch(`${server.url}/system/autoupdate?longpolling=1`, { method: "POST", headers: { authentication: admin.token!, cookie: admin.cookie! }, body: form });
      assert.equal(response.status, 200);
      const fields = await response.formData();
      return { data: JSON.parse(String(fields.get("data"))) as Record<string, unknown>, hash: String(fields.get("hash")) };
    };
    const first = await poll("null");
    assert.ok(Array.isArray(first.data["meeting/1/topic_ids"]));
    const waiting = poll(first.hash);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await admin.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "Polled" }] }]);
    const second = await waiting;
    assert.ok((second.data["meeting/1/topic_ids"] as number[]).length > (first.data["meeting/1/topic_ids"] as number[]).length);
  });
});

test("a write through one process reaches a subscriber of another", async () => {
  const { first, second, stop } = await startTwoProcesses();
  try {
    const reader = await loggedIn(first.url, "admin", "admin");
    const writer = await loggedIn(second.url, "admin", "admin");
    const stream = await openStream(first.url, reader, [{ collection: "meeting", ids: [1], fields: { topic_ids: { type: "relation-list", collection: "topic", fields: { title: null } } } }]);
    try {
      await stream.next();
      const created = await writer.post("/system/action/handle_request", [{ action: "topic.create", data: [{ meeting_id: 1, title: "From the other process" }] }]);
      assert.equal(created.status, 200, created.text);
      const update = await stream.next(20_000);
      assert.equal(update[`topic/${created.body.results[0][0].id}/title`], "From the other process");
    } finally {
      stream.close();
    }
  } finally {
    await stop();
  }
});
