// user.create and user.update over HTTP on the example data (meeting 1 in committee 1; groups
// 1 Default, 2 Admin, 3 Staff (user.can_manage), 4 Committees, 5 Delegates; users 1 admin
// (superadmin, meeting_user 1 in Admin), 2 "a" and 3 "b" (meeting_users 2 and 3 in Delegates)).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { verifyPassword } from "../../src/auth/passwords.js";
import { PASSWORD_CHARS } from "../../src/action/shared/user-rules.js";
import { anonymousClient, useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const get = async (fqid: string, fields: string[]) => (await suite.server.db.get(fqid, fields)) ?? {};
const userCount = async () => (await suite.server.db.filter("user", undefined, ["id"])).size;

async function lastHistory(fqid: string): Promise<unknown> {
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "=", value: fqid }, ["entries"]);
  const ids = [...entries.keys()].sort((a, b) => a - b);
  return ids.length > 0 ? entries.get(ids[ids.length - 1]!)!.entries : undefined;
}

test("user.create: username given; random default password hashed as password; history", async () => {
  const answer = await run(suite.admin, "user.create", { username: "test_Xcdfgee", organization_management_level: "can_manage_users" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  assert.deepEqual(answer.body.results[0][0], { id });
  const user = await get(`user/${id}`, ["username", "default_password", "password", "organization_management_level", "organization_id"]);
  assert.equal(user.username, "test_Xcdfgee");
  assert.equal(user.organization_id, 1);
  const password = user.default_password as string;
  assert.equal(password.length, 10);
  assert.ok([...password].every((char) => PASSWORD_CHARS.includes(char)));
  assert.ok(await verifyPassword(password, user.password as string));
  assert.deepEqual(await lastHistory(`user/${id}`), ["Account created"]);
});

test("user.create: a field sent as null stays empty instead of taking its default", async () => {
  const answer = await run(suite.admin, "user.create", { username: "no_weight", default_vote_weight: null });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  const user = await get(`user/${id}`, ["default_vote_weight", "is_active"]);
  assert.equal(user.default_vote_weight, undefined);
  assert.equal(user.is_active, true);
  const defaulted = await run(suite.admin, "user.create", { username: "with_weight" });
  assert.equal(defaulted.status, 200, JSON.stringify(defaulted.body));
  assert.equal((await get(`user/${defaulted.body.results[0][0].id as number}`, ["default_vote_weight"])).default_vote_weight, "1.000000");
});

test("user.create: username from first and last name, stripped and numbered", async () => {
  const first = await run(suite.admin, "user.create", { first_name: " John-Aloas ", last_name: " Smith Brick " });
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const id = first.body.results[0][0].id;
  assert.deepEqual(await get(`user/${id}`, ["username", "first_name", "last_name"]), {
    id,
    username: "JohnAloasSmithBrick",
    first_name: "John-Aloas",
    last_name: "Smith Brick",
  });
  const second = await run(suite.admin, "user.create", { first_name: "John", last_name: "Aloas-SmithBrick" });
  assert.equal((await get(`user/${second.body.results[0][0].id}`, ["username"])).username, "JohnAloasSmithBrick1");
  const both = await suite.admin.request("user.create", [{ first_name: "Max" }, { first_name: "Max" }]);
  assert.equal(both.status, 200, JSON.stringify(both.body));
  const names = await Promise.all(both.body.results[0].map(async (r: { id: number }) => (await get(`user/${r.id}`, ["username"])).username));
  assert.deepEqual(names, ["Max", "Max1"]);
});

test("user.create: meeting fields via meeting_user, committee management, both sides, result and history", async () => {
  const answer = await run(suite.admin, "user.create", {
    username: "participant1",
    pronoun: "they",
    default_password: "secret",
    default_vote_weight: "1.500000",
    committee_management_ids: [1],
    meeting_id: 1,
    group_ids: [3],
    comment: "comment<iframe></iframe>",
    number: "n1",
    structure_level_ids: [1],
    vote_weight: "2.000000",
    vote_delegations_from_ids: [3],
    member_number: "M-1",
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const { id, meeting_user_id: meetingUserId } = answer.body.results[0][0];
  assert.ok(meetingUserId > 3);
  const user = await get(`user/${id}`, ["meeting_user_ids", "meeting_ids", "committee_management_ids", "committee_ids", "default_password", "password", "member_number"]);
  assert.deepEqual(user.meeting_user_ids, [meetingUserId]);
  assert.deepEqual(user.meeting_ids, [1]);
  assert.deepEqual(user.committee_management_ids, [1]);
  assert.deepEqual(user.committee_ids, [1]);
  assert.equal(user.member_number, "M-1");
  assert.ok(await verifyPassword("secret", user.password as string));
  const meetingUser = await get(`meeting_user/${meetingUserId}`, ["user_id", "meeting_id", "group_ids", "comment", "number", "structure_level_ids", "vote_weight", "vote_delegations_from_ids"]);
  assert.deepEqual(meetingUser, {
    id: meetingUserId,
    user_id: id,
    meeting_id: 1,
    group_ids: [3],
    comment: "comment&lt;iframe&gt;&lt;/iframe&gt;",
    number: "n1",
    structure_level_ids: [1],
    vote_weight: "2.000000",
    vote_delegations_from_ids: [3],
  });
  assert.ok(((await get("group/3", ["meeting_user_ids"])).meeting_user_ids as number[]).includes(meetingUserId));
  assert.equal((await get("meeting_user/3", ["vote_delegated_to_id"])).vote_delegated_to_id, meetingUserId);
  assert.ok(((await get("committee/1", ["manager_ids"])).manager_ids as number[]).includes(id));
  assert.ok(((await get("meeting/1", ["user_ids"])).user_ids as number[]).includes(id));
  assert.deepEqual(await lastHistory(`user/${id}`), [
    "Account created",
    "Participant added to meeting {}.",
    "meeting/1",
    "Participant added to group {} and structure level {} in meeting {}.",
    "group/3",
    "structure_level/1",
    "meeting/1",
    "Proxy voting rights for {} received in meeting {}",
    "user/3",
    "meeting/1",
  ]);
  assert.deepEqual(await lastHistory("user/3"), ["Vote delegated to {} in meeting {}", `user/${id}`, "meeting/1"]);
  await write("meeting_user/3", { vote_delegated_to_id: null });
});

test("user.create: validation errors write nothing", async () => {
  const before = await userCount();
  const cases: [Record<string, unknown>, string][] = [
    [{}, "Need username or first_name or last_name"],
    [{ username: "with space" }, "Username may not contain spaces"],
    [{ username: "x1", email: "broken@@" }, "email must be valid email."],
    [{ username: "x2", group_ids: [3] }, "Missing meeting_id in instance, because meeting related fields used"],
    [{ username: "x3", member_number: "" }, "This member_number is forbidden."],
    [{ username: "x4", gender_id: 42 }, "Model 'gender/42' does not exist."],
    [{ username: "x5", external: true, home_committee_id: 1 }, "Cannot set external to true and set a home committee at the same time."],
    [{ username: "x6", saml_id: "sso", default_password: "pw" }, "user sso is a Single Sign On user and may not set the local default_passwort or the right to change it locally."],
    [{ username: "admin" }, "user/7: User with username 'admin' already exists."],
    [{ username: "x7", meeting_id: 1, group_ids: [2], locked_out: true, organization_management_level: "can_manage_users" }, "Cannot lock user from meeting 1 as long as he has the OrganizationManagementLevel can_manage_users"],
    [{ username: "x8", meeting_id: 1, group_ids: [3], locked_out: true }, "Group(s) 3 have user.can_manage permissions and may therefore not be used by users who are locked out"],
    [{ username: "x9", wrong_field: 1 }, "Action user.create: data must not contain {'wrong_field'} properties"],
    [{ username: "" }, "Action user.create: data.username must be longer than or equal to 1 characters"],
  ];
  for (const [data, message] of cases) {
    const answer = await run(suite.admin, "user.create", data);
    assert.equal(answer.status, 400, JSON.stringify(data));
    if (message.startsWith("user/7")) assert.match(answer.body.message, /^user\/\d+: User with username 'admin' already exists\.$/);
    else assert.equal(answer.body.message, message);
  }
  assert.equal(await userCount(), before);
});

test("user.create: limit of users and saml_id", async () => {
  const active = (await suite.server.db.filter("user", { field: "is_active", operator: "=", value: true }, ["id"])).size;
  await write("organization/1", { limit_of_users: active });
  const limited = await run(suite.admin, "user.create", { username: "toomany", is_active: true });
  assert.equal(limited.status, 400);
  assert.equal(limited.body.message, "The number of active users cannot exceed the limit of users.");
  await write("organization/1", { limit_of_users: 0 });
  const sso = await run(suite.admin, "user.create", { saml_id: " sso_user " });
  assert.equal(sso.status, 200, JSON.stringify(sso.body));
  const user = await get(`user/${sso.body.results[0][0].id}`, ["username", "saml_id", "password", "default_password", "can_change_own_password"]);
  assert.deepEqual(user, { id: user.id, username: "sso_user", saml_id: "sso_user", can_change_own_password: false });
});

test("user.create permissions: delegate denied, anonymous refused, field group texts; user.can_manage allows participants", async () => {
  const before = await userCount();
  const nothing = await run(suite.delegate, "user.create", { username: "u1", meeting_id: 1, group_ids: [1], vote_weight: "1.000000" });
  assert.equal(nothing.status, 403);
  assert.equal(
    nothing.body.message,
    "The user needs OrganizationManagementLevel.can_manage_users or CommitteeManagementLevel.can_manage for committee of following meeting or Permission user.can_manage for meeting 1",
  );
  const plain = await run(suite.delegate, "user.create", { username: "u2" });
  assert.equal(plain.status, 403);
  assert.equal(plain.body.message, "You are not allowed to perform action user.create. Missing permission: OrganizationManagementLevel can_manage_users in organization 1");
  const oml = await run(suite.delegate, "user.create", { username: "u3", organization_management_level: "can_manage_users" });
  assert.equal(oml.status, 403);
  assert.equal(oml.body.message, "Your organization management level is not high enough to set a Level of can_manage_users.");
  const anon = await anonymousClient(suite.server.url).request("user.create", [{ username: "u4" }]);
  assert.equal(anon.status, 403, JSON.stringify(anon.body));
  assert.equal(anon.body.message, "Anonymous is not allowed to execute user.create");
  // user.can_manage in meeting 1 (group 3 Staff) allows meeting users, not committee management or demo users.
  const delegates = (await get("group/5", ["permissions"])).permissions as string[];
  await write("group/5", { permissions: [...delegates, "user.can_manage"] });
  const manager = await run(suite.delegate, "user.create", { username: "staffmade", meeting_id: 1, group_ids: [5], number: "7" });
  assert.equal(manager.status, 200, JSON.stringify(manager.body));
  const committee = await run(suite.delegate, "user.create", { username: "u5", committee_management_ids: [1] });
  assert.equal(committee.status, 403);
  assert.equal(committee.body.message, "You are not allowed to perform action user.create. Missing permission: CommitteeManagementLevel can_manage in committee 1");
  const demo = await run(suite.delegate, "user.create", { username: "u6", meeting_id: 1, group_ids: [5], is_demo_user: true });
  assert.equal(demo.status, 403);
  assert.equal(demo.body.message, "You are not allowed to perform action user.create. Missing OrganizationManagementLevel: superadmin");
  const saml = await run(suite.delegate, "user.create", { username: "u7", meeting_id: 1, group_ids: [5], saml_id: "x" });
  assert.equal(saml.status, 400);
  assert.equal(saml.body.message, "The field 'saml_id' can only be used in internal action calls or with can_manage_users permission");
  const other = await run(suite.delegate, "user.create", { username: "u8", meeting_id: 1, group_ids: [5], is_present_in_meeting_ids: [2] });
  assert.equal(other.status, 403);
  assert.equal(other.body.message, "You are not allowed to perform action user.create. Missing permission: Permission user.can_manage in meeting 2");
  await write("group/5", { permissions: delegates });
  assert.equal(await userCount(), before + 1);
});

test("user.update: personal data, meeting data, history; both sides of the relations", async () => {
  const answer = await run(suite.admin, "user.update", {
    id: 3,
    first_name: "Bee",
    email: " b@example.com ",
    is_active: false,
    meeting_id: 1,
    group_ids: [1, 5, 3],
    structure_level_ids: [2],
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get("user/3", ["first_name", "email", "is_active"]), { id: 3, first_name: "Bee", email: "b@example.com", is_active: false });
  assert.deepEqual((await get("meeting_user/3", ["group_ids"])).group_ids, [1, 3, 5]);
  assert.deepEqual(((await get("structure_level/2", ["meeting_user_ids"])).meeting_user_ids as number[]).sort(), [2, 3]);
  assert.deepEqual(await lastHistory("user/3"), [
    "Participant data updated in meeting {}",
    "meeting/1",
    "Participant added to group {} in meeting {}",
    "group/3",
    "meeting/1",
    "Personal data changed",
    "Set inactive",
  ]);
  const same = await run(suite.admin, "user.update", { id: 3, first_name: "Bee" });
  assert.equal(same.status, 200);
  const back = await run(suite.admin, "user.update", { id: 3, is_active: true, meeting_id: 1, group_ids: [5], structure_level_ids: [3] });
  assert.equal(back.status, 200, JSON.stringify(back.body));
});

test("user.update: group_ids [] removes the participant: meeting_user, waiting speakers, presence", async () => {
  const created = await run(suite.admin, "user.create", { username: "leaver", meeting_id: 1, group_ids: [5], is_present_in_meeting_ids: [1] });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const { id, meeting_user_id: meetingUserId } = created.body.results[0][0];
  assert.ok(((await get("meeting/1", ["present_user_ids"])).present_user_ids as number[]).includes(id));
  const los = (await get("list_of_speakers/1", ["id"])).id;
  await suite.server.db.transaction(async (tx) => {
    const [speakerId] = await tx.reserveIds("speaker", 1);
    await tx.write([{ type: "create", fqid: `speaker/${speakerId}`, fields: { id: speakerId, meeting_id: 1, list_of_speakers_id: los, meeting_user_id: meetingUserId, weight: 99 } }]);
  });
  const speakerIds = (await get(`meeting_user/${meetingUserId}`, ["speaker_ids"])).speaker_ids as number[];
  assert.equal(speakerIds.length, 1);
  const answer = await run(suite.admin, "user.update", { id, username: "leaver2", meeting_id: 1, group_ids: [] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(await get(`user/${id}`, ["meeting_user_ids", "meeting_ids", "is_present_in_meeting_ids", "username"]), { id, username: "leaver2" });
  assert.equal(await suite.server.db.get(`meeting_user/${meetingUserId}`, ["id"]), undefined);
  assert.equal(await suite.server.db.get(`speaker/${speakerIds[0]}`, ["id"]), undefined);
  assert.ok(!((await get("group/5", ["meeting_user_ids"])).meeting_user_ids as number[]).includes(meetingUserId));
  assert.deepEqual(await lastHistory(`user/${id}`), [
    "Set not present in meeting {}",
    "meeting/1",
    "Participant removed from group {} in meeting {}",
    "group/5",
    "meeting/1",
    "Participant removed from meeting {}",
    "meeting/1",
    "Personal data changed",
  ]);
});

test("user.update: refusals", async () => {
  const cases: [Client, Record<string, unknown>, number, string][] = [
    [suite.admin, { id: 1, meeting_id: 1, group_ids: [1] }, 400, "Cannot remove last admin from meeting(s) 1"],
    [suite.admin, { id: 1, organization_management_level: "can_manage_users" }, 400, "A user is not allowed to withdraw his own 'superadmin'-Organization-Management-Level."],
    [suite.admin, { id: 1, is_active: false }, 400, "A superadmin is not allowed to set himself inactive."],
    [suite.admin, { id: 2, is_present_in_meeting_ids: [1] }, 400, "data must not contain {'is_present_in_meeting_ids'} properties"],
    [suite.admin, { id: 2, username: "a b" }, 400, "Username may not contain spaces"],
    [suite.admin, { id: 2, external: true, home_committee_id: 1 }, 400, "Cannot set external to true and set a home committee at the same time."],
    [suite.admin, { id: 2, meeting_id: 1, locked_out: true, committee_management_ids: [1] }, 400, "Cannot set user 2 as manager for committee(s) 1 due to being locked out of meeting(s) 1"],
    [suite.admin, { id: 1, meeting_id: 1, locked_out: true, group_ids: [2] }, 400, "You may not lock yourself out of a meeting"],
    [suite.admin, { id: 1, meeting_id: 1, locked_out: true }, 400, "You may not lock yourself out of a meeting"],
    [suite.admin, { id: 4242, username: "x" }, 400, "Model 'user/4242' does not exist."],
    [suite.delegate, { id: 3, first_name: "x" }, 403, "You are not allowed to perform action user.update. Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committee 1 or Permission user.can_update in meeting {1}"],
    [suite.delegate, { id: 1, first_name: "x" }, 403, "Your organization management level is not high enough to change a user with a Level of superadmin!"],
  ];
  for (const [client, data, status, message] of cases) {
    const answer = await run(client, "user.update", data);
    assert.equal(answer.status, status, `${JSON.stringify(data)} ${JSON.stringify(answer.body)}`);
    assert.equal(answer.body.message, message);
  }
  assert.deepEqual(await get("user/1", ["organization_management_level", "is_active"]), { id: 1, organization_management_level: "superadmin", is_active: true });
  assert.equal((await get("meeting_user/2", ["locked_out"])).locked_out, undefined);
});

test("user.update: external clears the home committee; a new saml_id empties the passwords", async () => {
  const home = await run(suite.admin, "user.update", { id: 3, home_committee_id: 1 });
  assert.equal(home.status, 200, JSON.stringify(home.body));
  assert.deepEqual(await get("user/3", ["home_committee_id", "external"]), { id: 3, home_committee_id: 1, external: false });
  assert.deepEqual((await get("committee/1", ["native_user_ids"])).native_user_ids, [3]);
  const external = await run(suite.admin, "user.update", { id: 3, external: true });
  assert.equal(external.status, 200, JSON.stringify(external.body));
  assert.deepEqual(await get("user/3", ["home_committee_id", "external"]), { id: 3, external: true });
  const saml = await run(suite.admin, "user.update", { id: 3, saml_id: "b_sso" });
  assert.equal(saml.status, 200, JSON.stringify(saml.body));
  assert.deepEqual(await get("user/3", ["saml_id", "password", "default_password", "can_change_own_password"]), {
    id: 3,
    saml_id: "b_sso",
    password: "",
    default_password: "",
    can_change_own_password: false,
  });
  const sso = await run(suite.admin, "user.update", { id: 3, default_password: "x" });
  assert.equal(sso.status, 400);
  assert.equal(sso.body.message, "user b_sso is a Single Sign On user and may not set the local default_passwort or the right to change it locally.");
});
