// group.create and group.update over HTTP on the example data (meeting 1: groups 1-5, weights
// 1-5; the delegate "a" is in group 5, the Delegates).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);

test("group.create: implied permissions dropped, weight last, both sides of the meeting relation", async () => {
  const answer = await run(suite.admin, "group.create", { meeting_id: 1, name: "Reviewers", permissions: ["motion.can_see", "motion.can_manage", "motion.can_manage"], external_id: "rev" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  const group = await suite.server.db.get(`group/${id}`, ["name", "permissions", "weight", "meeting_id", "external_id"]);
  assert.deepEqual(group, { id, name: "Reviewers", permissions: ["motion.can_manage"], weight: 6, meeting_id: 1, external_id: "rev" });
  assert.ok(((await suite.server.db.get("meeting/1", ["group_ids"]))?.group_ids as number[]).includes(id));
  const weighted = await run(suite.admin, "group.create", { meeting_id: 1, name: "First", weight: 0 });
  assert.equal((await suite.server.db.get(`group/${weighted.body.results[0][0].id}`, ["weight"]))?.weight, 0);
});

test("group.update: name and permissions; locked members may not get user.can_manage", async () => {
  const updated = await run(suite.admin, "group.update", { id: 4, name: "Committee members", permissions: ["agenda_item.can_see", "agenda_item.can_manage"] });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.deepEqual(await suite.server.db.get("group/4", ["name", "permissions"]), { id: 4, name: "Committee members", permissions: ["agenda_item.can_manage"] });
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "meeting_user/3", fields: { locked_out: true } }]));
  const locked = await run(suite.admin, "group.update", { id: 5, permissions: ["user.can_manage"] });
  assert.equal(locked.status, 400);
  assert.equal(locked.body.message, "Cannot give user manage permissions to a group with locked users.");
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "meeting_user/3", fields: { locked_out: false } }]));
});

test("group.update: the anonymous group keeps its name and gets only what anonymous may hold", async () => {
  const created = await run(suite.admin, "group.create", { meeting_id: 1, name: "Public" });
  const id = created.body.results[0][0].id as number;
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "meeting/1", fields: { anonymous_group_id: id } }]));
  const forbidden = await run(suite.admin, "group.update", { id, permissions: ["agenda_item.can_see", "motion.can_manage"] });
  assert.equal(forbidden.status, 400);
  assert.equal(forbidden.body.message, "The following permissions may not be set for the anonymous group: {'motion.can_manage'}");
  const renamed = await run(suite.admin, "group.update", { id, name: "Guests" });
  assert.equal(renamed.status, 400);
  assert.equal(renamed.body.message, "Cannot change name of anonymous group.");
  const allowed = await run(suite.admin, "group.update", { id, permissions: ["agenda_item.can_see"] });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
});

test("denied: a delegate, and the external id for someone who is not admin", async () => {
  const denied = await run(suite.delegate, "group.create", { meeting_id: 1, name: "Mine" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action group.create. Missing Permission: user.can_manage");
  const deniedUpdate = await run(suite.delegate, "group.update", { id: 5, name: "Mine" });
  assert.equal(deniedUpdate.status, 403);
  assert.equal(deniedUpdate.body.message, "You are not allowed to perform action group.update. Missing Permission: user.can_manage");
  const group5 = await suite.server.db.get("group/5", ["permissions"]);
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "group/5", fields: { permissions: [...(group5?.permissions as string[]), "user.can_manage"] } }]));
  const external = await run(suite.delegate, "group.update", { id: 5, external_id: "x" });
  assert.equal(external.status, 403);
  assert.equal(external.body.message, "Missing permission: Not admin of this meeting");
  assert.equal((await suite.server.db.get("group/5", ["external_id", "name"]))?.name, "Delegates");
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "group/5", fields: { permissions: group5?.permissions } }]));
});

test("bad payloads", async () => {
  assert.equal((await run(suite.admin, "group.create", { meeting_id: 1 })).status, 400);
  assert.equal((await run(suite.admin, "group.create", { meeting_id: 1, name: "x", permissions: ["no.such_permission"] })).status, 400);
  assert.equal((await run(suite.admin, "group.create", { meeting_id: 4242, name: "x" })).status, 400);
  assert.equal((await run(suite.admin, "group.update", { id: 1, user_ids: [1] })).status, 400);
  assert.equal((await run(suite.admin, "group.update", { id: 4242, name: "x" })).status, 400);
});
