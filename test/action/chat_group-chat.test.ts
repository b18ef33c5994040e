// chat_group.* and chat_message.* over HTTP on the example data (meeting 1, chat groups 1
// "General" and 2 "Support"; organization has the chat enabled; the delegate "a" is meeting_user 2
// in group 5, which may write in both groups; only the superadmin may manage chats).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword } from "../../src/auth/passwords.js";
import { loggedInClient, useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));

test("chat_group.create: weight last, both sides of meeting and group relations", async () => {
  const answer = await run(suite.admin, "chat_group.create", { meeting_id: 1, name: "Board", read_group_ids: [3, 4], write_group_ids: [3] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  assert.deepEqual(await get(`chat_group/${id}`, ["name", "weight", "meeting_id", "read_group_ids", "write_group_ids"]), {
    id, name: "Board", weight: 3, meeting_id: 1, read_group_ids: [3, 4], write_group_ids: [3],
  });
  assert.ok(((await get("meeting/1", ["chat_group_ids"]))?.chat_group_ids as number[]).includes(id));
  assert.deepEqual((await get("group/3", ["read_chat_group_ids", "write_chat_group_ids"])), { id: 3, read_chat_group_ids: [id], write_chat_group_ids: [id] });
  assert.deepEqual((await get("group/4", ["read_chat_group_ids"]))?.read_chat_group_ids, [id]);
});

test("chat_group.create: unique name per meeting, groups of the meeting, anonymous may read but not write", async () => {
  const duplicate = await run(suite.admin, "chat_group.create", { meeting_id: 1, name: "General" });
  assert.equal(duplicate.status, 400);
  assert.match(duplicate.body.message, /duplicate key value violates unique constraint|already exists/);
  const created = await run(suite.admin, "group.create", { meeting_id: 1, name: "Public" });
  const anonymous = created.body.results[0][0].id as number;
  await write("meeting/1", { anonymous_group_id: anonymous });
  const reading = await run(suite.admin, "chat_group.create", { meeting_id: 1, name: "Open", read_group_ids: [anonymous] });
  assert.equal(reading.status, 200, JSON.stringify(reading.body));
  const writing = await run(suite.admin, "chat_group.create", { meeting_id: 1, name: "Open write", write_group_ids: [anonymous] });
  assert.equal(writing.status, 400);
  assert.equal(writing.body.message, "Anonymous group is not allowed in write_group_ids.");
  const update = await run(suite.admin, "chat_group.update", { id: 1, write_group_ids: [1, anonymous] });
  assert.equal(update.status, 400);
  assert.equal(update.body.message, "Anonymous group is not allowed in write_group_ids.");
  await write("meeting/1", { anonymous_group_id: null });
  const bad = await run(suite.admin, "chat_group.create", { meeting_id: 1 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action chat_group.create: data must contain ['name'] properties");
});

test("chat_group.*: denied without chat.can_manage; nothing happens with the chat disabled", async () => {
  for (const [action, data] of [
    ["chat_group.create", { meeting_id: 1, name: "Mine" }],
    ["chat_group.update", { id: 1, name: "Mine" }],
    ["chat_group.delete", { id: 1 }],
    ["chat_group.clear", { id: 1 }],
    ["chat_group.sort", { meeting_id: 1, chat_group_ids: [2, 1] }],
  ] as const) {
    const denied = await run(suite.delegate, action, data);
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: chat.can_manage`);
  }
  await write("organization/1", { enable_chat: false });
  try {
    for (const [action, data] of [
      ["chat_group.create", { meeting_id: 1, name: "Mine" }],
      ["chat_group.update", { id: 1, name: "Mine" }],
      ["chat_group.delete", { id: 1 }],
      ["chat_group.sort", { meeting_id: 1, chat_group_ids: ((await get("meeting/1", ["chat_group_ids"]))?.chat_group_ids as number[]) }],
    ] as const) {
      const disabled = await run(suite.admin, action, data);
      assert.equal(disabled.status, 400, action);
      assert.equal(disabled.body.message, "Chat is not enabled.");
    }
    assert.equal((await get("chat_group/1", ["name"]))?.name, "General");
  } finally {
    await write("organization/1", { enable_chat: true });
  }
});

test("chat_group.update and sort", async () => {
  const updated = await run(suite.admin, "chat_group.update", { id: 2, name: "Help", read_group_ids: [2], write_group_ids: [] });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.deepEqual(await get("chat_group/2", ["name", "read_group_ids", "write_group_ids"]), { id: 2, name: "Help", read_group_ids: [2] });
  assert.ok(!((await get("group/5", ["write_chat_group_ids"]))?.write_chat_group_ids as number[]).includes(2));
  const all = (await get("meeting/1", ["chat_group_ids"]))?.chat_group_ids as number[];
  const order = [...all].reverse();
  const sorted = await run(suite.admin, "chat_group.sort", { meeting_id: 1, chat_group_ids: order });
  assert.equal(sorted.status, 200, JSON.stringify(sorted.body));
  for (const [index, id] of order.entries()) assert.equal((await get(`chat_group/${id}`, ["weight"]))?.weight, index + 1);
  const missing = await run(suite.admin, "chat_group.sort", { meeting_id: 1, chat_group_ids: [1] });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "chat_group sorting failed, because some elements were not included in the call.");
  const unknown = await run(suite.admin, "chat_group.sort", { meeting_id: 1, chat_group_ids: [...order, 999] });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "chat_group sorting failed, because element chat_group/999 doesn't exist.");
  const twice = await suite.admin.post("/system/action/handle_request", [{ action: "chat_group.sort", data: [{ meeting_id: 1, chat_group_ids: order }, { meeting_id: 1, chat_group_ids: order }] }]);
  assert.equal(twice.status, 400);
});

test("chat_message.create: author, created, meeting from the group; write groups or chat managers only", async () => {
  const answer = await run(suite.delegate, "chat_message.create", { chat_group_id: 1, content: "Hello" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  const message = await get(`chat_message/${id}`, ["content", "meeting_user_id", "chat_group_id", "meeting_id", "created"]);
  assert.equal(message?.content, "Hello");
  assert.equal(message?.meeting_user_id, 2);
  assert.equal(message?.chat_group_id, 1);
  assert.equal(message?.meeting_id, 1);
  assert.ok(message?.created !== undefined && message?.created !== null);
  assert.ok(((await get("chat_group/1", ["chat_message_ids"]))?.chat_message_ids as number[]).includes(id));
  assert.ok(((await get("meeting_user/2", ["chat_message_ids"]))?.chat_message_ids as number[]).includes(id));
  assert.ok(((await get("meeting/1", ["chat_message_ids"]))?.chat_message_ids as number[]).includes(id));

  const createdGroup = await run(suite.admin, "chat_group.create", { meeting_id: 1, name: "Admins only", write_group_ids: [2] });
  const closed = createdGroup.body.results[0][0].id as number;
  const denied = await run(suite.delegate, "chat_message.create", { chat_group_id: closed, content: "Hi" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to write in this chat group.");
  // The superadmin may write (chat manager) and is a participant of meeting 1 (meeting_user 1).
  const manager = await run(suite.admin, "chat_message.create", { chat_group_id: closed, content: "From admin" });
  assert.equal(manager.status, 200, JSON.stringify(manager.body));
  const bad = await run(suite.delegate, "chat_message.create", { chat_group_id: 1 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action chat_message.create: data must contain ['content'] properties");
});

test("chat_message.create: a superadmin who is no participant is refused", async () => {
  const password = await hashPassword("sa");
  await suite.server.db.transaction((tx) =>
    tx.write([{ type: "create", fqid: "user/50", fields: { username: "sa", password, organization_management_level: "superadmin", is_active: true, organization_id: 1 } }]),
  );
  const superadmin = await loggedInClient(suite.server.url, "sa", "sa");
  const count = async () => ((await get("chat_group/1", ["chat_message_ids"]))?.chat_message_ids as number[] | undefined)?.length ?? 0;
  const before = await count();
  const answer = await run(superadmin, "chat_message.create", { chat_group_id: 1, content: "Hello" });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, "Cannot create chat message: You are not a participant of the meeting.");
  assert.equal(await count(), before, "nothing written");
});

test("chat_message.update: author only; delete: author or chat manager; chat_group.clear and delete cascade", async () => {
  const mine = (await run(suite.delegate, "chat_message.create", { chat_group_id: 1, content: "mine" })).body.results[0][0].id as number;
  const theirs = (await run(suite.admin, "chat_message.create", { chat_group_id: 1, content: "theirs" })).body.results[0][0].id as number;
  const edit = await run(suite.delegate, "chat_message.update", { id: mine, content: "edited" });
  assert.equal(edit.status, 200, JSON.stringify(edit.body));
  assert.equal((await get(`chat_message/${mine}`, ["content"]))?.content, "edited");
  const foreign = await run(suite.delegate, "chat_message.update", { id: theirs, content: "x" });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.body.message, "You must be creator of a chat message to edit it.");
  const adminEdit = await run(suite.admin, "chat_message.update", { id: mine, content: "x" });
  assert.equal(adminEdit.status, 403);
  const deleteForeign = await run(suite.delegate, "chat_message.delete", { id: theirs });
  assert.equal(deleteForeign.status, 403);
  assert.equal(deleteForeign.body.message, "You are not allowed to perform action chat_message.delete");
  const deleteOwn = await run(suite.delegate, "chat_message.delete", { id: mine });
  assert.equal(deleteOwn.status, 200, JSON.stringify(deleteOwn.body));
  assert.equal(await get(`chat_message/${mine}`, ["id"]), undefined);
  assert.ok(!((await get("meeting_user/2", ["chat_message_ids"]))?.chat_message_ids as number[] | undefined ?? []).includes(mine));
  const deleteByManager = await run(suite.admin, "chat_message.create", { chat_group_id: 1, content: "again" });
  const again = deleteByManager.body.results[0][0].id as number;
  const own = (await run(suite.delegate, "chat_message.create", { chat_group_id: 1, content: "x" })).body.results[0][0].id as number;
  assert.equal((await run(suite.admin, "chat_message.delete", { id: own })).status, 200);

  const before = (await get("chat_group/1", ["chat_message_ids"]))?.chat_message_ids as number[];
  assert.ok(before.includes(again));
  const cleared = await run(suite.admin, "chat_group.clear", { id: 1 });
  assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
  assert.deepEqual((await get("chat_group/1", ["chat_message_ids", "name"])), { id: 1, name: "General" });
  for (const id of before) assert.equal(await get(`chat_message/${id}`, ["id"]), undefined);

  const message = (await run(suite.delegate, "chat_message.create", { chat_group_id: 1, content: "last" })).body.results[0][0].id as number;
  const deleted = await run(suite.admin, "chat_group.delete", { id: 1 });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await get("chat_group/1", ["id"]), undefined);
  assert.equal(await get(`chat_message/${message}`, ["id"]), undefined);
  assert.ok(!((await get("meeting/1", ["chat_group_ids"]))?.chat_group_ids as number[]).includes(1));
});
