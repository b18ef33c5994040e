// structure_level.create/update/delete over HTTP on the example data (meeting 1 has structure
// levels 1-3, one per meeting user; the delegate "a" lacks user.can_manage).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;

test("structure_level.create: required and all fields, both sides of the meeting relation", async () => {
  const required = await suite.run(suite.admin, "structure_level.create", { name: "test", meeting_id: 1 });
  assert.equal(required.status, 200, JSON.stringify(required.body));
  const id = required.body.results[0][0].id as number;
  assert.deepEqual(await get(`structure_level/${id}`, ["name", "meeting_id", "color", "default_time"]), { id, name: "test", meeting_id: 1 });
  assert.deepEqual((await get("meeting/1", ["structure_level_ids"])).structure_level_ids, [1, 2, 3, id]);

  const all = await suite.run(suite.admin, "structure_level.create", { name: "full", meeting_id: 1, color: "#abf257", default_time: 600 });
  assert.equal(all.status, 200, JSON.stringify(all.body));
  const fullId = all.body.results[0][0].id as number;
  assert.deepEqual(await get(`structure_level/${fullId}`, ["name", "meeting_id", "color", "default_time"]), {
    id: fullId,
    name: "full",
    meeting_id: 1,
    color: "#abf257",
    default_time: 600,
  });
});

test("structure_level.create: the name is unique per meeting", async () => {
  const duplicate = await suite.run(suite.admin, "structure_level.create", { name: "Test structure level", meeting_id: 1 });
  assert.equal(duplicate.status, 400);
  assert.match(
    duplicate.body.message,
    /^structure_level\/\d+: duplicate key value violates unique constraint "unique_structure_level_meeting_id_name"\nDETAIL: {2}Key \(meeting_id, name\)=\(1, Test structure level\) already exists\.$/,
  );
  const named = await suite.server.db.filter("structure_level", { field: "name", operator: "=", value: "Test structure level" }, ["id"]);
  assert.deepEqual([...named.keys()], [1]);
});

test("structure_level.update: all fields; a duplicate name is refused", async () => {
  const answer = await suite.run(suite.admin, "structure_level.update", { id: 3, name: "test2", color: "#abf257", default_time: 300 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get("structure_level/3", ["name", "meeting_id", "color", "default_time"]), {
    id: 3,
    name: "test2",
    meeting_id: 1,
    color: "#abf257",
    default_time: 300,
  });
  const duplicate = await suite.run(suite.admin, "structure_level.update", { id: 3, name: "Test structure level a" });
  assert.equal(duplicate.status, 400);
  assert.equal(
    duplicate.body.message,
    'structure_level/3: duplicate key value violates unique constraint "unique_structure_level_meeting_id_name"\nDETAIL:  Key (meeting_id, name)=(1, Test structure level a) already exists.',
  );
  assert.equal((await get("structure_level/3", ["name"])).name, "test2");
});

test("structure_level: bad payloads", async () => {
  const empty = await suite.run(suite.admin, "structure_level.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action structure_level.create: data must contain ['meeting_id', 'name'] properties");
  const time = await suite.run(suite.admin, "structure_level.create", { name: "neg", meeting_id: 1, default_time: -1 });
  assert.equal(time.status, 400);
  const color = await suite.run(suite.admin, "structure_level.update", { id: 1, color: "red" });
  assert.equal(color.status, 400);
  assert.equal((await get("structure_level/1", ["color"])).color, "#000000");
  const neg = await suite.server.db.filter("structure_level", { field: "name", operator: "=", value: "neg" }, ["id"]);
  assert.equal(neg.size, 0);
});

test("structure_level: denied without user.can_manage", async () => {
  for (const [action, data] of [
    ["structure_level.create", { name: "mine", meeting_id: 1 }],
    ["structure_level.update", { id: 2, name: "mine" }],
    ["structure_level.delete", { id: 2 }],
  ] as const) {
    const denied = await suite.run(suite.delegate, action, data);
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: user.can_manage`);
  }
  assert.equal(await exists("structure_level/2"), true);
});

test("structure_level.delete: meeting users lose it", async () => {
  const answer = await suite.run(suite.admin, "structure_level.delete", { id: 2 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists("structure_level/2"), false);
  assert.equal((await get("meeting_user/2", ["structure_level_ids"])).structure_level_ids, undefined);
  assert.ok(!((await get("meeting/1", ["structure_level_ids"])).structure_level_ids as number[]).includes(2));
});
