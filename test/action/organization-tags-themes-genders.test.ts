// organization_tag.*, theme.* and gender.* over HTTP on the example data (organization 1 with
// tag 1, themes 1-3 with theme 1 current, genders 1-4 the default selection; user "a" has no
// organization management level).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const setOml = (userId: number, level: string | null) =>
  suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: `user/${userId}`, fields: { organization_management_level: level } }]));

test("organization_tag.create/update/delete: both sides of organization_tag_ids", async () => {
  const created = await run(suite.admin, "organization_tag.create", { name: "Budget", color: "#ff0000", organization_id: 1 });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id as number;
  assert.deepEqual(await suite.server.db.get(`organization_tag/${id}`, ["name", "color", "organization_id"]), { id, name: "Budget", color: "#ff0000", organization_id: 1 });
  assert.deepEqual((await suite.server.db.get("organization/1", ["organization_tag_ids"]))?.organization_tag_ids, [1, id]);

  const updated = await run(suite.admin, "organization_tag.update", { id, name: "Money", color: "#00ff00" });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.deepEqual(await suite.server.db.get(`organization_tag/${id}`, ["name", "color"]), { id, name: "Money", color: "#00ff00" });

  const deleted = await run(suite.admin, "organization_tag.delete", { id });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await suite.server.db.get(`organization_tag/${id}`, ["id"]), undefined);
  assert.deepEqual((await suite.server.db.get("organization/1", ["organization_tag_ids"]))?.organization_tag_ids, [1]);
});

test("organization_tag.delete: tagged committee and meeting lose the tag", async () => {
  const created = await run(suite.admin, "organization_tag.create", { name: "Tmp", color: "#123456", organization_id: 1 });
  const id = created.body.results[0][0].id as number;
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "update", fqid: `organization_tag/${id}`, fields: { tagged_ids: ["committee/1", "meeting/1"] } },
      { type: "update", fqid: "committee/1", fields: { organization_tag_ids: [1, id] } },
      { type: "update", fqid: "meeting/1", fields: { organization_tag_ids: [1, id] } },
    ]),
  );
  const deleted = await run(suite.admin, "organization_tag.delete", { id });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.deepEqual((await suite.server.db.get("committee/1", ["organization_tag_ids"]))?.organization_tag_ids, [1]);
  assert.deepEqual((await suite.server.db.get("meeting/1", ["organization_tag_ids"]))?.organization_tag_ids, [1]);
});

test("organization_tag: denied without can_manage_organization, allowed with it; bad payloads", async () => {
  const denied = await run(suite.delegate, "organization_tag.create", { name: "x", color: "#000000", organization_id: 1 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action organization_tag.create. Missing OrganizationManagementLevel: can_manage_organization");
  for (const [action, data] of [["organization_tag.update", { id: 1, name: "x" }], ["organization_tag.delete", { id: 1 }]] as const) {
    const answer = await run(suite.delegate, action, data);
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, `You are not allowed to perform action ${action}. Missing OrganizationManagementLevel: can_manage_organization`);
  }
  await setOml(2, "can_manage_organization");
  const allowed = await run(suite.delegate, "organization_tag.update", { id: 1, color: "#222222" });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
  await setOml(2, null);

  const empty = await run(suite.admin, "organization_tag.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action organization_tag.create: data must contain ['color', 'name', 'organization_id'] properties");
  const badColor = await run(suite.admin, "organization_tag.create", { name: "x", color: "red", organization_id: 1 });
  assert.equal(badColor.status, 400);
  assert.deepEqual((await suite.server.db.get("organization/1", ["organization_tag_ids"]))?.organization_tag_ids, [1]);
});

test("theme.create/update/delete: organization 1, optional colors; the current theme cannot go", async () => {
  const created = await run(suite.admin, "theme.create", { name: "Night", primary_500: "#111111", accent_500: "#222222", warn_500: "#333333", primary_a700: "#444444", headbar: "#555555", yes: "#00aa00" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id as number;
  assert.deepEqual(await suite.server.db.get(`theme/${id}`, ["name", "primary_500", "accent_500", "warn_500", "primary_a700", "headbar", "yes", "organization_id"]), {
    id, name: "Night", primary_500: "#111111", accent_500: "#222222", warn_500: "#333333", primary_a700: "#444444", headbar: "#555555", yes: "#00aa00", organization_id: 1,
  });
  assert.deepEqual((await suite.server.db.get("organization/1", ["theme_ids"]))?.theme_ids, [1, 2, 3, id]);

  const updated = await run(suite.admin, "theme.update", { id, name: "Day", warn_900: "#999999", abstain: "#777777" });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.deepEqual(await suite.server.db.get(`theme/${id}`, ["name", "warn_900", "abstain"]), { id, name: "Day", warn_900: "#999999", abstain: "#777777" });

  const deleted = await run(suite.admin, "theme.delete", { id });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await suite.server.db.get(`theme/${id}`, ["id"]), undefined);
  assert.deepEqual((await suite.server.db.get("organization/1", ["theme_ids"]))?.theme_ids, [1, 2, 3]);

  const current = await run(suite.admin, "theme.delete", { id: 1 });
  assert.equal(current.status, 400);
  assert.equal(current.body.message, "Update of organization/1: You try to set following required fields to an empty value: ['theme_id']");
  assert.ok(await suite.server.db.get("theme/1", ["id"]));
});

test("theme: denied for can_manage_users, bad payloads", async () => {
  await setOml(2, "can_manage_users");
  const denied = await run(suite.delegate, "theme.create", { name: "x", primary_500: "#111111", accent_500: "#222222", warn_500: "#333333" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action theme.create. Missing OrganizationManagementLevel: can_manage_organization");
  const deniedDelete = await run(suite.delegate, "theme.delete", { id: 2 });
  assert.equal(deniedDelete.status, 403);
  await setOml(2, null);
  const empty = await run(suite.admin, "theme.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action theme.create: data must contain ['accent_500', 'name', 'primary_500', 'warn_500'] properties");
  const unknown = await run(suite.admin, "theme.update", { id: 2, organization_id: 1 });
  assert.equal(unknown.status, 400);
  assert.deepEqual((await suite.server.db.get("organization/1", ["theme_ids"]))?.theme_ids, [1, 2, 3]);
});

test("gender.create/update/delete: organization 1, users lose a deleted gender", async () => {
  const created = await run(suite.admin, "gender.create", { name: "dragon" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.results[0][0].id as number;
  assert.deepEqual(await suite.server.db.get(`gender/${id}`, ["name", "organization_id"]), { id, name: "dragon", organization_id: 1 });
  assert.deepEqual((await suite.server.db.get("organization/1", ["gender_ids"]))?.gender_ids, [1, 2, 3, 4, id]);

  const duplicate = await run(suite.admin, "gender.create", { name: "dragon" });
  assert.equal(duplicate.status, 400);
  assert.match(duplicate.body.message, /Gender with name 'dragon' already exists\./);

  const updated = await run(suite.admin, "gender.update", { id, name: "phoenix" });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.equal((await suite.server.db.get(`gender/${id}`, ["name"]))?.name, "phoenix");

  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "update", fqid: "user/3", fields: { gender_id: id } },
      { type: "update", fqid: `gender/${id}`, fields: { user_ids: [3] } },
      { type: "update", fqid: "gender/3", fields: { user_ids: [] } },
    ]),
  );
  const deleted = await run(suite.admin, "gender.delete", { id });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await suite.server.db.get(`gender/${id}`, ["id"]), undefined);
  assert.equal((await suite.server.db.get("user/3", ["gender_id"]))?.gender_id, undefined);
  assert.deepEqual((await suite.server.db.get("organization/1", ["gender_ids"]))?.gender_ids, [1, 2, 3, 4]);
});

test("gender: the default genders 1-4 stay; permissions; bad payloads", async () => {
  const update = await run(suite.admin, "gender.update", { id: 2, name: "so wrong to change this gender" });
  assert.equal(update.status, 400);
  assert.equal(update.body.message, "Cannot delete or update gender 'female' from default selection.");
  const remove = await run(suite.admin, "gender.delete", { id: 1 });
  assert.equal(remove.status, 400);
  assert.equal(remove.body.message, "Cannot delete or update gender 'male' from default selection.");
  assert.equal((await suite.server.db.get("gender/1", ["name"]))?.name, "male");

  const denied = await run(suite.delegate, "gender.create", { name: "x" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action gender.create. Missing OrganizationManagementLevel: can_manage_users");
  const deniedDefault = await run(suite.delegate, "gender.delete", { id: 1 });
  assert.equal(deniedDefault.status, 403);
  assert.equal(deniedDefault.body.message, "You are not allowed to perform action gender.delete. Missing OrganizationManagementLevel: can_manage_users");
  await setOml(2, "can_manage_users");
  const allowed = await run(suite.delegate, "gender.create", { name: "griffin" });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
  await setOml(2, null);

  const empty = await run(suite.admin, "gender.create", { name: "" });
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action gender.create: data.name must be longer than or equal to 1 characters");
  const noName = await run(suite.admin, "gender.update", {});
  assert.equal(noName.status, 400);
  assert.equal(noName.body.message, "Action gender.update: data must contain ['id', 'name'] properties");
  const extra = await run(suite.admin, "gender.update", { id: 5, name: "yyyy", Mercedes: "xxxxx" });
  assert.equal(extra.status, 400);
  assert.equal(extra.body.message, "Action gender.update: data must not contain {'Mercedes'} properties");
  const missing = await run(suite.admin, "gender.update", { id: 200, name: "xxxxx" });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'gender/200' does not exist.");
});
