// group.delete over HTTP on the example data (meeting 1: groups 1 Default, 2 Admin (user 1),
// 3 Staff, 4 Committees, 5 Delegates (users 2, 3)), plus mediafile trees built per test with the
// upstream test cases' access groups (groups 24 and 113).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { WriteEvent } from "../../src/db/types.js";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const write = (events: WriteEvent[]) => suite.server.db.transaction((tx) => tx.write(events));
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);

/** Mediafiles (id -> parent) each with the meeting mediafile of the same id in meeting 1, then groups 24 and 113. */
async function setUpMediafiles(parents: Record<number, number | null>, access: Record<24 | 113, { access: number[]; inherited: number[] }>): Promise<void> {
  const ids = Object.keys(parents).map(Number);
  await write([
    ...ids.map((id): WriteEvent => ({
      type: "create",
      fqid: `mediafile/${id}`,
      fields: { title: `file ${id}`, is_directory: Object.values(parents).includes(id), owner_id: "meeting/1", ...(parents[id] ? { parent_id: parents[id] } : {}) },
    })),
    ...ids.map((id): WriteEvent => ({ type: "create", fqid: `meeting_mediafile/${id}`, fields: { meeting_id: 1, mediafile_id: id, is_public: false } })),
    ...([24, 113] as const).map((id): WriteEvent => ({
      type: "create",
      fqid: `group/${id}`,
      fields: {
        name: `group${id}`,
        meeting_id: 1,
        meeting_mediafile_access_group_ids: access[id].access,
        meeting_mediafile_inherited_access_group_ids: access[id].inherited,
      },
    })),
  ]);
}

async function removeMediafiles(ids: number[]): Promise<void> {
  await write([...ids.map((id): WriteEvent => ({ type: "delete", fqid: `meeting_mediafile/${id}` })), ...ids.map((id): WriteEvent => ({ type: "delete", fqid: `mediafile/${id}` }))]);
}

const access = async (id: number) => {
  const model = await get(`meeting_mediafile/${id}`, ["is_public", "access_group_ids", "inherited_access_group_ids"]);
  return { is_public: model?.is_public, access_group_ids: model?.access_group_ids, inherited_access_group_ids: model?.inherited_access_group_ids };
};

test("delete: a group without members leaves the meeting and its relations", async () => {
  const answer = await run(suite.admin, "group.delete", { id: 4 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[null]]);
  assert.equal(await get("group/4", ["id"]), undefined);
  assert.deepEqual((await get("meeting/1", ["group_ids"]))?.group_ids, [1, 2, 3, 5]);
});

test("delete: members, default / admin / anonymous group, unknown id", async () => {
  const withUsers = await run(suite.admin, "group.delete", { id: 5 });
  assert.equal(withUsers.status, 400);
  assert.equal(withUsers.body.message, "You cannot delete a group with users.");
  const defaultGroup = await run(suite.admin, "group.delete", { id: 1 });
  assert.equal(defaultGroup.status, 400);
  assert.equal(defaultGroup.body.message, "You can not delete group/1 because you have to delete the following related models first: ['meeting/1']");
  await write([{ type: "create", fqid: "group/30", fields: { name: "Public", meeting_id: 1 } }]);
  await write([{ type: "update", fqid: "meeting/1", fields: { anonymous_group_id: 30 } }]);
  const anonymous = await run(suite.admin, "group.delete", { id: 30 });
  assert.equal(anonymous.status, 400);
  assert.equal(anonymous.body.message, "You can not delete group/30 because you have to delete the following related models first: ['meeting/1']");
  await write([{ type: "update", fqid: "meeting/1", fields: { anonymous_group_id: null } }]);
  await write([{ type: "update", fqid: "meeting/1", fields: { admin_group_id: 30 } }]);
  const admin = await run(suite.admin, "group.delete", { id: 30 });
  assert.equal(admin.status, 400);
  assert.equal(admin.body.message, "You can not delete group/30 because you have to delete the following related models first: ['meeting/1']");
  await write([{ type: "update", fqid: "meeting/1", fields: { admin_group_id: 2 } }]);
  assert.equal((await run(suite.admin, "group.delete", { id: 30 })).status, 200);
  const unknown = await run(suite.admin, "group.delete", { id: 112 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'group/112' does not exist.");
  for (const id of [1, 2, 3, 5]) assert.ok(await get(`group/${id}`, ["id"]), `group ${id} still there`);
  assert.deepEqual((await get("group/5", ["meeting_user_ids"]))?.meeting_user_ids, [2, 3]);
});

test("denied without user.can_manage; bad payloads", async () => {
  const denied = await run(suite.delegate, "group.delete", { id: 3 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action group.delete. Missing Permission: user.can_manage");
  for (const data of [{}, { id: "3" }, { id: 3, name: "x" }, { id: 0 }]) {
    assert.equal((await run(suite.admin, "group.delete", data)).status, 400, JSON.stringify(data));
  }
  assert.ok(await get("group/3", ["id"]));
});

test("delete with mediafiles: two files, the remaining group keeps its access, the other file gets public", async () => {
  await setUpMediafiles({ 11: null, 13: null }, { 24: { access: [11, 13], inherited: [11, 13] }, 113: { access: [11], inherited: [11] } });
  const answer = await run(suite.admin, "group.delete", { id: 24 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await get("group/24", ["id"]), undefined);
  assert.deepEqual(await get("group/113", ["meeting_mediafile_access_group_ids", "meeting_mediafile_inherited_access_group_ids"]), {
    id: 113,
    meeting_mediafile_access_group_ids: [11],
    meeting_mediafile_inherited_access_group_ids: [11],
  });
  assert.deepEqual(await access(11), { is_public: false, access_group_ids: [113], inherited_access_group_ids: [113] });
  assert.deepEqual(await access(13), { is_public: true, access_group_ids: undefined, inherited_access_group_ids: undefined });
  await write([{ type: "delete", fqid: "group/113" }]);
  await removeMediafiles([11, 13]);
});

test("delete with mediafiles: a directory tree is recalculated from its root; other groups gain inherited access", async () => {
  // 21 (dir) > 22 (dir) > 23, 24
  await setUpMediafiles({ 21: null, 22: 21, 23: 22, 24: 22 }, { 24: { access: [21, 24], inherited: [21, 22, 23, 24] }, 113: { access: [24], inherited: [] } });
  const answer = await run(suite.admin, "group.delete", { id: 24 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get("group/113", ["meeting_mediafile_access_group_ids", "meeting_mediafile_inherited_access_group_ids"]), {
    id: 113,
    meeting_mediafile_access_group_ids: [24],
    meeting_mediafile_inherited_access_group_ids: [24],
  });
  for (const id of [21, 22, 23]) assert.deepEqual(await access(id), { is_public: true, access_group_ids: undefined, inherited_access_group_ids: undefined }, `${id}`);
  assert.deepEqual(await access(24), { is_public: false, access_group_ids: [113], inherited_access_group_ids: [113] });
  await write([{ type: "delete", fqid: "group/113" }]);
  await removeMediafiles([24, 23, 22, 21]);
});

test("delete with mediafiles: both groups in one request leave everything public", async () => {
  await setUpMediafiles({ 31: null, 32: 31 }, { 24: { access: [31, 32], inherited: [31, 32] }, 113: { access: [32], inherited: [] } });
  const answer = await suite.admin.request("group.delete", [{ id: 24 }, { id: 113 }]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await get("group/24", ["id"]), undefined);
  assert.equal(await get("group/113", ["id"]), undefined);
  assert.deepEqual(await get("mediafile/31", ["is_directory"]), { id: 31, is_directory: true });
  assert.deepEqual(await access(31), { is_public: true, access_group_ids: undefined, inherited_access_group_ids: undefined });
  assert.deepEqual(await access(32), { is_public: true, access_group_ids: undefined, inherited_access_group_ids: undefined });
  await removeMediafiles([32, 31]);
});

test("delete with mediafiles: the example meeting's logo directory keeps the Admin group when Staff goes", async () => {
  const answer = await run(suite.admin, "group.delete", { id: 3 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await access(1), { is_public: false, access_group_ids: [2], inherited_access_group_ids: [2] });
  assert.deepEqual(await get("group/2", ["meeting_mediafile_inherited_access_group_ids"]), { id: 2, meeting_mediafile_inherited_access_group_ids: [1] });
});
