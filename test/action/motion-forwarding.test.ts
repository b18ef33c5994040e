// motion.create_forwarded (+ motion.create_forwarded_amendment, mediafile.duplicate_to_another_meeting)
// over HTTP: example meeting 1 (committee 1) forwards to a new meeting of a new committee.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const write = (events: any[]) => suite.server.db.transaction((tx) => tx.write(events));

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

let target = 0;
let targetCommittee = 0;

async function ok(action: string, data: Record<string, unknown>): Promise<any> {
  const answer = await suite.run(suite.admin, action, data);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0]?.[0];
}

let prepared: Promise<void> | undefined;
const setup = () => (prepared ??= prepare());
async function prepare(): Promise<void> {
  targetCommittee = (await ok("committee.create", { organization_id: 1, name: "Receiver" })).id;
  await ok("committee.update", { id: 1, forward_to_committee_ids: [targetCommittee] });
  target = (await ok("meeting.create", { committee_id: targetCommittee, name: "Target", language: "en", admin_ids: [1] })).id;
}

test("motion.create_forwarded: new motion in the target meeting, origin relations, history", async () => {
  await setup();
  const result = await ok("motion.create_forwarded", { meeting_id: target, origin_id: 1, title: "Forwarded", text: "<p>t</p>", reason: "why" });
  assert.equal(result.non_forwarded_amendment_amount, 1, "motion 1 has one amendment, not forwarded");
  assert.deepEqual(result.amendment_result_data, []);
  assert.equal(result.sequential_number, 1);
  const motion = await get(`motion/${result.id}`, [
    "meeting_id", "origin_id", "origin_meeting_id", "all_origin_ids", "additional_submitter", "state_id", "forwarded", "reason", "submitter_ids", "list_of_speakers_id", "title",
  ]);
  const workflow = await get(`meeting/${target}`, ["motions_default_workflow_id", "motion_ids", "forwarded_motion_ids"]);
  const firstState = (await get(`motion_workflow/${workflow!.motions_default_workflow_id}`, ["first_state_id"]))!.first_state_id;
  assert.equal(motion!.meeting_id, target);
  assert.equal(motion!.origin_id, 1);
  assert.equal(motion!.origin_meeting_id, 1);
  assert.deepEqual(motion!.all_origin_ids, [1]);
  assert.equal(motion!.additional_submitter, "Default committee");
  assert.equal(motion!.state_id, firstState);
  assert.equal(typeof motion!.forwarded, "number");
  assert.equal(motion!.submitter_ids, undefined);
  assert.ok(motion!.list_of_speakers_id);
  assert.ok((workflow!.motion_ids as number[]).includes(result.id));
  const origin = await get("motion/1", ["derived_motion_ids", "all_derived_motion_ids"]);
  assert.deepEqual(origin!.derived_motion_ids, [result.id]);
  assert.deepEqual(origin!.all_derived_motion_ids, [result.id]);
  assert.deepEqual(await lastHistory("motion/1"), ["Forwarded to {}", `meeting/${target}`]);
  assert.deepEqual(await lastHistory(`motion/${result.id}`), ["Motion created (forwarded)"]);
  const meeting1 = await get("meeting/1", ["forwarded_motion_ids"]);
  assert.ok(((meeting1!.forwarded_motion_ids as number[] | undefined) ?? []).includes(result.id));
});

test("motion.create_forwarded: with amendments, original submitter and number, change recommendations", async () => {
  await setup();
  await write([
    { type: "update", fqid: "motion_state/1", fields: { allow_amendment_forwarding: true } },
    { type: "update", fqid: "user/2", fields: { first_name: "Anna", last_name: "A", title: "Dr.", pronoun: "she" } },
  ]);
  await ok("motion_submitter.create", { motion_id: 3, meeting_user_id: 2 });
  await ok("motion.create", { meeting_id: 1, title: "Amendment to 3", text: "<p>x</p>", lead_motion_id: 3 });
  await ok("motion_change_recommendation.create", { motion_id: 3, line_from: 100, line_to: 101, text: "<p>r</p>" });
  const result = await ok("motion.create_forwarded", {
    meeting_id: target, origin_id: 3, title: "ohne", text: "<p>y</p>", with_amendments: true, use_original_submitter: true,
    use_original_number: true, with_change_recommendations: true, mark_amendments_as_forwarded: true,
  });
  assert.equal(result.non_forwarded_amendment_amount, 0);
  assert.equal(result.amendment_result_data.length, 1);
  const amendmentResult = result.amendment_result_data[0];
  assert.deepEqual(amendmentResult.amendment_result_data, []);
  assert.equal(amendmentResult.non_forwarded_amendment_amount, 0);
  assert.equal(typeof amendmentResult.sequential_number, "number");
  const motion = await get(`motion/${result.id}`, ["number", "additional_submitter", "amendment_ids", "change_recommendation_ids"]);
  assert.equal(motion!.number, "2");
  assert.equal(motion!.additional_submitter, "Administrator (Test structure level), Dr. Anna A (she · Test structure level a)");
  assert.deepEqual(motion!.amendment_ids, [amendmentResult.id]);
  const originRecommendations = (await get("motion/3", ["change_recommendation_ids"]))!.change_recommendation_ids as number[];
  assert.equal((motion!.change_recommendation_ids as number[]).length, originRecommendations.length);
  const amendment = await get(`motion/${amendmentResult.id}`, ["lead_motion_id", "origin_id", "marked_forwarded", "meeting_id", "text"]);
  assert.equal(amendment!.lead_motion_id, result.id);
  assert.equal(amendment!.meeting_id, target);
  assert.equal(amendment!.marked_forwarded, true);
  assert.equal(amendment!.text, "<p>x</p>");

  // the original number is taken: a suffix
  const second = await ok("motion.create_forwarded", { meeting_id: target, origin_id: 3, title: "again", text: "<p>y</p>", use_original_number: true });
  assert.equal((await get(`motion/${second.id}`, ["number"]))!.number, "2-1");
});

test("motion.create_forwarded: with attachments, meeting-wide mediafile duplicated", async () => {
  await setup();
  // Like upstream, access groups are copied as they are (a mediafile without them here).
  const directory = (await ok("mediafile.create_directory", { owner_id: "meeting/1", title: "docs" })).id;
  await ok("motion.update", { id: 4, attachment_mediafile_ids: [directory] });
  const result = await ok("motion.create_forwarded", { meeting_id: target, origin_id: 4, title: "komplex", text: "<p>z</p>", with_attachments: true });
  const motion = await get(`motion/${result.id}`, ["attachment_meeting_mediafile_ids"]);
  const [mmId] = motion!.attachment_meeting_mediafile_ids as number[];
  assert.ok(mmId);
  const mm = await get(`meeting_mediafile/${mmId}`, ["meeting_id", "mediafile_id", "attachment_ids"]);
  assert.equal(mm!.meeting_id, target);
  assert.deepEqual(mm!.attachment_ids, [`motion/${result.id}`]);
  const mediafile = await get(`mediafile/${mm!.mediafile_id}`, ["owner_id", "title", "meeting_mediafile_ids", "create_timestamp"]);
  assert.equal(mediafile!.owner_id, `meeting/${target}`);
  assert.equal(mediafile!.title, "docs");
  assert.deepEqual(mediafile!.meeting_mediafile_ids, [mmId]);
  assert.ok(((await get(`meeting/${target}`, ["mediafile_ids"]))!.mediafile_ids as number[]).includes(mm!.mediafile_id as number));

  await write([{ type: "update", fqid: "organization/1", fields: { disable_forward_with_attachments: true } }]);
  const disabled = await suite.run(suite.admin, "motion.create_forwarded", { meeting_id: target, origin_id: 4, title: "k", text: "<p>z</p>", with_attachments: true });
  assert.equal(disabled.status, 400);
  assert.equal(disabled.body.message, "Forward with attachments is disabled");
  await write([{ type: "update", fqid: "organization/1", fields: { disable_forward_with_attachments: false } }]);
});

test("motion.create_forwarded: errors and permissions", async () => {
  await setup();
  const amendment = await suite.run(suite.admin, "motion.create_forwarded", { meeting_id: target, origin_id: 2, title: "a", text: "t" });
  assert.equal(amendment.status, 403);
  assert.equal(amendment.body.message, "Amendments cannot be forwarded.");
  const sameCommittee = await suite.run(suite.admin, "motion.create_forwarded", { meeting_id: 1, origin_id: 1, title: "a", text: "t" });
  assert.equal(sameCommittee.status, 400);
  assert.equal(sameCommittee.body.message, `Committee id 1 not in [${targetCommittee}]`);
  const missing = await suite.run(suite.admin, "motion.create_forwarded", { meeting_id: target, origin_id: 999, title: "a", text: "t" });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'motion/999' does not exist.");
  const noOrigin = await suite.run(suite.admin, "motion.create_forwarded", { meeting_id: target, title: "a", text: "t" });
  assert.equal(noOrigin.status, 400);
  assert.equal(noOrigin.body.message, "Action motion.create_forwarded: data must contain ['origin_id'] properties");
  const denied = await suite.run(suite.delegate, "motion.create_forwarded", { meeting_id: target, origin_id: 1, title: "a", text: "t" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action motion.create_forwarded. Missing permission: motion.can_forward");
  await write([{ type: "update", fqid: "motion_state/7", fields: { allow_motion_forwarding: false } }]);
  const notAllowed = await suite.run(suite.admin, "motion.create_forwarded", { meeting_id: target, origin_id: 4, title: "a", text: "t" });
  assert.equal(notAllowed.status, 400);
  assert.equal(notAllowed.body.message, "State doesn't allow to forward motion.");
  const internal = await suite.run(suite.admin, "motion.create_forwarded_amendment", { meeting_id: target, origin_id: 2, title: "a", lead_motion_id: 1 });
  assert.equal(internal.status, 400);
  assert.match(internal.body.message, /motion.create_forwarded_amendment/);
});

test("motion.create_forwarded: a submitter without user is 'Deleted user' in the target meeting's language", async () => {
  await setup();
  const submitter = await ok("motion_submitter.create", { motion_id: 1, meeting_user_id: 2 });
  await write([{ type: "update", fqid: `motion_submitter/${submitter.id}`, fields: { meeting_user_id: null } }]);
  const german = (await ok("meeting.create", { committee_id: targetCommittee, name: "Ziel", language: "de", admin_ids: [1] })).id;
  const forwarded = await ok("motion.create_forwarded", { meeting_id: german, origin_id: 1, title: "de", text: "<p>t</p>", use_original_submitter: true });
  const names = String((await get(`motion/${forwarded.id}`, ["additional_submitter"]))!.additional_submitter);
  assert.match(names, /Gelöschter Nutzer/);
  assert.doesNotMatch(names, /Deleted user/);
});
