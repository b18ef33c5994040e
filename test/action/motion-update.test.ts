// motion.update over HTTP on the example data (meeting 1: motion 1 "A1" in state 1 (allow_submitter_edit)
// with submitter meeting_user 1 (admin); motion 4 in state 7 of workflow 2; categories 1, 2; block 1;
// the delegate "a" is meeting_user 2 in group 5).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, data: Record<string, unknown>) => suite.run(client, "motion.update", data);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const md5 = (text: string) => createHash("md5").update(text).digest("hex");

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

async function createMotion(data: Record<string, unknown> = {}): Promise<number> {
  const answer = await suite.run(suite.admin, "motion.create", { meeting_id: 1, title: "base", text: "<p>base</p>", ...data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id;
}

test("manager: text fields, number, timestamps; history", async () => {
  const id = await createMotion({ reason: "r" });
  const answer = await run(suite.admin, {
    id,
    title: "new title",
    number: "124",
    text: "<p>new text</p>",
    reason: "new reason",
    modified_final_version: "mfv",
    start_line_number: 13,
    additional_submitter: "someone",
    workflow_timestamp: 1234567890,
    created: 1687339000,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[null]]);
  const motion = await get(`motion/${id}`, [
    "title", "number", "text", "reason", "modified_final_version", "start_line_number", "additional_submitter", "workflow_timestamp", "created", "last_modified", "text_hash",
  ]);
  assert.equal(motion.title, "new title");
  assert.equal(motion.number, "124");
  assert.equal(motion.text, "<p>new text</p>");
  assert.equal(motion.workflow_timestamp, 1234567890);
  assert.equal(motion.created, 1687339000);
  assert.ok((motion.last_modified as number) >= Math.floor(Date.now() / 1000) - 5);
  assert.equal(motion.text_hash, md5("new text"));
  assert.deepEqual(await lastHistory(`motion/${id}`), ["Workflow_timestamp set to {}", "2009-02-13 23:31:30+00:00", "Motion updated"]);
});

test("amendment paragraphs are sanitised; text rules; diff_version only for lead motions", async () => {
  const amendment = await createMotion({ lead_motion_id: 1, text: undefined, amendment_paragraphs: { 3: "x" } });
  const answer = await run(suite.admin, { id: amendment, amendment_paragraphs: { 3: "<html>test</html>", 4: "<p>kept</p><script>x</script>" } });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual((await get(`motion/${amendment}`, ["amendment_paragraphs"])).amendment_paragraphs, {
    "3": "&lt;html&gt;test&lt;/html&gt;",
    "4": "<p>kept</p>&lt;script&gt;x&lt;/script&gt;",
  });
  const text = await run(suite.admin, { id: amendment, text: "t" });
  assert.equal(text.status, 400);
  assert.equal(text.body.message, "Cannot update text, because it was not set in the old values.");
  const paragraphs = await run(suite.admin, { id: 1, amendment_paragraphs: { 1: "p" } });
  assert.equal(paragraphs.body.message, "Cannot update amendment_paragraphs, because it was not set in the old values.");
  const diff = await run(suite.admin, { id: amendment, diff_version: "0.1.2" });
  assert.equal(diff.body.message, "You can define a diff_version only for the lead motion");
  assert.equal((await run(suite.admin, { id: 1, diff_version: "0.1.2" })).status, 200);
  await write("meeting/1", { motions_reason_required: true });
  const reason = await run(suite.admin, { id: 1, reason: "" });
  assert.equal(reason.body.message, "Reason is required to update.");
  await write("meeting/1", { motions_reason_required: false });
  const number = await run(suite.admin, { id: 1, number: "2" });
  assert.equal(number.body.message, "Number is not unique.");
});

test("metadata, extensions with references, category and block history", async () => {
  const id = await createMotion();
  const answer = await run(suite.admin, {
    id,
    state_extension: "ext [motion/3] [motion/999]",
    recommendation_extension: "ext [motion/3]",
    category_id: 1,
    block_id: 1,
    tag_ids: [3],
    attachment_mediafile_ids: [],
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const motion = await get(`motion/${id}`, ["state_extension_reference_ids", "recommendation_extension_reference_ids", "category_id", "block_id", "tag_ids"]);
  assert.deepEqual(motion.state_extension_reference_ids, ["motion/3"], "motion/999 does not exist");
  assert.deepEqual(motion.recommendation_extension_reference_ids, ["motion/3"]);
  assert.ok(((await get("motion/3", ["referenced_in_motion_recommendation_extension_ids"])).referenced_in_motion_recommendation_extension_ids as number[]).includes(id));
  assert.ok(((await get("tag/3", ["tagged_ids"])).tagged_ids as string[]).includes(`motion/${id}`));
  assert.deepEqual(await lastHistory(`motion/${id}`), ["Category set to {}", "motion_category/1", "Motion block set to {}", "motion_block/1", "Motion updated"]);

  const reset = await run(suite.admin, { id, recommendation_extension: "", category_id: null });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.equal((await get(`motion/${id}`, ["recommendation_extension_reference_ids"])).recommendation_extension_reference_ids, undefined);
  assert.ok(!(((await get("motion/3", ["referenced_in_motion_recommendation_extension_ids"])).referenced_in_motion_recommendation_extension_ids as number[] | undefined) ?? []).includes(id));
  assert.deepEqual(await lastHistory(`motion/${id}`), ["Category removed"]);

  const foreign = await run(suite.admin, { id, state_extension: "[assignment/1]" });
  assert.equal(foreign.status, 400);
  assert.equal(foreign.body.message, "Found assignment/1 but only motion is allowed.");
});

test("another workflow: its first state, recommendation cleared, workflow timestamp", async () => {
  const id = await createMotion();
  await write(`motion/${id}`, { recommendation_id: 2 });
  await write("motion_state/5", { set_workflow_timestamp: true });
  const answer = await run(suite.admin, { id, workflow_id: 2 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const motion = await get(`motion/${id}`, ["state_id", "recommendation_id", "workflow_timestamp"]);
  assert.equal(motion.state_id, 5);
  assert.equal(motion.recommendation_id, undefined);
  assert.equal(typeof motion.workflow_timestamp, "number");
  assert.ok(!(((await get("motion_state/1", ["motion_ids"])).motion_ids as number[]) ?? []).includes(id));
  assert.equal(((await lastHistory(`motion/${id}`)) as string[])[0], "Workflow_timestamp set to {}");
  // The same workflow again changes nothing.
  await write(`motion/${id}`, { recommendation_id: 8 });
  assert.equal((await run(suite.admin, { id, workflow_id: 2 })).status, 200);
  assert.equal((await get(`motion/${id}`, ["recommendation_id"])).recommendation_id, 8);
  await write("motion_state/5", { set_workflow_timestamp: true });
});

test("identical motions follow the new text", async () => {
  const a = await createMotion({ text: "same one" });
  const b = await createMotion({ text: "same one" });
  const c = await createMotion({ text: "other one" });
  assert.deepEqual((await get(`motion/${a}`, ["identical_motion_ids"])).identical_motion_ids, [b]);
  const answer = await run(suite.admin, { id: b, text: "other one" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal((await get(`motion/${a}`, ["identical_motion_ids"])).identical_motion_ids, undefined);
  assert.deepEqual((await get(`motion/${b}`, ["identical_motion_ids"])).identical_motion_ids, [c]);
  assert.deepEqual((await get(`motion/${c}`, ["identical_motion_ids"])).identical_motion_ids, [b]);
});

test("field permissions: metadata managers, submitters in an editable state, others", async () => {
  const id = await createMotion({ submitter_meeting_user_ids: [2] });
  // Submitter "a" in state 1 (allow_submitter_edit): title, text, reason.
  const own = await run(suite.delegate, { id, title: "by submitter", text: "<p>changed</p>", reason: "because" });
  assert.equal(own.status, 200, JSON.stringify(own.body));
  assert.equal((await get(`motion/${id}`, ["title"])).title, "by submitter");
  const tooMuch = await run(suite.delegate, { id, title: "x", number: "77", category_id: 1 });
  assert.equal(tooMuch.status, 403);
  assert.equal(tooMuch.body.message, "You are not allowed to perform action motion.update. Forbidden fields: number, category_id");

  await write("motion_state/1", { allow_submitter_edit: false });
  const locked = await run(suite.delegate, { id, title: "t", text: "x", reason: "r" });
  assert.equal(locked.status, 403);
  assert.equal(locked.body.message, "You are not allowed to perform action motion.update. Forbidden fields: title, text, reason");
  await write("motion_state/1", { allow_submitter_edit: true });

  const other = await run(suite.delegate, { id: 1, workflow_timestamp: 1 });
  assert.equal(other.status, 403);
  assert.equal(other.body.message, "You are not allowed to perform action motion.update. Forbidden fields: workflow_timestamp");

  const permissions = (await get("group/5", ["permissions"])).permissions as string[];
  await write("group/5", { permissions: [...permissions, "motion.can_manage_metadata"] });
  const metadata = await run(suite.delegate, { id: 1, category_id: 1, start_line_number: 2, created: 11223344, workflow_timestamp: 1, tag_ids: [1] });
  assert.equal(metadata.status, 200, JSON.stringify(metadata.body));
  assert.equal((await get("motion/1", ["created"])).created, 11223344);
  for (const field of ["title", "number", "modified_final_version"]) {
    const answer = await run(suite.delegate, { id: 1, [field]: "test" });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, `You are not allowed to perform action motion.update. Forbidden fields: ${field}`);
  }
  await write("group/5", { permissions });
});

test("bad payloads", async () => {
  const missing = await run(suite.admin, { id: 9999, title: "x" });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'motion/9999' does not exist.");
  const unknown = await run(suite.admin, { id: 1, state_id: 2 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Action motion.update: data must not contain {'state_id'} properties");
  const before = await get("motion/1", ["title"]);
  const bad = await run(suite.admin, { id: 1, title: "x", start_line_number: 0 });
  assert.equal(bad.status, 400);
  assert.deepEqual(await get("motion/1", ["title"]), before);
});
