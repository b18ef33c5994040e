// point_of_order_category.create/update/delete over HTTP on the example data (meeting 1 has no
// categories yet; the delegate "a" lacks meeting.can_manage_settings).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;

test("point_of_order_category: create, update and delete with the meeting's side", async () => {
  const created = await suite.run(suite.admin, "point_of_order_category.create", { text: "blablabla", rank: 11, meeting_id: 1 });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id as number;
  assert.deepEqual(await get(`point_of_order_category/${id}`, ["text", "rank", "meeting_id"]), { id, text: "blablabla", rank: 11, meeting_id: 1 });
  assert.deepEqual((await get("meeting/1", ["point_of_order_category_ids"])).point_of_order_category_ids, [id]);

  const updated = await suite.run(suite.admin, "point_of_order_category.update", { id, text: "foo", rank: 12 });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.deepEqual(await get(`point_of_order_category/${id}`, ["text", "rank"]), { id, text: "foo", rank: 12 });

  // A point-of-order speaker with the category loses it on delete.
  await suite.server.db.transaction((tx) =>
    tx.write([{ type: "update", fqid: "speaker/1", fields: { point_of_order: true, point_of_order_category_id: id } }]),
  );
  const deleted = await suite.run(suite.admin, "point_of_order_category.delete", { id });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await exists(`point_of_order_category/${id}`), false);
  assert.equal((await get("meeting/1", ["point_of_order_category_ids"])).point_of_order_category_ids, undefined);
  assert.equal((await get("speaker/1", ["point_of_order_category_id"])).point_of_order_category_id, undefined);
});

test("point_of_order_category: denied without meeting.can_manage_settings", async () => {
  const created = await suite.run(suite.admin, "point_of_order_category.create", { text: "keep", rank: 1, meeting_id: 1 });
  const id = created.body.results[0][0].id as number;
  for (const [action, data] of [
    ["point_of_order_category.create", { text: "x", rank: 2, meeting_id: 1 }],
    ["point_of_order_category.update", { id, text: "x" }],
    ["point_of_order_category.delete", { id }],
  ] as const) {
    const denied = await suite.run(suite.delegate, action, data);
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: meeting.can_manage_settings`);
  }
  assert.deepEqual(await get(`point_of_order_category/${id}`, ["text"]), { id, text: "keep" });
});

test("point_of_order_category: bad payloads", async () => {
  const missing = await suite.run(suite.admin, "point_of_order_category.create", { text: "x", meeting_id: 1 });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Action point_of_order_category.create: data must contain ['rank'] properties");
  const rank = await suite.run(suite.admin, "point_of_order_category.create", { text: "x", rank: "high", meeting_id: 1 });
  assert.equal(rank.status, 400);
  const wrong = await suite.run(suite.admin, "point_of_order_category.update", { id: 1, meeting_id: 1 });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Action point_of_order_category.update: data must not contain {'meeting_id'} properties");
  const unknown = await suite.run(suite.admin, "point_of_order_category.delete", { id: 4242 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'point_of_order_category/4242' does not exist.");
  const all = await suite.server.db.filter("point_of_order_category", { field: "text", operator: "=", value: "x" }, ["id"]);
  assert.equal(all.size, 0);
});
