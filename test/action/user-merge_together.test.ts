// user.merge_together over HTTP on the example data (meeting 1; committee 1; admin/admin
// superadmin, a/delegate a delegate): permissions, the refusals, the user and meeting-user
// merge (groups, fields, a meeting user re-created under the primary user), assignment
// candidates, motion submitters, speakers and personal notes merged or moved, poll conflicts and
// the rewrite of entitled_users_at_stop, history. Every test builds its own users.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { MERGE_MODES, uncoveredMergeFields } from "../../src/action/shared/user-merge.js";
import { hashPassword } from "../../src/auth/passwords.js";
import { loggedInClient, useActionSuite, type Client, runInternal } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
/** The requested fields of a model (undefined when it does not exist). */
async function get(fqid: string, fields: string[]): Promise<Record<string, unknown> | undefined> {
  const model = await suite.server.db.get(fqid, fields);
  return model ? Object.fromEntries(Object.entries(model).filter(([key]) => fields.includes(key))) : undefined;
}
const internal = (action: string, data: unknown[]) => runInternal(suite.server.url, action, data);

async function ok(client: Client, action: string, data: Record<string, unknown>): Promise<any> {
  const answer = await run(client, action, data);
  assert.equal(answer.status, 200, `${action}: ${JSON.stringify(answer.body)}`);
  return answer.body.results[0]?.[0];
}

let counter = 0;
/** A new user with meeting users in the given meetings ({meeting id: group ids}). */
async function newUser(meetings: Record<number, number[]> = {}, fields: Record<string, unknown> = {}): Promise<number> {
  counter += 1;
  const { id } = await ok(suite.admin, "user.create", { username: `merge_user_${counter}`, ...fields });
  for (const [meetingId, groupIds] of Object.entries(meetings)) {
    await ok(suite.admin, "user.update", { id, meeting_id: Number(meetingId), group_ids: groupIds });
  }
  return id;
}

async function meetingUserOf(userId: number, meetingId: number): Promise<number | undefined> {
  const found = await suite.server.db.filter(
    "meeting_user",
    { and_filter: [{ field: "user_id", operator: "=", value: userId }, { field: "meeting_id", operator: "=", value: meetingId }] },
    ["id"],
  );
  return [...found.keys()][0];
}

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

const merge = (data: Record<string, unknown>, client: Client = suite.admin) => run(client, "user.merge_together", data);

test("every field of the merged collections has a merge mode", () => {
  for (const collection of Object.keys(MERGE_MODES)) assert.deepEqual(uncoveredMergeFields(collection), [], collection);
});

test("bad payloads: 400 and nothing written", async () => {
  const a = await newUser({ 1: [5] });
  const b = await newUser({ 1: [3] });
  const empty = await merge({});
  assert.equal(empty.status, 400);
  assert.equal(empty.body.message, "Action user.merge_together: data must contain ['id', 'user_ids'] properties");
  const wrongType = await merge({ id: a, user_ids: [String(b)] });
  assert.equal(wrongType.status, 400);
  assert.equal(wrongType.body.message, "Action user.merge_together: data.user_ids[0] must be integer");
  const unknownField = await merge({ id: a, user_ids: [b], saml_id: "x" });
  assert.equal(unknownField.status, 400);
  assert.equal(unknownField.body.message, "Action user.merge_together: data must not contain {'saml_id'} properties");
  assert.ok(await get(`user/${b}`, ["id"]));
});

test("permissions: can_manage_users and at least the level of every selected user", async () => {
  const a = await newUser({ 1: [5] });
  const b = await newUser({ 1: [5] });
  const denied = await merge({ id: a, user_ids: [b] }, suite.delegate);
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action user.merge_together. Missing OrganizationManagementLevel: can_manage_users");

  const manager = await newUser({}, { organization_management_level: "can_manage_users" });
  await write(`user/${manager}`, { password: await hashPassword("manager") });
  const managerClient = await loggedInClient(suite.server.url, `merge_user_${counter}`, "manager");
  const higher = await newUser({}, { organization_management_level: "can_manage_organization" });
  const refused = await merge({ id: a, user_ids: [higher] }, managerClient);
  assert.equal(refused.status, 403);
  assert.equal(refused.body.message, "You are not allowed to perform action user.merge_together. Missing OrganizationManagementLevel: can_manage_organization");
  assert.ok(await get(`user/${higher}`, ["id"]));

  const allowed = await merge({ id: a, user_ids: [b] }, managerClient);
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
  assert.equal(await get(`user/${b}`, ["id"]), undefined);

  const self = await merge({ id: a, user_ids: [1] });
  assert.equal(self.status, 400);
  assert.equal(self.body.message, "Operator may not merge himself into others.");
});

test("refusals: secondary saml_id, demo users, differing member numbers, one user in two merges", async () => {
  const [a, b, c] = [await newUser({ 1: [5] }), await newUser({ 1: [5] }), await newUser()];
  await write(`user/${b}`, { saml_id: `saml_${b}` });
  const saml = await merge({ id: a, user_ids: [c, b] });
  assert.equal(saml.status, 400);
  assert.equal(saml.body.message, `Merge of user/${a}: Saml_id may not exist on any user except target.`);
  await write(`user/${b}`, { saml_id: null });

  await write(`user/${a}`, { is_demo_user: true });
  const demo = await merge({ id: a, user_ids: [b, c] });
  assert.equal(demo.status, 400);
  assert.equal(demo.body.message, `Cannot merge user models that have is_demo_user set: Problem in user/${a}`);
  await write(`user/${a}`, { is_demo_user: null });

  await write(`user/${a}`, { member_number: `MEM${a}` });
  await write(`user/${c}`, { member_number: `MEM${c}` });
  const member = await merge({ id: a, user_ids: [b, c] });
  assert.equal(member.status, 400);
  assert.equal(member.body.message, `Differing values in field member_number when merging into user/${a}`);
  await write(`user/${c}`, { member_number: null });

  const twice = await suite.admin.post("/system/action/handle_request", [
    { action: "user.merge_together", data: [{ id: a, user_ids: [b] }, { id: c, user_ids: [b] }] },
  ]);
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, "Users cannot be part of different merges at the same time");
  for (const id of [a, b, c]) assert.ok(await get(`user/${id}`, ["id"]));
});

test("the user merge: fields, groups, a meeting user re-created for the primary user, deletions, history", async () => {
  const second = (await ok(suite.admin, "meeting.create", { committee_id: 1, name: "Merge Meeting", language: "en", admin_ids: [1] })).id as number;
  const secondDefault = (await get(`meeting/${second}`, ["default_group_id"]))!.default_group_id as number;
  const main = await newUser({ 1: [5] }, { pronoun: "she", first_name: "Main" });
  const other = await newUser({ 1: [3], [second]: [secondDefault] }, { organization_management_level: "can_manage_users", pronoun: "he" });
  const third = await newUser({ [second]: [secondDefault] }, { can_change_own_password: true });
  await ok(suite.admin, "user.update", { id: third, meeting_id: second, comment: "from third" });
  await write(`user/${main}`, { can_change_own_password: false });
  const mainMeetingUser = (await meetingUserOf(main, 1))!;
  const otherMeetingUsers = [(await meetingUserOf(other, 1))!, (await meetingUserOf(other, second))!];
  const thirdMeetingUser = (await meetingUserOf(third, second))!;

  const answer = await merge({ id: main, user_ids: [other, third], last_name: "Merged" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));

  const user = (await get(`user/${main}`, [
    "first_name", "last_name", "pronoun", "organization_management_level", "can_change_own_password", "meeting_ids", "committee_ids", "meeting_user_ids",
  ]))!;
  assert.equal(user.first_name, "Main");
  assert.equal(user.last_name, "Merged");
  assert.equal(user.pronoun, "she");
  assert.equal(user.organization_management_level, "can_manage_users");
  assert.equal(user.can_change_own_password, true);
  assert.deepEqual(user.meeting_ids, [1, second]);
  const created = (await meetingUserOf(main, second))!;
  assert.ok(created > thirdMeetingUser);
  assert.deepEqual(user.meeting_user_ids, [mainMeetingUser, created]);
  assert.deepEqual((await get(`meeting_user/${mainMeetingUser}`, ["group_ids"]))!.group_ids, [3, 5]);
  const recreated = (await get(`meeting_user/${created}`, ["group_ids", "comment", "user_id", "meeting_id"]))!;
  assert.deepEqual(recreated, { group_ids: [secondDefault], comment: "from third", user_id: main, meeting_id: second });
  assert.ok(((await get(`group/${secondDefault}`, ["meeting_user_ids"]))!.meeting_user_ids as number[]).includes(created));

  for (const id of [other, third]) assert.equal(await get(`user/${id}`, ["id"]), undefined);
  for (const id of [...otherMeetingUsers, thirdMeetingUser]) assert.equal(await get(`meeting_user/${id}`, ["id"]), undefined);
  assert.deepEqual(await lastHistory(`user/${main}`), ["Updated with data from {} and {}", `user/${other}`, `user/${third}`]);
  assert.deepEqual(await lastHistory(`user/${other}`), ["Merged into {}", `user/${main}`]);
  assert.deepEqual(await lastHistory(`user/${third}`), ["Merged into {}", `user/${main}`]);
});

test("assignment candidates and motion submitters: merged on the same model, moved otherwise", async () => {
  const main = await newUser({ 1: [5] });
  const other = await newUser({ 1: [5] });
  const [mainMu, otherMu] = [(await meetingUserOf(main, 1))!, (await meetingUserOf(other, 1))!];
  const mainCandidate = (await ok(suite.admin, "assignment_candidate.create", { assignment_id: 1, meeting_user_id: mainMu })).id as number;
  const otherCandidate = (await ok(suite.admin, "assignment_candidate.create", { assignment_id: 1, meeting_user_id: otherMu })).id as number;
  const movedCandidate = (await ok(suite.admin, "assignment_candidate.create", { assignment_id: 2, meeting_user_id: otherMu })).id as number;
  await write(`assignment_candidate/${otherCandidate}`, { weight: -5 });
  const mainSubmitter = (await ok(suite.admin, "motion_submitter.create", { motion_id: 1, meeting_user_id: mainMu })).id as number;
  const otherSubmitter = (await ok(suite.admin, "motion_submitter.create", { motion_id: 1, meeting_user_id: otherMu })).id as number;
  const movedSubmitter = (await ok(suite.admin, "motion_submitter.create", { motion_id: 3, meeting_user_id: otherMu })).id as number;

  const answer = await merge({ id: main, user_ids: [other] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));

  assert.deepEqual(await get(`assignment_candidate/${mainCandidate}`, ["meeting_user_id", "weight"]), { meeting_user_id: mainMu, weight: -5 });
  assert.equal(await get(`assignment_candidate/${otherCandidate}`, ["id"]), undefined);
  assert.equal((await get(`assignment_candidate/${movedCandidate}`, ["meeting_user_id"]))!.meeting_user_id, mainMu);
  assert.equal(await get(`motion_submitter/${otherSubmitter}`, ["id"]), undefined);
  assert.equal((await get(`motion_submitter/${movedSubmitter}`, ["meeting_user_id"]))!.meeting_user_id, mainMu);
  const mu = (await get(`meeting_user/${mainMu}`, ["assignment_candidate_ids", "motion_submitter_ids"]))!;
  assert.deepEqual([...(mu.assignment_candidate_ids as number[])].sort((a, b) => a - b), [mainCandidate, movedCandidate]);
  assert.deepEqual([...(mu.motion_submitter_ids as number[])].sort((a, b) => a - b), [mainSubmitter, movedSubmitter]);
  assert.ok(!((await get("assignment/1", ["candidate_ids"]))!.candidate_ids as number[]).includes(otherCandidate));
  assert.deepEqual(await lastHistory("assignment/1"), ["Candidates merged"]);
  assert.deepEqual(await lastHistory("assignment/2"), ["Candidates merged"]);
  assert.deepEqual(await lastHistory("motion/1"), ["Submitters merged"]);
  assert.deepEqual(await lastHistory("motion/3"), ["Submitters merged"]);
});

test("speakers and personal notes: same list / same content merged, others re-created; running speakers refused", async () => {
  const main = await newUser({ 1: [5] });
  const other = await newUser({ 1: [5] });
  const [mainMu, otherMu] = [(await meetingUserOf(main, 1))!, (await meetingUserOf(other, 1))!];
  const speaker = async (los: number, meetingUserId: number, weight: number, extra: Record<string, unknown> = {}) => {
    const answer = await internal("speaker.create_for_merge", [{ list_of_speakers_id: los, meeting_user_id: meetingUserId, weight, ...extra }]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.results[0][0].id as number;
  };
  const mainSpeaker = await speaker(2, mainMu, 10);
  const otherSpeaker = await speaker(2, otherMu, 4);
  const movedSpeaker = await speaker(4, otherMu, 7);
  const note = async (content: string, meetingUserId: number, fields: Record<string, unknown>) => {
    const answer = await internal("personal_note.create", [{ content_object_id: content, meeting_user_id: meetingUserId, ...fields }]);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.results[0][0].id as number;
  };
  const mainNote = await note("motion/1", mainMu, { note: "main's note" });
  const otherNote = await note("motion/1", otherMu, { note: "other's note", star: true });
  const movedNote = await note("motion/3", otherMu, { star: true, note: "moved" });

  const answer = await merge({ id: main, user_ids: [other] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));

  assert.deepEqual(await get(`speaker/${mainSpeaker}`, ["meeting_user_id", "weight", "list_of_speakers_id"]), {
    meeting_user_id: mainMu,
    weight: 4,
    list_of_speakers_id: 2,
  });
  for (const id of [otherSpeaker, movedSpeaker]) assert.equal(await get(`speaker/${id}`, ["id"]), undefined);
  const speakers = await suite.server.db.filter("speaker", { field: "meeting_user_id", operator: "=", value: mainMu }, ["list_of_speakers_id", "weight"]);
  const recreated = [...speakers].find(([, model]) => model.list_of_speakers_id === 4);
  assert.ok(recreated, "speaker moved to list 4");
  assert.ok(recreated[0] > movedSpeaker);
  assert.equal(recreated[1].weight, 7);

  assert.deepEqual(await get(`personal_note/${mainNote}`, ["note", "star", "meeting_user_id"]), { note: "main's note", star: true, meeting_user_id: mainMu });
  for (const id of [otherNote, movedNote]) assert.equal(await get(`personal_note/${id}`, ["id"]), undefined);
  const notes = await suite.server.db.filter("personal_note", { field: "meeting_user_id", operator: "=", value: mainMu }, ["content_object_id", "note", "star"]);
  assert.deepEqual(
    [...notes].filter(([, model]) => model.content_object_id === "motion/3").map(([id, model]) => [id > movedNote, model.note, model.star]),
    [[true, "moved", true]],
  );

  // A running speech blocks the merge; differing fields of waiting speeches on one list too.
  const third = await newUser({ 1: [5] });
  const thirdMu = (await meetingUserOf(third, 1))!;
  const running = await speaker(5, thirdMu, 1);
  await ok(suite.admin, "speaker.speak", { id: running });
  const refused = await merge({ id: main, user_ids: [third] });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.message, `Speaker(s) ${running} are still running in meeting(s) 1`);
  await ok(suite.admin, "speaker.end_speech", { id: running });

  const fourth = await newUser({ 1: [5] });
  const fourthMu = (await meetingUserOf(fourth, 1))!;
  await write("meeting/1", { list_of_speakers_enable_pro_contra_speech: true });
  const waitingMain = await speaker(6, mainMu, 1);
  await speaker(6, fourthMu, 2, { speech_state: "pro" });
  const differing = await merge({ id: main, user_ids: [fourth] });
  assert.equal(differing.status, 400);
  assert.equal(differing.body.message, `Differing values in field speech_state when merging into speaker/${waitingMain}`);
  assert.ok(await get(`user/${fourth}`, ["id"]));
});

test("polls: shared votes refused, entitled_users_at_stop lines point to the new user", async () => {
  const main = await newUser({ 1: [5] });
  const other = await newUser({ 1: [5] });
  const proxy = await newUser({ 1: [5] });
  const voted = ((await get("poll/1", ["voted_ids"]))!.voted_ids as number[] | undefined) ?? [];
  await write("poll/1", { voted_ids: [...voted, main, other] });
  const conflict = await merge({ id: main, user_ids: [other] });
  assert.equal(conflict.status, 400);
  assert.equal(conflict.body.message, `Cannot carry out merge into user/${main}, because among the selected users multiple voted in poll(s) 1`);
  await write("poll/1", { voted_ids: voted });

  const before = (await get("poll/4", ["entitled_users_at_stop"]))!.entitled_users_at_stop;
  await write("poll/4", {
    entitled_users_at_stop: [
      { user_id: other, voted: true, present: true, vote_delegated_to_user_id: proxy },
      { user_id: 3, voted: false, present: false, vote_delegated_to_user_id: null },
    ],
  });
  const answer = await merge({ id: main, user_ids: [other, proxy] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual((await get("poll/4", ["entitled_users_at_stop"]))!.entitled_users_at_stop, [
    { user_id: other, voted: true, present: true, vote_delegated_to_user_id: proxy, user_merged_into_id: main, delegation_user_merged_into_id: main },
    { user_id: 3, voted: false, present: false, vote_delegated_to_user_id: null },
  ]);
  await write("poll/4", { entitled_users_at_stop: before ?? null });
});

test("several merges in one request", async () => {
  const [a, b, c, d] = [await newUser({ 1: [5] }), await newUser({ 1: [3] }), await newUser(), await newUser({ 1: [2] })];
  const answer = await suite.admin.post("/system/action/handle_request", [
    { action: "user.merge_together", data: [{ id: a, user_ids: [b] }, { id: c, user_ids: [d] }] },
  ]);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  for (const id of [b, d]) assert.equal(await get(`user/${id}`, ["id"]), undefined);
  assert.deepEqual((await get(`meeting_user/${(await meetingUserOf(a, 1))!}`, ["group_ids"]))!.group_ids, [3, 5]);
  assert.deepEqual((await get(`meeting_user/${(await meetingUserOf(c, 1))!}`, ["group_ids"]))!.group_ids, [2]);
  assert.deepEqual(await lastHistory(`user/${a}`), ["Updated with data from {}", `user/${b}`]);
  assert.deepEqual(await lastHistory(`user/${c}`), ["Updated with data from {}", `user/${d}`]);
});

test("presence: the primary user's own, plus that of the others in meetings he is not in; SSO primary keeps its password rights", async () => {
  const second = (await ok(suite.admin, "meeting.create", { committee_id: 1, name: "Presence Meeting", language: "en", admin_ids: [1] })).id as number;
  const secondDefault = (await get(`meeting/${second}`, ["default_group_id"]))!.default_group_id as number;
  const main = await newUser({ 1: [5] }, { saml_id: "saml_presence" });
  const other = await newUser({ 1: [5], [second]: [secondDefault] }, { can_change_own_password: true });
  await ok(suite.admin, "user.set_present", { id: other, meeting_id: 1, present: true });
  await ok(suite.admin, "user.set_present", { id: other, meeting_id: second, present: true });
  const answer = await merge({ id: main, user_ids: [other] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const user = (await get(`user/${main}`, ["is_present_in_meeting_ids", "can_change_own_password", "saml_id", "meeting_ids"]))!;
  assert.deepEqual(user.is_present_in_meeting_ids, [second]);
  assert.deepEqual(user.meeting_ids, [1, second]);
  assert.equal(user.can_change_own_password, false);
  assert.equal(user.saml_id, "saml_presence");
  assert.deepEqual((await get(`meeting/${second}`, ["present_user_ids"]))!.present_user_ids, [main]);
});
