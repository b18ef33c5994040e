// organization.update over HTTP on the example data (organization 1, themes 1-3 with theme 1
// active, one active meeting, users 1-3 active; admin is superadmin, "a" (user 2) has no
// organization management level unless a test gives it one).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const organization = (fields: string[]) => suite.server.db.get("organization/1", fields);
const setLevel = (level: string | null) =>
  suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/2", fields: { organization_management_level: level } }]));

const samlAttrMapping = {
  saml_id: "username",
  title: "title",
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  gender: "gender",
  pronoun: "pronoun",
  is_active: "is_active",
  is_physical_person: "is_person",
  member_number: "member_number",
};

test("update: group A and B fields, theme on both sides, replyto trimmed", async () => {
  const body = "Dear {name},\n\nthis is your personal OpenSlides login:\n\n{url}\nUsername: {username}\nPassword: {password}\n";
  const answer = await run(suite.admin, "organization.update", {
    id: 1,
    name: "testtest",
    description: "<p>blablabla</p><script>alert(1)</script>",
    legal_notice: "GYjDABmD",
    privacy_policy: "test1",
    login_text: "test2",
    theme_id: 2,
    default_language: "it",
    time_zone: "Asia/Tokyo",
    reset_password_verbose_errors: false,
    disable_forward_with_attachments: true,
    restrict_editing_same_level_committee_admins: true,
    restrict_edit_forward_committees: true,
    enable_chat: true,
    enable_anonymous: true,
    enable_electronic_voting: false,
    url: "https://openslides.example.com",
    users_email_sender: "email_sender",
    users_email_replyto: " email@replyto.de  ",
    users_email_subject: "email subject",
    users_email_body: body,
    require_duplicate_from: true,
    saml_enabled: true,
    saml_login_button_text: "Text for SAML login button",
    saml_attr_mapping: samlAttrMapping,
    saml_metadata_idp: '<md:EntityDescriptor xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"></md:EntityDescriptor>',
    saml_metadata_sp: "<EntityDescriptor/>",
    saml_private_key: "private key dependency",
    limit_of_meetings: 5,
    limit_of_users: 3,
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results, [[null]]);
  const fields = [
    "name", "description", "legal_notice", "privacy_policy", "login_text", "theme_id", "theme_ids", "default_language", "time_zone",
    "reset_password_verbose_errors", "disable_forward_with_attachments", "restrict_editing_same_level_committee_admins",
    "restrict_edit_forward_committees", "enable_chat", "enable_anonymous", "enable_electronic_voting", "url", "users_email_sender",
    "users_email_replyto", "users_email_subject", "users_email_body", "require_duplicate_from", "saml_enabled", "saml_login_button_text",
    "saml_attr_mapping", "saml_metadata_sp", "saml_private_key", "limit_of_meetings", "limit_of_users",
  ];
  assert.deepEqual(await organization(fields), {
    id: 1,
    name: "testtest",
    description: "<p>blablabla</p>&lt;script&gt;alert(1)&lt;/script&gt;",
    legal_notice: "GYjDABmD",
    privacy_policy: "test1",
    login_text: "test2",
    theme_id: 2,
    theme_ids: [1, 2, 3],
    default_language: "it",
    time_zone: "Asia/Tokyo",
    reset_password_verbose_errors: false,
    disable_forward_with_attachments: true,
    restrict_editing_same_level_committee_admins: true,
    restrict_edit_forward_committees: true,
    enable_chat: true,
    enable_anonymous: true,
    enable_electronic_voting: false,
    url: "https://openslides.example.com",
    users_email_sender: "email_sender",
    users_email_replyto: "email@replyto.de",
    users_email_subject: "email subject",
    users_email_body: body,
    require_duplicate_from: true,
    saml_enabled: true,
    saml_login_button_text: "Text for SAML login button",
    saml_attr_mapping: samlAttrMapping,
    saml_metadata_sp: "<EntityDescriptor/>",
    saml_private_key: "private key dependency",
    limit_of_meetings: 5,
    limit_of_users: 3,
  });
  assert.ok(String((await organization(["saml_metadata_idp"]))?.saml_metadata_idp).includes('xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"'));
  assert.deepEqual(await suite.server.db.get("theme/1", ["organization_id", "theme_for_organization_id"]), { id: 1, organization_id: 1 });
  assert.deepEqual(await suite.server.db.get("theme/2", ["organization_id", "theme_for_organization_id"]), { id: 2, organization_id: 1, theme_for_organization_id: 1 });
});

test("update: saml mapping with meeting mappers; removing the saml configuration", async () => {
  const mapping = {
    ...samlAttrMapping,
    meeting_mappers: [
      {
        name: "Mapper-Name",
        external_id: "Landtag",
        allow_update: "false",
        conditions: [
          { attribute: "membernumber", condition: "1426\\d{4,6}$" },
          { attribute: "function", condition: "board" },
        ],
        mappings: {
          groups: [{ attribute: "membership", default: "admin, standard" }],
          structure_levels: [{ attribute: "ovname", default: "struct1, struct2" }],
          number: { attribute: "p_number" },
          comment: { attribute: "idp_comment", default: "Group set via SSO" },
          vote_weight: { attribute: "vote", default: "1.000000" },
          present: { attribute: "present_key", default: "True" },
        },
      },
    ],
  };
  const answer = await run(suite.admin, "organization.update", { id: 1, saml_attr_mapping: mapping });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual((await organization(["saml_attr_mapping"]))?.saml_attr_mapping, mapping);
  const removed = await run(suite.admin, "organization.update", {
    id: 1,
    saml_enabled: false,
    saml_attr_mapping: null,
    saml_metadata_idp: "",
    saml_metadata_sp: null,
    saml_private_key: "",
  });
  assert.equal(removed.status, 200, JSON.stringify(removed.body));
  assert.deepEqual(await organization(["saml_enabled", "saml_attr_mapping", "saml_metadata_idp", "saml_metadata_sp", "saml_private_key"]), {
    id: 1,
    saml_enabled: false,
    saml_metadata_idp: "",
    saml_private_key: "",
  });
});

test("bad payloads: unknown fields, saml mapping shape, emails, time zone; nothing written", async () => {
  const mapper = (extra: Record<string, unknown>) => ({ saml_attr_mapping: { ...samlAttrMapping, meeting_mappers: [extra] } });
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ wrong_name: "testtest" }, "Action organization.update: data must not contain {'wrong_name'} properties"],
    [mapper({ external_idx: "Landtag" }), "Action organization.update: data.saml_attr_mapping.meeting_mappers[0] must contain ['external_id'] properties"],
    [mapper({ external_id: "Landtag", unknown_field: " " }), "Action organization.update: data.saml_attr_mapping.meeting_mappers[0] must not contain {'unknown_field'} properties"],
    [mapper({ external_id: "Landtag", mappings: { unknown_field: " " } }), "Action organization.update: data.saml_attr_mapping.meeting_mappers[0].mappings must not contain {'unknown_field'} properties"],
    [
      mapper({ external_id: "Landtag", mappings: { vote_weight: { unknown_field: " " } } }),
      "Action organization.update: data.saml_attr_mapping.meeting_mappers[0].mappings.vote_weight must not contain {'unknown_field'} properties",
    ],
    [
      mapper({ external_id: "Landtag", mappings: { groups: [{ unknown_field: " " }] } }),
      "Action organization.update: data.saml_attr_mapping.meeting_mappers[0].mappings.groups[0] must not contain {'unknown_field'} properties",
    ],
    [{ saml_attr_mapping: "This is not a valid JSON formated sso-configuration" }, "Action organization.update: data.saml_attr_mapping must be object or null"],
    [{ saml_attr_mapping: ["f1", "f2"] }, "Action organization.update: data.saml_attr_mapping must be object or null"],
    [{ saml_attr_mapping: { x: "y" } }, "Action organization.update: data.saml_attr_mapping must contain ['saml_id'] properties"],
    [{ saml_attr_mapping: { saml_id: "111", unkown_field: "xxx" } }, "Action organization.update: data.saml_attr_mapping must not contain {'unkown_field'} properties"],
    [{ users_email_replyto: "broken@@" }, "users_email_replyto must be valid email."],
    [{ users_email_sender: "broken\\" }, "users_email_sender must not contain '[', ']', '\\'."],
    [{ users_email_sender: "[x" }, "users_email_sender must not contain '[', ']', '\\'."],
    [{ default_language: "xx" }, "Action organization.update: data.default_language must be one of ['en', 'de', 'it', 'es', 'ru', 'cs', 'fr', None]"],
    [{ limit_of_users: -1 }, "Action organization.update: data.limit_of_users must be bigger than or equal to 0"],
  ];
  for (const [data, message] of cases) {
    const answer = await run(suite.admin, "organization.update", { id: 1, name: "never", ...data });
    assert.equal(answer.status, 400, JSON.stringify(data));
    assert.equal(answer.body.message, message);
  }
  const timeZone = await run(suite.admin, "organization.update", { id: 1, name: "never", time_zone: "Mars/Elysium_Planitia" });
  assert.equal(timeZone.status, 400);
  assert.ok(
    String(timeZone.body.message).includes('new row for relation "organization_t" violates check constraint "timezone_organization_time_zone"'),
    timeZone.body.message,
  );
  assert.equal((await organization(["name"]))?.name, "testtest");
});

test("limits may not go below the active meetings / users", async () => {
  await setLevel(null);
  const users = await run(suite.admin, "organization.update", { id: 1, limit_of_users: 2 });
  assert.equal(users.status, 400);
  assert.equal(users.body.message, "Active users: 3. You cannot set the limit lower.");
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/3", fields: { is_active: false } }]));
  assert.equal((await run(suite.admin, "organization.update", { id: 1, limit_of_users: 2 })).status, 200);
  assert.equal((await run(suite.admin, "organization.update", { id: 1, limit_of_users: 0, limit_of_meetings: 0 })).status, 200, "0 means no limit");
  const created = await run(suite.admin, "meeting.create", { committee_id: 1, name: "Second", language: "en", set_as_template: true });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const meetings = await run(suite.admin, "organization.update", { id: 1, limit_of_meetings: 1 });
  assert.equal(meetings.status, 400);
  assert.equal(meetings.body.message, "Your organization has 2 active meetings. You cannot set the limit lower.");
  assert.equal((await run(suite.admin, "organization.update", { id: 1, limit_of_meetings: 2 })).status, 200);
  assert.deepEqual(await organization(["limit_of_meetings", "limit_of_users"]), { id: 1, limit_of_meetings: 2, limit_of_users: 0 });
});

test("group A needs can_manage_organization, group B superadmin", async () => {
  await setLevel("can_manage_users");
  const deniedA = await run(suite.delegate, "organization.update", { id: 1, name: "blablabla" });
  assert.equal(deniedA.status, 403);
  assert.equal(deniedA.body.message, "You are not allowed to perform action organization.update. Missing OrganizationManagementLevel: can_manage_organization");
  await setLevel("can_manage_organization");
  const allowedA = await run(suite.delegate, "organization.update", { id: 1, name: "blablabla", users_email_replyto: "x@example.com" });
  assert.equal(allowedA.status, 200, JSON.stringify(allowedA.body));
  assert.equal((await organization(["name"]))?.name, "blablabla");
  const groupB = { reset_password_verbose_errors: true, enable_electronic_voting: true, limit_of_meetings: 2, limit_of_users: 1, url: "test", enable_anonymous: false, saml_private_key: "k" };
  for (const [field, value] of Object.entries(groupB)) {
    const denied = await run(suite.delegate, "organization.update", { id: 1, [field]: value });
    assert.equal(denied.status, 403, field);
    assert.equal(denied.body.message, "You are not allowed to perform action organization.update. Missing OrganizationManagementLevel: superadmin");
  }
  const mixed = await run(suite.delegate, "organization.update", { id: 1, name: "mixed", url: "test" });
  assert.equal(mixed.status, 403);
  assert.equal((await organization(["name", "url"]))?.name, "blablabla");
  await setLevel(null);
  const none = await run(suite.delegate, "organization.update", { id: 1, enable_chat: false });
  assert.equal(none.status, 403);
  assert.equal(none.body.message, "You are not allowed to perform action organization.update. Missing OrganizationManagementLevel: superadmin");
  const nothing = await run(suite.delegate, "organization.update", { id: 1 });
  assert.equal(nothing.status, 200, "no field, no permission needed");
});
