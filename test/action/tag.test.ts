// tag.create/update/delete over HTTP on the example data (meeting 1 has tags 1-3; tag 2 tags
// assignment/2 and agenda_item/4; the delegate "a" lacks tag.can_manage).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;

test("tag.create: stored with both sides of the meeting relation", async () => {
  const answer = await suite.run(suite.admin, "tag.create", { name: "test_Xcdfgee", meeting_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  assert.deepEqual(answer.body.results[0][0], { id });
  assert.deepEqual(await get(`tag/${id}`, ["name", "meeting_id", "tagged_ids"]), { id, name: "test_Xcdfgee", meeting_id: 1 });
  assert.ok(((await get("meeting/1", ["tag_ids"])).tag_ids as number[]).includes(id));
});

test("tag.create: bad payloads write nothing", async () => {
  const empty = await suite.run(suite.admin, "tag.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action tag.create: data must contain ['meeting_id', 'name'] properties");
  const wrong = await suite.run(suite.admin, "tag.create", { name: "x", meeting_id: 1, wrong_field: "text_AefohteiF8" });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Action tag.create: data must not contain {'wrong_field'} properties");
  const meeting = await suite.run(suite.admin, "tag.create", { name: "x", meeting_id: 4242 });
  assert.equal(meeting.status, 400);
  const names = [...(await suite.server.db.filter("tag", { field: "meeting_id", operator: "=", value: 1 }, ["name"])).values()].map((tag) => tag.name);
  assert.ok(!names.includes("x"));
});

test("tag.update: renames; unknown id is refused", async () => {
  const answer = await suite.run(suite.admin, "tag.update", { id: 1, name: "name_Xcdfgee" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[null]]);
  assert.deepEqual(await get("tag/1", ["name"]), { id: 1, name: "name_Xcdfgee" });
  const unknown = await suite.run(suite.admin, "tag.update", { id: 4242, name: "y" });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'tag/4242' does not exist.");
  const tagged = await suite.run(suite.admin, "tag.update", { id: 1, tagged_ids: ["motion/1"] });
  assert.equal(tagged.status, 400);
  assert.equal(tagged.body.message, "Action tag.update: data must not contain {'tagged_ids'} properties");
});

test("tag.delete: tagged models lose the tag; unknown id is refused", async () => {
  const answer = await suite.run(suite.admin, "tag.delete", { id: 2 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists("tag/2"), false);
  assert.deepEqual(await get("agenda_item/4", ["tag_ids"]), { id: 4 });
  assert.equal((await get("assignment/2", ["tag_ids"])).tag_ids, undefined);
  assert.ok(!((await get("meeting/1", ["tag_ids"])).tag_ids as number[]).includes(2));
  const unknown = await suite.run(suite.admin, "tag.delete", { id: 4242 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'tag/4242' does not exist.");
});

test("tag: a delegate without tag.can_manage is denied", async () => {
  for (const [action, data] of [
    ["tag.create", { name: "mine", meeting_id: 1 }],
    ["tag.update", { id: 3, name: "mine" }],
    ["tag.delete", { id: 3 }],
  ] as const) {
    const denied = await suite.run(suite.delegate, action, data);
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: tag.can_manage`);
  }
  assert.deepEqual(await get("tag/3", ["name"]), { id: 3, name: "Tag3" });
});
