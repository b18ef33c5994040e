// user.set_password, set_password_self, reset_password_to_default, generate_new_password,
// set_present, update_self, delete and the backend-internal meeting_user.* actions (through the
// internal route) over HTTP on the example data (meeting 1; users 1 admin, 2 "a", 3 "b").
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { verifyPassword } from "../../src/auth/passwords.js";
import { loggedInClient, useActionSuite, type Client, runInternal } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const internal = (action: string, data: unknown[]) => runInternal(suite.server.url, action, data);

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

async function newUser(data: Record<string, unknown>): Promise<{ id: number; meeting_user_id?: number }> {
  const answer = await run(suite.admin, "user.create", data);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0];
}

test("user.set_password: hash, set_as_default, history; SSO users and delegates refused", async () => {
  const { id } = await newUser({ username: "pw_user" });
  const answer = await run(suite.admin, "user.set_password", { id, password: "new_pw", set_as_default: true });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const user = await get(`user/${id}`, ["password", "default_password"]);
  assert.equal(user.default_password, "new_pw");
  assert.ok(await verifyPassword("new_pw", user.password as string));
  assert.deepEqual(await lastHistory(`user/${id}`), ["Password changed"]);
  const plain = await run(suite.admin, "user.set_password", { id, password: "other" });
  assert.equal(plain.status, 200);
  assert.equal((await get(`user/${id}`, ["default_password"])).default_password, "new_pw");
  const sso = await newUser({ saml_id: "sso_pw" });
  const refused = await run(suite.admin, "user.set_password", { id: sso.id, password: "x" });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.message, "user sso_pw is a Single Sign On user and has no local OpenSlides password.");
  const denied = await run(suite.delegate, "user.set_password", { id: 3, password: "x" });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.body.message,
    "You are not allowed to perform action user.set_password. Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committee 1 or Permission user.can_update in meeting 1",
  );
  assert.equal((await run(suite.admin, "user.set_password", { id })).status, 400);
});

test("user.reset_password_to_default and generate_new_password", async () => {
  const { id } = await newUser({ username: "reset_user", default_password: "dflt" });
  await run(suite.admin, "user.set_password", { id, password: "changed" });
  const reset = await run(suite.admin, "user.reset_password_to_default", { id });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.ok(await verifyPassword("dflt", (await get(`user/${id}`, ["password"])).password as string));
  const generated = await run(suite.admin, "user.generate_new_password", { id });
  assert.equal(generated.status, 200, JSON.stringify(generated.body));
  const user = await get(`user/${id}`, ["password", "default_password"]);
  assert.notEqual(user.default_password, "dflt");
  assert.equal((user.default_password as string).length, 10);
  assert.ok(await verifyPassword(user.default_password as string, user.password as string));
  const denied = await run(suite.delegate, "user.generate_new_password", { id: 3 });
  assert.equal(denied.status, 403);
  const sso = await newUser({ saml_id: "sso_reset" });
  const refused = await run(suite.admin, "user.reset_password_to_default", { id: sso.id });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.message, "user sso_reset is a Single Sign On user and has no local OpenSlides password.");
});

test("user.set_password_self: old password proven, can_change_own_password needed", async () => {
  const wrong = await run(suite.delegate, "user.set_password_self", { old_password: "nope", new_password: "x" });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Wrong password");
  const empty = await run(suite.delegate, "user.set_password_self", { old_password: "delegate", new_password: "" });
  assert.equal(empty.status, 400);
  const answer = await run(suite.delegate, "user.set_password_self", { old_password: "delegate", new_password: "delegate2" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.ok(await verifyPassword("delegate2", (await get("user/2", ["password"])).password as string));
  // Changing one's own password ends every session of the user (upstream ClearSessionsMixin).
  const loggedOut = await run(suite.delegate, "user.set_password_self", { old_password: "delegate2", new_password: "delegate3" });
  assert.equal(loggedOut.status, 400);
  assert.equal(loggedOut.body.message, "The session is invalid");
  suite.delegate = await loggedInClient(suite.server.url, "a", "delegate2");
  await write("user/2", { can_change_own_password: false });
  const denied = await run(suite.delegate, "user.set_password_self", { old_password: "delegate2", new_password: "delegate" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You cannot change your password.");
  await write("user/2", { can_change_own_password: true });
  assert.equal((await run(suite.delegate, "user.set_password_self", { old_password: "delegate2", new_password: "delegate" })).status, 200);
  suite.delegate = await loggedInClient(suite.server.url, "a", "delegate");
});

test("user.set_present: toggles presence on both sides, history; self only when allowed", async () => {
  const answer = await run(suite.admin, "user.set_present", { id: 3, meeting_id: 1, present: true });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual((await get("user/3", ["is_present_in_meeting_ids"])).is_present_in_meeting_ids, [1]);
  assert.ok(((await get("meeting/1", ["present_user_ids"])).present_user_ids as number[]).includes(3));
  assert.deepEqual(await lastHistory("user/3"), ["Set present in meeting {}", "meeting/1"]);
  const off = await run(suite.admin, "user.set_present", { id: 3, meeting_id: 1, present: false });
  assert.equal(off.status, 200);
  assert.equal((await get("user/3", ["is_present_in_meeting_ids"])).is_present_in_meeting_ids, undefined);
  assert.deepEqual(await lastHistory("user/3"), ["Set not present in meeting {}", "meeting/1"]);
  const self = await run(suite.delegate, "user.set_present", { id: 2, meeting_id: 1, present: true });
  assert.equal(self.status, 200, JSON.stringify(self.body));
  const other = await run(suite.delegate, "user.set_present", { id: 3, meeting_id: 1, present: true });
  assert.equal(other.status, 403);
  assert.equal(other.body.message, "You are not allowed to set present.");
  await write("meeting/1", { users_allow_self_set_present: false });
  const notAllowed = await run(suite.delegate, "user.set_present", { id: 2, meeting_id: 1, present: false });
  assert.equal(notAllowed.status, 403);
  await write("meeting/1", { users_allow_self_set_present: true });
  assert.equal((await run(suite.admin, "user.set_present", { id: 3, meeting_id: 1 })).status, 400);
});

test("user.update_self: own fields and delegation rules", async () => {
  const answer = await run(suite.delegate, "user.update_self", { pronoun: "she", email: " a@example.com ", gender_id: 4 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get("user/2", ["pronoun", "email", "gender_id"]), { id: 2, pronoun: "she", email: "a@example.com", gender_id: 4 });
  assert.deepEqual((await get("gender/4", ["user_ids"])).user_ids, [2]);
  assert.deepEqual(await lastHistory("user/2"), ["Personal data changed"]);
  const delegation = await run(suite.delegate, "user.update_self", { meeting_id: 1, vote_delegated_to_id: 3 });
  assert.equal(delegation.status, 403);
  assert.equal(delegation.body.message, "You are not allowed to perform action user.update_self. Missing Permission: user.can_edit_own_delegation");
  const delegates = (await get("group/5", ["permissions"])).permissions as string[];
  await write("group/5", { permissions: [...delegates, "user.can_edit_own_delegation"] });
  const delegated = await run(suite.delegate, "user.update_self", { meeting_id: 1, vote_delegated_to_id: 3 });
  assert.equal(delegated.status, 200, JSON.stringify(delegated.body));
  assert.equal((await get("meeting_user/2", ["vote_delegated_to_id"])).vote_delegated_to_id, 3);
  assert.deepEqual((await get("meeting_user/3", ["vote_delegations_from_ids"])).vote_delegations_from_ids, [2]);
  assert.deepEqual(await lastHistory("user/3"), ["Proxy voting rights for {} received in meeting {}", "user/2", "meeting/1"]);
  const adding = await run(suite.delegate, "user.update_self", { meeting_id: 1, vote_delegations_from_ids: [1] });
  assert.equal(adding.status, 400);
  assert.equal(adding.body.message, "Can't add delegations from other people with user.update_self.");
  const missingMeeting = await run(suite.delegate, "user.update_self", { vote_delegated_to_id: null });
  assert.equal(missingMeeting.status, 400);
  assert.equal(missingMeeting.body.message, "Missing meeting_id in instance, because meeting related fields used");
  const cancelled = await run(suite.delegate, "user.update_self", { meeting_id: 1, vote_delegated_to_id: null });
  assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
  assert.equal((await get("meeting_user/3", ["vote_delegations_from_ids"])).vote_delegations_from_ids, undefined);
  await write("group/5", { permissions: delegates });
  const forbidden = await run(suite.delegate, "user.update_self", { first_name: "x" });
  assert.equal(forbidden.status, 400);
  assert.equal(forbidden.body.message, "Action user.update_self: data must not contain {'first_name'} properties");
});

test("user.delete: user, meeting_user, waiting speakers, history; refusals", async () => {
  const { id, meeting_user_id: meetingUserId } = await newUser({ username: "doomed", meeting_id: 1, group_ids: [5], comment: "c" });
  const self = await run(suite.admin, "user.delete", { id: 1 });
  assert.equal(self.status, 400);
  assert.equal(self.body.message, "Cannot remove last admin from meeting(s) 1");
  const denied = await run(suite.delegate, "user.delete", { id });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.body.message,
    "You are not allowed to perform action user.delete. Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committee 1 or Permission user.can_manage in meeting 1",
  );
  const answer = await run(suite.admin, "user.delete", { id });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(await suite.server.db.get(`user/${id}`, ["id"]), undefined);
  assert.equal(await suite.server.db.get(`meeting_user/${meetingUserId}`, ["id"]), undefined);
  assert.ok(!((await get("group/5", ["meeting_user_ids"])).meeting_user_ids as number[]).includes(meetingUserId!));
  assert.ok(!((await get("meeting/1", ["user_ids"])).user_ids as number[]).includes(id));
  assert.deepEqual(await lastHistory(`user/${id}`), ["Participant removed from meeting {}", "meeting/1", "Account deleted"]);
  const second = await newUser({ username: "second_admin", meeting_id: 1, group_ids: [2] });
  const deleteSelf = await run(suite.admin, "user.delete", { id: 1 });
  assert.equal(deleteSelf.status, 400);
  assert.equal(deleteSelf.body.message, "You cannot delete yourself.");
  assert.equal((await run(suite.admin, "user.delete", { id: second.id })).status, 200);
  assert.equal((await run(suite.admin, "user.delete", { id: 4242 })).status, 400);
});

test("meeting_user.create / update / set_data / delete (internal): checks and both sides", async () => {
  const { id: userId } = await newUser({ username: "mu_user" });
  const denied = await run(suite.admin, "meeting_user.create", { user_id: userId, meeting_id: 1, group_ids: [5] });
  assert.equal(denied.status, 400);
  const created = await internal("meeting_user.create", [{ user_id: userId, meeting_id: 1, group_ids: [5], number: "9" }]);
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const meetingUserId = created.body.results[0][0].id as number;
  assert.deepEqual((await get(`user/${userId}`, ["meeting_user_ids"])).meeting_user_ids, [meetingUserId]);
  assert.ok(((await get("group/5", ["meeting_user_ids"])).meeting_user_ids as number[]).includes(meetingUserId));
  assert.deepEqual(await lastHistory(`user/${userId}`), ["Participant added to group {} in meeting {}.", "group/5", "meeting/1"]);
  const twice = await internal("meeting_user.create", [{ user_id: userId, meeting_id: 1, group_ids: [5] }]);
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, `MeetingUser instance with user ${userId} and meeting 1 already exists`);
  const updated = await internal("meeting_user.update", [{ id: meetingUserId, group_ids: [1, 5], structure_level_ids: [3] }]);
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.deepEqual(await lastHistory(`user/${userId}`), ["Participant data updated in meeting {}", "meeting/1"]);
  const locked = await internal("meeting_user.update", [{ id: meetingUserId, group_ids: [3], locked_out: true }]);
  assert.equal(locked.status, 400);
  assert.equal(locked.body.message, "Group(s) 3 have user.can_manage permissions and may therefore not be used by users who are locked out");
  const byPair = await internal("meeting_user.set_data", [{ meeting_id: 1, user_id: userId, comment: "hi" }]);
  assert.equal(byPair.status, 200, JSON.stringify(byPair.body));
  assert.deepEqual(byPair.body.results[0][0], { id: meetingUserId });
  const noIdentifier = await internal("meeting_user.set_data", [{ comment: "x" }]);
  assert.equal(noIdentifier.status, 400);
  assert.equal(noIdentifier.body.message, "Identifier for meeting_user instance required, but neither id nor meeting_id/user_id is given.");
  const toHimself = await internal("meeting_user.set_data", [{ id: meetingUserId, vote_delegated_to_id: meetingUserId }]);
  assert.equal(toHimself.body.message, `User ${userId} can't delegate the vote to himself.`);
  await internal("meeting_user.set_data", [{ id: 3, vote_delegated_to_id: 2 }]);
  const chained = await internal("meeting_user.set_data", [{ id: meetingUserId, vote_delegated_to_id: 3 }]);
  assert.equal(chained.body.message, `User ${userId} cannot delegate his vote to user 3, because that user has delegated his vote himself.`);
  const receiving = await internal("meeting_user.set_data", [{ id: 2, vote_delegated_to_id: meetingUserId }]);
  assert.equal(receiving.body.message, "User 2 cannot delegate his vote, because there are votes delegated to him.");
  await internal("meeting_user.set_data", [{ id: 3, vote_delegated_to_id: null }]);
  const anonymousGroup = await internal("group.create", [{ meeting_id: 1, name: "Public" }]);
  const publicGroup = anonymousGroup.body.results[0][0].id as number;
  await write("meeting/1", { anonymous_group_id: publicGroup });
  const intoAnonymous = await internal("meeting_user.update", [{ id: meetingUserId, group_ids: [publicGroup] }]);
  assert.equal(intoAnonymous.body.message, "Cannot add explicit users to a meetings anonymous group");
  const deleted = await internal("meeting_user.delete", [{ id: meetingUserId }]);
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal((await get(`user/${userId}`, ["meeting_user_ids"])).meeting_user_ids, undefined);
  assert.deepEqual(await lastHistory(`user/${userId}`), ["Participant removed from meeting {}", "meeting/1"]);
});
