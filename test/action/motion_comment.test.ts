// motion_comment.create/update/delete over HTTP on the example data. Meeting 1: section 1 with
// write groups 3 (Staff) and 5 (Delegates) holds comment 1 on motion 1; the delegate "a" (user 2,
// meeting_user 2, group 5) has motion.can_see (implied by motion.can_create) and submits no
// motion; the admin group is 2; committee 1 holds the meeting.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const exists = async (fqid: string) => (await suite.server.db.get(fqid, ["id"])) !== undefined;

async function lastHistory(fqid: string): Promise<Record<string, unknown> | undefined> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries", "model_id", "meeting_id"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!) : undefined;
}

let staffSection = 0;

test("create: a write group member comments; meeting from the motion; both sides; history", async () => {
  const answer = await suite.run(suite.delegate, "motion_comment.create", { comment: "<p>test_Xcdfgee</p>", motion_id: 2, section_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  assert.deepEqual(answer.body.results[0][0], { id });
  assert.deepEqual(await get(`motion_comment/${id}`, ["comment", "motion_id", "section_id", "meeting_id"]), {
    id,
    comment: "<p>test_Xcdfgee</p>",
    motion_id: 2,
    section_id: 1,
    meeting_id: 1,
  });
  assert.deepEqual((await get("motion/2", ["comment_ids"])).comment_ids, [id]);
  assert.deepEqual((await get("motion_comment_section/1", ["comment_ids"])).comment_ids, [1, id]);
  assert.ok(((await get("meeting/1", ["motion_comment_ids"])).motion_comment_ids as number[]).includes(id));
  const history = await lastHistory("motion/2");
  assert.deepEqual(history?.entries, ["Comment {} created", "motion_comment_section/1"]);
  assert.equal(history?.model_id, "motion/2");
});

test("create: one comment per motion and section", async () => {
  const answer = await suite.run(suite.admin, "motion_comment.create", { comment: "again", motion_id: 2, section_id: 1 });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, "There already exists a comment for this section, please update it instead.");
  assert.equal(((await get("motion/2", ["comment_ids"])).comment_ids as number[]).length, 1);
  const twice = await suite.admin.request("motion_comment.create", [
    { comment: "one", motion_id: 3, section_id: 1 },
    { comment: "two", motion_id: 3, section_id: 1 },
  ]);
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, "There already exists a comment for this section, please update it instead.");
  assert.equal((await get("motion/3", ["comment_ids"])).comment_ids, undefined);
});

test("create: bad payloads write nothing", async () => {
  const empty = await suite.run(suite.admin, "motion_comment.create", {});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action motion_comment.create: data must contain ['comment', 'motion_id', 'section_id'] properties");
  const wrong = await suite.run(suite.admin, "motion_comment.create", { comment: "x", motion_id: 3, section_id: 1, wrong_field: "text_AefohteiF8" });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Action motion_comment.create: data must not contain {'wrong_field'} properties");
  const motion = await suite.run(suite.admin, "motion_comment.create", { comment: "x", motion_id: 4242, section_id: 1 });
  assert.equal(motion.status, 400);
  assert.equal(motion.body.message, "Model 'motion/4242' does not exist.");
  assert.equal((await get("motion/3", ["comment_ids"])).comment_ids, undefined);
});

test("write access: not in a write group (403), submitter_can_write for submitters, admin group, committee manager", async () => {
  const created = await suite.run(suite.admin, "motion_comment_section.create", { name: "Staff only", meeting_id: 1, write_group_ids: [3] });
  staffSection = created.body.results[0][0].id as number;

  const denied = await suite.run(suite.delegate, "motion_comment.create", { comment: "x", motion_id: 1, section_id: staffSection });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.body.message,
    "You are not allowed to perform action motion_comment.create. You are not in the write group of the section or in admin group.",
  );

  await write(`motion_comment_section/${staffSection}`, { submitter_can_write: true });
  const notSubmitter = await suite.run(suite.delegate, "motion_comment.create", { comment: "x", motion_id: 1, section_id: staffSection });
  assert.equal(notSubmitter.status, 403);
  assert.equal(
    notSubmitter.body.message,
    "You are not allowed to perform action motion_comment.create. You are not in the write group of the section or in admin group and no submitter.",
  );
  assert.equal((await get("motion/1", ["comment_ids"])).comment_ids?.toString(), "1");

  await suite.server.db.transaction((tx) =>
    tx.write([{ type: "create", fqid: "motion_submitter/100", fields: { id: 100, meeting_user_id: 2, motion_id: 1, meeting_id: 1, weight: 2 } }]),
  );
  const submitter = await suite.run(suite.delegate, "motion_comment.create", { comment: "as submitter", motion_id: 1, section_id: staffSection });
  assert.equal(submitter.status, 200, JSON.stringify(submitter.body));
  const submitterComment = submitter.body.results[0][0].id as number;
  const update = await suite.run(suite.delegate, "motion_comment.update", { id: submitterComment, comment: "changed" });
  assert.equal(update.status, 200, JSON.stringify(update.body));
  const otherMotion = await suite.run(suite.delegate, "motion_comment.create", { comment: "x", motion_id: 4, section_id: staffSection });
  assert.equal(otherMotion.status, 403);

  // In the admin group: allowed whatever the write groups say.
  const setGroups = async (groupIds: number[]) => {
    const answer = await suite.run(suite.admin, "user.update", { id: 2, meeting_id: 1, group_ids: groupIds });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  };
  await setGroups([5, 2]);
  const admin = await suite.run(suite.delegate, "motion_comment.create", { comment: "as admin", motion_id: 4, section_id: staffSection });
  assert.equal(admin.status, 200, JSON.stringify(admin.body));
  await setGroups([5]);

  // Committee manager of the meeting's committee.
  const setManaged = async (committeeIds: number[]) => {
    const answer = await suite.run(suite.admin, "user.update", { id: 2, committee_management_ids: committeeIds });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
  };
  await setManaged([1]);
  const manager = await suite.run(suite.delegate, "motion_comment.create", { comment: "as manager", motion_id: 3, section_id: staffSection });
  assert.equal(manager.status, 200, JSON.stringify(manager.body));
  await setManaged([]);
});

test("motion.can_see is needed first", async () => {
  const group = await get("group/5", ["permissions"]);
  await write("group/5", { permissions: ["list_of_speakers.can_see"] });
  for (const [action, data] of [
    ["motion_comment.create", { comment: "x", motion_id: 3, section_id: 1 }],
    ["motion_comment.update", { id: 1, comment: "x" }],
    ["motion_comment.delete", { id: 1 }],
  ] as const) {
    const denied = await suite.run(suite.delegate, action, data);
    assert.equal(denied.status, 403, action);
    assert.equal(denied.body.message, `You are not allowed to perform action ${action}. Missing Permission: motion.can_see`);
  }
  await write("group/5", { permissions: group.permissions });
  assert.equal(await exists("motion_comment/1"), true);
});

test("update: the text; the motion is touched and gets the history", async () => {
  const answer = await suite.run(suite.delegate, "motion_comment.update", { id: 1, comment: "comment_Xcdfgee" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[null]]);
  assert.deepEqual(await get("motion_comment/1", ["comment", "motion_id", "section_id"]), { id: 1, comment: "comment_Xcdfgee", motion_id: 1, section_id: 1 });
  const history = await lastHistory("motion/1");
  assert.deepEqual(history?.entries, ["Comment {} updated", "motion_comment_section/1"]);
  assert.equal(history?.model_id, "motion/1");
  assert.equal(history?.meeting_id, 1);

  const unknown = await suite.run(suite.admin, "motion_comment.update", { id: 4242, comment: "x" });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_comment/4242' does not exist.");
  const motion = await suite.run(suite.admin, "motion_comment.update", { id: 1, motion_id: 2 });
  assert.equal(motion.status, 400);
  assert.equal(motion.body.message, "Action motion_comment.update: data must not contain {'motion_id'} properties");
  const denied = await suite.run(suite.delegate, "motion_comment.update", {
    id: ((await get("motion/4", ["comment_ids"])).comment_ids as number[])[0]!,
    comment: "x",
  });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.body.message,
    "You are not allowed to perform action motion_comment.update. You are not in the write group of the section or in admin group and no submitter.",
  );
  assert.equal((await get("motion_comment/1", ["comment"])).comment, "comment_Xcdfgee");
});

test("delete: both sides and history; denied outside the write groups", async () => {
  const [staffComment] = (await get("motion/4", ["comment_ids"])).comment_ids as number[];
  const denied = await suite.run(suite.delegate, "motion_comment.delete", { id: staffComment! });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.body.message,
    "You are not allowed to perform action motion_comment.delete. You are not in the write group of the section or in admin group and no submitter.",
  );
  assert.equal(await exists(`motion_comment/${staffComment}`), true);

  const unknown = await suite.run(suite.delegate, "motion_comment.delete", { id: 4242 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Model 'motion_comment/4242' does not exist.");

  const answer = await suite.run(suite.delegate, "motion_comment.delete", { id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await exists("motion_comment/1"), false);
  assert.ok(!(((await get("motion/1", ["comment_ids"])).comment_ids as number[] | undefined) ?? []).includes(1));
  assert.ok(!(((await get("motion_comment_section/1", ["comment_ids"])).comment_ids as number[] | undefined) ?? []).includes(1));
  assert.deepEqual((await lastHistory("motion/1"))?.entries, ["Comment {} deleted", "motion_comment_section/1"]);

  const admin = await suite.run(suite.admin, "motion_comment.delete", { id: staffComment! });
  assert.equal(admin.status, 200, JSON.stringify(admin.body));
  assert.deepEqual((await lastHistory("motion/4"))?.entries, ["Comment {} deleted", `motion_comment_section/${staffSection}`]);
});
