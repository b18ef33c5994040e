// user.save_saml_account over the internal route: create, update, meeting mappers, errors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const write = (events: any[]) => suite.server.db.transaction((tx) => tx.write(events));
const internal = (data: Record<string, unknown>) =>
  fetch(`${suite.server.url}/internal/handle_request`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: Buffer.from("openslides").toString("base64") },
    body: JSON.stringify([{ action: "user.save_saml_account", data: [data] }]),
  }).then(async (response) => ({ status: response.status, body: (await response.json()) as any }));

const MAPPING = {
  saml_id: "username",
  title: "title",
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  gender: "gender",
  meeting_mappers: [
    {
      name: "m1",
      external_id: "ext-1",
      conditions: [{ attribute: "member", condition: "yes" }],
      mappings: { groups: [{ attribute: "idp_group", default: "not-there" }], number: { attribute: "membernumber" }, comment: { attribute: "c", default: "from idp" }, present: { attribute: "p", default: "true" } },
    },
  ],
};

test("user.save_saml_account: disabled, not configured", async () => {
  const disabled = await internal({ username: "x" });
  assert.equal(disabled.status, 400);
  assert.equal(disabled.body.message, "SingleSignOn is not enabled in OpenSlides configuration");
  await write([{ type: "update", fqid: "organization/1", fields: { saml_enabled: true, saml_attr_mapping: {} } }]);
  const unconfigured = await internal({ username: "x" });
  assert.equal(unconfigured.body.message, "SingleSignOn field attributes are not configured in OpenSlides");
  await write([{ type: "update", fqid: "organization/1", fields: { saml_attr_mapping: MAPPING } }]);
  const missing = await internal({ firstName: "x" });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "data must contain ['username'] properties");
  const badEmail = await internal({ username: "x", email: "nope" });
  assert.equal(badEmail.status, 400);
  assert.equal(badEmail.body.message, "email must be valid email.");
  const viaClient = await suite.run(suite.admin, "user.save_saml_account", { username: "x" });
  assert.equal(viaClient.status, 400);
});

test("user.save_saml_account: creates, then updates the user; meeting mapper into meeting 1", async () => {
  await write([
    { type: "update", fqid: "organization/1", fields: { saml_enabled: true, saml_attr_mapping: MAPPING } },
    { type: "update", fqid: "meeting/1", fields: { external_id: "ext-1" } },
  ]);
  const created = await internal({ username: ["saml-max"], firstName: "Max", lastName: "M", email: "max@example.com", gender: "diverse", member: "yes", membernumber: "77" });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const userId = created.body.results[0][0].user_id as number;
  const user = await get(`user/${userId}`, ["saml_id", "username", "first_name", "can_change_own_password", "is_active", "is_physical_person", "gender_id", "meeting_ids", "email", "is_present_in_meeting_ids"]);
  assert.equal(user!.saml_id, "saml-max");
  assert.equal(user!.username, "saml-max");
  assert.equal(user!.first_name, "Max");
  assert.equal(user!.can_change_own_password, false);
  assert.equal(user!.is_active, true);
  assert.equal(user!.is_physical_person, true);
  assert.deepEqual(user!.meeting_ids, [1]);
  // the mapper's presence default ("true") marks the new user present in the meeting
  assert.deepEqual(user!.is_present_in_meeting_ids, [1]);
  const gender = await get(`gender/${user!.gender_id}`, ["name", "user_ids"]);
  assert.equal(gender!.name, "diverse");
  assert.ok((gender!.user_ids as number[]).includes(userId));
  const meetingUsers = await suite.server.db.filter("meeting_user", { field: "user_id", operator: "=", value: userId }, ["group_ids", "number", "comment"]);
  const [meetingUser] = [...meetingUsers.values()];
  assert.deepEqual(meetingUser!.group_ids, [1], "no group with that external id: default group");
  assert.equal(meetingUser!.number, "77");
  assert.equal(meetingUser!.comment, "from idp");

  const updated = await internal({ username: "saml-max", firstName: "Maximilian", lastName: "M" });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.deepEqual(updated.body.results[0][0], { user_id: userId });
  assert.equal((await get(`user/${userId}`, ["first_name"]))!.first_name, "Maximilian");
});

test("user.save_saml_account: every attribute as a one-element list (booleans too)", async () => {
  await write([{ type: "update", fqid: "organization/1", fields: { saml_enabled: true, saml_attr_mapping: { ...MAPPING, pronoun: "pronoun", is_active: "is_active", is_physical_person: "is_person" } } }]);
  const answer = await internal({
    username: ["listed_saml"], title: ["Dr."], firstName: ["Max"], lastName: ["Mustermann"], email: ["listed@example.com"],
    gender: ["listed gender"], pronoun: ["er"], is_active: [true], is_person: [false],
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const userId = answer.body.results[0][0].user_id as number;
  const user = await get(`user/${userId}`, ["username", "saml_id", "title", "first_name", "last_name", "email", "gender_id", "pronoun", "is_active", "is_physical_person"]);
  const gender = await get(`gender/${Number(user?.gender_id)}`, ["name"]);
  assert.deepEqual(
    { ...user, id: undefined, gender_id: undefined, gender: gender?.name },
    { username: "listed_saml", saml_id: "listed_saml", title: "Dr.", first_name: "Max", last_name: "Mustermann", email: "listed@example.com", pronoun: "er", is_active: true, is_physical_person: false, id: undefined, gender_id: undefined, gender: "listed gender" },
  );
});

test("user.save_saml_account: a mapper condition never runs on a very long value; an invalid condition is a 400", async () => {
  const withCondition = (condition: string) => ({
    ...MAPPING,
    meeting_mappers: [{ ...MAPPING.meeting_mappers[0], conditions: [{ attribute: "member", condition }] }],
  });
  await write([
    { type: "update", fqid: "organization/1", fields: { saml_enabled: true, saml_attr_mapping: withCondition("^(a+)+$") } },
    { type: "update", fqid: "meeting/1", fields: { external_id: "ext-1" } },
  ]);
  const started = Date.now();
  const long = await internal({ username: "saml-long", member: `${"a".repeat(100_000)}!` });
  assert.equal(long.status, 200, JSON.stringify(long.body));
  assert.ok(Date.now() - started < 10_000, "answers without running the pattern on the long value");
  const userId = long.body.results[0][0].user_id as number;
  assert.equal((await get(`user/${userId}`, ["meeting_ids"]))?.meeting_ids, undefined, "the condition did not match");
  const short = await internal({ username: "saml-short", member: "aaaa" });
  const shortId = short.body.results[0][0].user_id as number;
  assert.deepEqual((await get(`user/${shortId}`, ["meeting_ids"]))?.meeting_ids, [1], "a short value is still matched");

  await write([{ type: "update", fqid: "organization/1", fields: { saml_attr_mapping: withCondition("([") } }]);
  const invalid = await internal({ username: "saml-invalid", member: "yes" });
  assert.equal(invalid.status, 400);
  assert.equal(invalid.body.message, "The SAML meeting mapper condition '([' is not a valid regular expression.");
});
