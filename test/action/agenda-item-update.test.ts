// agenda_item.update over HTTP on the example data: item 3 (topic/1, common) has the child 14 (internal).
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

const update = (client: Client, data: Record<string, unknown>[]) => client.post("/system/action/handle_request", [{ action: "agenda_item.update", data }]);
const item = (id: number) => server.db.get(`agenda_item/${id}`, ["type", "is_hidden", "is_internal", "comment", "duration", "tag_ids", "closed"]);

test("plain fields, with both sides of tag_ids", async () => {
  const answer = await update(admin, [{ id: 4, comment: "short", duration: 300, closed: true, tag_ids: [1, 2] }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [null]);
  const after = await item(4);
  assert.deepEqual([after?.comment, after?.duration, after?.closed, after?.tag_ids], ["short", 300, true, [1, 2]]);
  assert.ok(((await server.db.get("tag/1", ["tagged_ids"]))?.tagged_ids as string[]).includes("agenda_item/4"));
});

test("a new type recomputes the item and passes down to its children", async () => {
  assert.equal((await update(admin, [{ id: 3, type: "hidden" }])).status, 200);
  assert.deepEqual([(await item(3))?.is_hidden, (await item(3))?.is_internal], [true, false]);
  assert.deepEqual([(await item(14))?.is_hidden, (await item(14))?.is_internal], [true, true], "the child inherits hidden");

  assert.equal((await update(admin, [{ id: 3, type: "common" }])).status, 200);
  assert.deepEqual([(await item(3))?.is_hidden, (await item(3))?.is_internal], [false, false]);
  assert.deepEqual([(await item(14))?.is_hidden, (await item(14))?.is_internal], [false, true], "the child keeps its own internal type");

  assert.equal((await update(admin, [{ id: 14, type: "common" }])).status, 200);
  assert.deepEqual([(await item(14))?.is_hidden, (await item(14))?.is_internal], [false, false]);
});

test("denied callers and bad payloads change nothing", async () => {
  const denied = await update(delegate, [{ id: 4, comment: "nope" }]);
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action agenda_item.update. Missing Permission: agenda_item.can_manage");
  assert.equal((await update(admin, [{ id: 4, type: "secret" }])).status, 400);
  assert.equal((await update(admin, [{ id: 4, level: 3 }])).status, 400, "level is computed, not given");
  assert.equal((await update(admin, [{ id: 4, comment: "two" }, { id: 4242, comment: "missing" }])).status, 400);
  assert.equal((await item(4))?.comment, "short", "the failing request left the first item unchanged");
});

test("descendants with unset flags get both flags stored, even when their values stay", async () => {
  await server.db.transaction((tx) => tx.write([{ type: "update", fqid: "agenda_item/14", fields: { type: "internal", is_hidden: null, is_internal: true } }]));
  const answer = await update(admin, [{ id: 3, type: "common" }, { id: 14 }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual([(await item(14))?.type, (await item(14))?.is_hidden, (await item(14))?.is_internal], ["internal", false, true]);
});

test("a descendant given a new type earlier in the request keeps it when its ancestor changes later", async () => {
  await server.db.transaction((tx) => tx.write([{ type: "update", fqid: "agenda_item/14", fields: { type: "internal", is_hidden: null, is_internal: true } }]));
  const answer = await update(admin, [{ id: 14, type: "hidden" }, { id: 3, type: "common" }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual([(await item(14))?.type, (await item(14))?.is_hidden, (await item(14))?.is_internal], ["hidden", true, false]);
});
