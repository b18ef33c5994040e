// motion.create over HTTP on the example data (meeting 1: workflows 1 "Simple" (first state 1,
// set_number) and 2 "Complex" (first state 5); motions 1-4; meeting users 1 admin, 2 "a", 3 "b";
// per_category numbering with 2 digits; the delegate "a" is in group 5 with motion.can_create).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, data: Record<string, unknown>) => suite.run(client, "motion.create", data);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const DELEGATE_PERMISSIONS = [
  "agenda_item.can_see_internal", "assignment.can_nominate_other", "assignment.can_nominate_self", "list_of_speakers.can_be_speaker",
  "mediafile.can_see", "meeting.can_see_autopilot", "meeting.can_see_frontpage", "motion.can_create", "motion.can_create_amendments",
  "motion.can_support", "projector.can_see", "user.can_see",
];
const setDelegatePermissions = (permissions: string[]) => write("group/5", { permissions });
const md5 = (text: string) => createHash("md5").update(text).digest("hex");

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

async function motionCount(): Promise<number> {
  return (await suite.server.db.filter("motion", undefined, ["id"])).size;
}

test("superadmin: the benchmark payload works; state, number, timestamps, agenda item and list of speakers", async () => {
  await write("meeting/1", { agenda_item_creation: "default_yes" });
  const answer = await run(suite.admin, { meeting_id: 1, title: "Bench motion", text: "<p>The motion's text</p>", workflow_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const [[result]] = answer.body.results;
  assert.deepEqual(Object.keys(result).sort(), ["id", "sequential_number"]);
  const fqid = `motion/${result.id}`;
  const motion = await get(fqid, [
    "title", "text", "state_id", "number", "number_value", "created", "last_modified", "workflow_timestamp", "sequential_number",
    "agenda_item_id", "list_of_speakers_id", "submitter_ids", "text_hash", "meeting_id",
  ]);
  assert.equal(motion.state_id, 1);
  assert.equal(motion.sequential_number, result.sequential_number);
  // per_category without category: the highest number_value of the uncategorised motions + 1, two digits.
  assert.equal(typeof motion.number_value, "number");
  assert.equal(motion.number, String(motion.number_value).padStart(2, "0"));
  assert.ok(typeof motion.created === "number" && motion.created === motion.last_modified && motion.created === motion.workflow_timestamp);
  assert.equal(motion.submitter_ids, undefined, "no submitter unless given");
  assert.equal(motion.text_hash, md5("The motion's text"));
  const agendaItem = await get(`agenda_item/${motion.agenda_item_id}`, ["content_object_id"]);
  assert.equal(agendaItem.content_object_id, fqid);
  const los = await get(`list_of_speakers/${motion.list_of_speakers_id}`, ["content_object_id"]);
  assert.equal(los.content_object_id, fqid);
  assert.ok(((await get("motion_state/1", ["motion_ids"])).motion_ids as number[]).includes(result.id));
  assert.ok(((await get("meeting/1", ["motion_ids"])).motion_ids as number[]).includes(result.id));
  assert.deepEqual(await lastHistory(fqid), ["Motion created"]);
  await write("meeting/1", { agenda_item_creation: "default_no" });
});

test("simple fields, submitters with weights, supporters, category number prefix, attachments", async () => {
  await write("meeting/1", { motions_create_enable_additional_submitter_text: true });
  const answer = await run(suite.admin, {
    meeting_id: 1,
    title: "Fields",
    text: "<p>text</p>",
    reason: "<p>why</p>",
    category_id: 2,
    block_id: 1,
    tag_ids: [1],
    sort_parent_id: 1,
    additional_submitter: "others",
    submitter_meeting_user_ids: [2, 3],
    supporter_meeting_user_ids: [1],
    workflow_id: 2,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id;
  const motion = await get(`motion/${id}`, [
    "category_id", "block_id", "tag_ids", "sort_parent_id", "additional_submitter", "submitter_ids", "supporter_ids", "state_id", "number", "reason",
  ]);
  assert.equal(motion.state_id, 5, "first state of workflow 2");
  assert.equal(motion.number, undefined, "state 5 has no set_number");
  assert.equal(motion.category_id, 2);
  assert.equal(motion.block_id, 1);
  assert.deepEqual(motion.tag_ids, [1]);
  assert.equal(motion.sort_parent_id, 1);
  assert.equal(motion.additional_submitter, "others");
  const submitters = await suite.server.db.getMany("motion_submitter", motion.submitter_ids as number[], ["meeting_user_id", "weight", "motion_id", "meeting_id"]);
  assert.deepEqual(
    [...submitters.values()].map((s) => [s.meeting_user_id, s.weight, s.motion_id, s.meeting_id]),
    [[2, 1, id, 1], [3, 2, id, 1]],
  );
  assert.ok(((await get("meeting_user/2", ["motion_submitter_ids"])).motion_submitter_ids as number[]).length === 1);
  const [supporterId] = motion.supporter_ids as number[];
  assert.deepEqual(await get(`motion_supporter/${supporterId}`, ["meeting_user_id", "motion_id"]), { id: supporterId, meeting_user_id: 1, motion_id: id });
  assert.ok(((await get("motion_category/2", ["motion_ids"])).motion_ids as number[]).includes(id));
  assert.ok(((await get("motion_block/1", ["motion_ids"])).motion_ids as number[]).includes(id));
  assert.ok(((await get("motion/1", ["sort_child_ids"])).sort_child_ids as number[]).includes(id));
  assert.deepEqual(await lastHistory(`motion/${id}`), ["Motion created"], "submitter history is skipped");

  // Category 2 (prefix "B") in the set_number state 1: "B" + next value in the category, 2 digits.
  const numbered = await run(suite.admin, { meeting_id: 1, title: "Numbered", text: "t", category_id: 2 });
  assert.equal(numbered.status, 200, JSON.stringify(numbered.body));
  const numberedMotion = await get(`motion/${numbered.body.results[0][0].id}`, ["number", "number_value"]);
  assert.equal(numberedMotion.number, `B${String(numberedMotion.number_value).padStart(2, "0")}`);
  await write("meeting/1", { motions_create_enable_additional_submitter_text: false });
});

test("amendments: default amendment workflow, lead's category, number prefix, paragraphs sanitised", async () => {
  const answer = await run(suite.admin, { meeting_id: 1, title: "Amendment", lead_motion_id: 1, amendment_paragraphs: { 0: "<it>x</it>", "3": "<p>y</p>" } });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id;
  const motion = await get(`motion/${id}`, ["lead_motion_id", "category_id", "amendment_paragraphs", "number", "state_id", "text", "text_hash"]);
  assert.equal(motion.lead_motion_id, 1);
  assert.equal(motion.category_id, 2, "inherited from motion 1");
  assert.deepEqual(motion.amendment_paragraphs, { "0": "&lt;it&gt;x&lt;/it&gt;", "3": "<p>y</p>" });
  assert.equal(motion.text, undefined);
  // motion 1 has number A1; the amendment prefix is "-Ä", no blank; motion 2 is its amendment with value 1.
  assert.equal(motion.number, "A1-Ä02");
  assert.equal(motion.text_hash, md5('{"0": "<it>x</it>", "3": "y"}'));
  assert.ok(((await get("motion/1", ["amendment_ids"])).amendment_ids as number[]).includes(id));

  const both = await run(suite.admin, { meeting_id: 1, title: "A", lead_motion_id: 1, text: "t", amendment_paragraphs: { 1: "p" } });
  assert.equal(both.status, 400);
  assert.equal(both.body.message, "You can't give both of text and amendment_paragraphs");
  const none = await run(suite.admin, { meeting_id: 1, title: "A", lead_motion_id: 1 });
  assert.equal(none.body.message, "Text or amendment_paragraphs is required in this context.");
  const diff = await run(suite.admin, { meeting_id: 1, title: "A", lead_motion_id: 1, text: "t", diff_version: "0.1.2" });
  assert.equal(diff.body.message, "You can define a diff_version only for the lead motion");
});

test("identical motions share the text hash", async () => {
  const first = await run(suite.admin, { meeting_id: 1, title: "same", text: "identical text" });
  const second = await run(suite.admin, { meeting_id: 1, title: "same", text: "<p>identical text</p>" });
  assert.equal(second.status, 200, JSON.stringify(second.body));
  const [a, b] = [first.body.results[0][0].id, second.body.results[0][0].id];
  assert.deepEqual((await get(`motion/${b}`, ["identical_motion_ids"])).identical_motion_ids, [a]);
  assert.deepEqual((await get(`motion/${a}`, ["identical_motion_ids"])).identical_motion_ids, [b]);
});

test("payload errors: 400 and nothing written", async () => {
  const before = await motionCount();
  const cases: Array<[Record<string, unknown>, string]> = [
    [{}, "Action motion.create: data must contain ['meeting_id', 'title'] properties"],
    [{ meeting_id: 1, title: "t", text: "x", wrong_field: 1 }, "Action motion.create: data must not contain {'wrong_field'} properties"],
    [{ meeting_id: 1, title: "t", text: "x", origin_id: 1 }, "Action motion.create: data must not contain {'origin_id'} properties"],
    [{ meeting_id: 1, title: "t" }, "Text is required"],
    [{ meeting_id: 1, title: "t", text: "x", amendment_paragraphs: { 4: "p" } }, "You can't give amendment_paragraphs in this context"],
    [{ meeting_id: 1, title: "t", lead_motion_id: 1, amendment_paragraphs: { a4: "p" } }, "Action motion.create: data.amendment_paragraphs must not contain {'a4'} properties"],
    [{ meeting_id: 1, title: "t", lead_motion_id: 1, amendment_paragraphs: ["p"] }, "Action motion.create: data.amendment_paragraphs must be object"],
    [{ meeting_id: 1, title: "t", text: "x", additional_submitter: "y" }, "This meeting doesn't allow additional_submitter to be set in creation"],
    [{ meeting_id: 1, title: "t", text: "x", number: "A1" }, "Number is not unique."],
  ];
  for (const [data, message] of cases) {
    const answer = await run(suite.admin, data);
    assert.equal(answer.status, 400, JSON.stringify(data));
    assert.equal(answer.body.message, message);
  }
  await write("meeting/1", { motions_reason_required: true });
  const reason = await run(suite.admin, { meeting_id: 1, title: "t", text: "x" });
  assert.equal(reason.body.message, "Reason is required");
  await write("meeting/1", { motions_reason_required: false });
  assert.equal(await motionCount(), before);
});

test("submitters and supporters from another meeting are refused", async () => {
  const before = await motionCount();
  const meeting = await suite.run(suite.admin, "meeting.create", { committee_id: 1, name: "Other", language: "en", set_as_template: true });
  assert.equal(meeting.status, 200, JSON.stringify(meeting.body));
  const meetingId = meeting.body.results[0][0].id;
  const defaultGroupId = (await get(`meeting/${meetingId}`, ["default_group_id"])).default_group_id;
  const foreign = 95;
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "create", fqid: `meeting_user/${foreign}`, fields: { user_id: 3, meeting_id: meetingId, group_ids: [defaultGroupId] } },
      { type: "update", fqid: `group/${defaultGroupId}`, fields: { meeting_user_ids: [foreign] } },
    ]),
  );
  for (const field of ["submitter_meeting_user_ids", "supporter_meeting_user_ids"]) {
    const answer = await run(suite.admin, { meeting_id: 1, title: "t", text: "x", [field]: [foreign] });
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.equal(answer.body.message, `The following models do not belong to meeting 1: ['meeting_user/${foreign}']`);
  }
  assert.equal(await motionCount(), before);
});

test("delegate: can_create only with the allowed fields; submitters other than self need more rights", async () => {
  const before = await motionCount();
  const ok = await run(suite.delegate, { meeting_id: 1, title: "mine", text: "x", submitter_meeting_user_ids: [2], diff_version: "0.1" });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  const id = ok.body.results[0][0].id;
  const submitterIds = (await get(`motion/${id}`, ["submitter_ids"])).submitter_ids as number[];
  assert.equal((await get(`motion_submitter/${submitterIds[0]}`, ["meeting_user_id"])).meeting_user_id, 2);

  const number = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x", number: "X13" });
  assert.equal(number.status, 403);
  assert.equal(number.body.message, "You are not allowed to perform action motion.create. Forbidden fields: number with possibly needed permission(s): motion.can_manage");

  const agenda = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x", agenda_create: true, agenda_type: "internal" });
  assert.equal(agenda.status, 403);
  assert.equal(
    agenda.body.message,
    "You are not allowed to perform action motion.create. Forbidden fields: agenda_create with possibly needed permission(s): agenda_item.can_manage, motion.can_manage, agenda_type with possibly needed permission(s): agenda_item.can_manage, motion.can_manage",
  );

  const additional = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x", additional_submitter: "y" });
  assert.equal(additional.status, 403);
  assert.equal(
    additional.body.message,
    "You are not allowed to perform action motion.create. Forbidden fields: additional_submitter with possibly needed permission(s): motion.can_manage, motion.can_manage_metadata",
  );

  const amendmentCategory = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x", lead_motion_id: 1, category_id: 2 });
  assert.equal(amendmentCategory.status, 403);
  assert.equal(amendmentCategory.body.message, "You are not allowed to perform action motion.create. Forbidden fields: category_id with possibly needed permission(s): motion.can_manage");

  const others = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x", submitter_meeting_user_ids: [1, 2] });
  assert.equal(others.status, 403);
  assert.equal(others.body.message, "You are not allowed to perform action motion.create. Missing permission: Permission motion.can_manage_metadata in meeting 1");

  await setDelegatePermissions(["motion.can_create"]);
  const both = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x", submitter_meeting_user_ids: [1, 2] });
  assert.equal(
    both.body.message,
    "You are not allowed to perform action motion.create. Missing permissions: Permission user.can_see in meeting 1 and Permission motion.can_manage_metadata in meeting 1",
  );
  const amendment = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x", lead_motion_id: 1 });
  assert.equal(amendment.status, 403);
  assert.equal(amendment.body.message, "You are not allowed to perform action motion.create. Missing Permission: motion.can_create_amendments");

  await setDelegatePermissions([]);
  const denied = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.create. Missing Permission: motion.can_create");
  await setDelegatePermissions(DELEGATE_PERMISSIONS);
  assert.equal(await motionCount(), before + 1);
});

test("a delegator with users_forbid_delegator_as_submitter needs motion.can_manage", async () => {
  await write("meeting/1", { users_forbid_delegator_as_submitter: true, users_enable_vote_delegations: true });
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "update", fqid: "meeting_user/2", fields: { vote_delegated_to_id: 3 } },
    ]),
  );
  const refused = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x" });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.message, "You are not allowed to perform action motion.create. Missing Permission: motion.can_manage");
  await write("meeting/1", { users_enable_vote_delegations: false });
  const allowed = await run(suite.delegate, { meeting_id: 1, title: "t", text: "x" });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
  await write("meeting_user/2", { vote_delegated_to_id: null });
  await write("meeting/1", { users_forbid_delegator_as_submitter: false });
});

test("motion.create: created and last_modified keep their fraction of a second, as upstream's datetimes", async () => {
  const before = Date.now() / 1000;
  const answer = await run(suite.admin, { meeting_id: 1, title: "Timed", text: "<p>Timed</p>", workflow_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const after = Date.now() / 1000;
  const id = answer.body.results[0][0].id as number;
  const [row] = await suite.server.db.query<{ created: number; last_modified: number }>(
    "SELECT extract(epoch from created)::float8 AS created, extract(epoch from last_modified)::float8 AS last_modified FROM motion_t WHERE id = $1",
    [id],
  );
  // Whole seconds would lie before `before` (unless it fell exactly on a second).
  assert.ok(row!.created >= before - 0.001 && row!.created <= after + 0.001, `${before} <= ${row!.created} <= ${after}`);
  assert.equal(row!.last_modified, row!.created);
  // Reads still show whole seconds.
  assert.equal((await get(`motion/${id}`, ["created"])).created, Math.floor(row!.created));
});
