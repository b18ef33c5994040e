// account.json_upload / account.import over HTTP on the example data: preview rows for new,
// existing and duplicated accounts, conversions, generated usernames and passwords, the accounts
// created / updated from the preview, permissions and bad payloads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const model = (fqid: string, fields?: string[]) => suite.server.db.get(fqid, fields);
const previewIds = async () => [...(await suite.server.db.filter("import_preview", undefined, ["id"])).keys()];
const userByName = async (username: string) =>
  [...(await suite.server.db.filter("user", { field: "username", operator: "=", value: username }, ["id"])).keys()][0];

async function write(events: Array<{ type: "create" | "update"; fqid: string; fields: Record<string, unknown> }>): Promise<void> {
  await suite.server.db.transaction((tx) => tx.write(events));
}

describe("account.json_upload", () => {
  test("a new account: conversions, unknown cells dropped, gender found, preview stored", async () => {
    const started = Math.floor(Date.now() / 1000);
    const answer = await suite.run(suite.admin, "account.json_upload", {
      data: [
        { username: "test", default_password: "secret", is_active: "1", is_physical_person: "F", default_vote_weight: "1.12", wrong: 15, gender: "female" },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const result = answer.body.results[0][0];
    assert.deepEqual(result.rows[0], {
      state: "new",
      messages: [],
      data: {
        username: { value: "test", info: "done" },
        default_password: { value: "secret", info: "done" },
        is_active: { value: true, info: "done" },
        is_physical_person: { value: false, info: "done" },
        default_vote_weight: { value: "1.120000", info: "done" },
        gender: { id: 2, value: "female", info: "done" },
      },
    });
    assert.deepEqual(result.statistics, [
      { name: "total", value: 1 },
      { name: "created", value: 1 },
      { name: "updated", value: 0 },
      { name: "error", value: 0 },
      { name: "warning", value: 0 },
    ]);
    assert.equal(result.state, "done");
    assert.equal(result.headers.length, 15);
    assert.deepEqual(result.headers.at(-1), { property: "default_vote_weight", type: "decimal", is_object: true });
    const preview = await model(`import_preview/${result.id}`);
    assert.equal(preview?.name, "account");
    assert.equal(preview?.state, "done");
    assert.deepEqual((preview?.result as any).rows, result.rows);
    assert.ok((preview?.created as number) >= started);
  });

  test("no names: the generated empty username is an error row; generated username and password", async () => {
    const answer = await suite.run(suite.admin, "account.json_upload", { data: [{}, { first_name: "Max", last_name: "Mü ller" }] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const [first, second] = answer.body.results[0][0].rows;
    assert.deepEqual(first, {
      state: "error",
      messages: ["Cannot generate username. Missing one of first_name, last_name."],
      data: { username: { value: "", info: "generated" } },
    });
    assert.equal(second.state, "new");
    assert.deepEqual(second.data.username, { value: "MaxMüller", info: "generated" });
    assert.equal(second.data.default_password.info, "generated");
    assert.equal(typeof second.data.default_password.value, "string");
    assert.equal(answer.body.results[0][0].state, "error");
  });

  test("found by username, saml_id and names+email at once: duplicates are errors", async () => {
    await write([
      {
        type: "create",
        fqid: "user/30",
        fields: { id: 30, username: "dupe", saml_id: "12345", first_name: "Max", last_name: "Mustermann", email: "max@mustermann.org", organization_id: 1 },
      },
    ]);
    const answer = await suite.run(suite.admin, "account.json_upload", {
      data: [{ username: "dupe" }, { saml_id: "12345" }, { first_name: "Max", last_name: "Mustermann", email: "max@mustermann.org" }],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.results[0][0].rows, [
      { state: "error", messages: ["Found more users with the same username"], data: { username: { value: "dupe", info: "error" } } },
      {
        state: "error",
        messages: ["The account with id 30 was found multiple times by different search criteria."],
        data: { saml_id: { value: "12345", info: "done" }, id: 30, username: { value: "dupe", info: "done", id: 30 } },
      },
      {
        state: "error",
        messages: ["The account with id 30 was found multiple times by different search criteria."],
        data: {
          first_name: { value: "Max", info: "done" },
          last_name: { value: "Mustermann", info: "done" },
          email: { value: "max@mustermann.org", info: "done" },
          id: 30,
          username: { value: "dupe", info: "done", id: 30 },
        },
      },
    ]);
  });

  test("row errors: duplicated username in data, bad e-mail, unknown gender and home committee, zero vote weight", async () => {
    const answer = await suite.run(suite.admin, "account.json_upload", {
      data: [
        { username: "twice", default_password: "secret" },
        { username: "twice", default_password: "secret" },
        { username: "mail", email: "no-mail" },
        { username: "gender", gender: "unknown" },
        { username: "hc", home_committee: "nowhere" },
        { username: "vw", default_vote_weight: "0" },
        { username: "with space" },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const rows = answer.body.results[0][0].rows;
    assert.deepEqual(rows[0].messages, ["Found more users with the same username"]);
    assert.deepEqual(rows[1].messages, ["Found more users with the same username"]);
    assert.deepEqual(rows[2].messages, ["Error: 'no-mail' is not a valid email address."]);
    assert.deepEqual(rows[2].data.email, { value: "no-mail", info: "error" });
    assert.deepEqual(rows[3].messages, ["Error: Gender 'unknown' is not in the allowed gender list. Please choose a valid gender option."]);
    assert.deepEqual(rows[4].messages, ["Error: Home committee not found."]);
    assert.deepEqual(rows[4].data.external, { value: false, info: "generated" });
    assert.deepEqual(rows[5].messages, ["default_vote_weight must be bigger than or equal to 0.000001."]);
    assert.deepEqual(rows[5].data.default_vote_weight, { value: "0.000000", info: "error" });
    assert.deepEqual(rows[6].messages, ["Error: Empty spaces not allowed in new usernames"]);
    assert.ok(rows.every((row: any) => row.state === "error"));
    assert.equal(answer.body.results[0][0].state, "error");
    assert.deepEqual(answer.body.results[0][0].statistics[3], { name: "error", value: 7 });
  });

  test("saml_id: duplicated in the data or already used by another account; the default password is ignored", async () => {
    let answer = await suite.run(suite.admin, "account.json_upload", {
      data: [{ saml_id: "s-12345" }, { saml_id: "s-12345", default_password: "def_password" }],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    let result = answer.body.results[0][0];
    assert.deepEqual(result.rows, [
      { state: "error", messages: ["saml_id s-12345 must be unique."], data: { username: { value: "s-12345", info: "generated" }, saml_id: { value: "s-12345", info: "error" } } },
      {
        state: "error",
        messages: [
          "saml_id s-12345 must be unique.",
          "Because this account is connected with a saml_id: The default_password will be ignored and password will not be changeable in OpenSlides.",
        ],
        data: {
          username: { value: "s-123451", info: "generated" },
          saml_id: { value: "s-12345", info: "error" },
          default_password: { info: "warning", value: "" },
        },
      },
    ]);
    assert.deepEqual(result.statistics, [
      { name: "total", value: 2 },
      { name: "created", value: 0 },
      { name: "updated", value: 0 },
      { name: "error", value: 2 },
      { name: "warning", value: 1 },
    ]);
    await write([{ type: "create", fqid: "user/31", fields: { id: 31, username: "samlowner", saml_id: "taken", default_password: "test1", organization_id: 1 } }]);
    answer = await suite.run(suite.admin, "account.json_upload", {
      data: [{ username: "samltest2", saml_id: "taken", first_name: "John", default_password: "test2" }],
    });
    result = answer.body.results[0][0];
    assert.deepEqual(result.rows, [
      {
        state: "error",
        messages: [
          "saml_id taken must be unique.",
          "Because this account is connected with a saml_id: The default_password will be ignored and password will not be changeable in OpenSlides.",
        ],
        data: {
          username: { value: "samltest2", info: "done" },
          saml_id: { value: "taken", info: "error" },
          first_name: { value: "John", info: "done" },
          default_password: { value: "", info: "warning" },
        },
      },
    ]);
    assert.equal(result.state, "error");
  });

  test("bad payloads: empty data, a bad boolean, a field of the wrong type; nothing written", async () => {
    const before = await previewIds();
    let answer = await suite.run(suite.admin, "account.json_upload", { data: [] });
    assert.equal(answer.status, 400);
    assert.match(answer.body.message, /data\.data must contain at least 1 items/);
    answer = await suite.run(suite.admin, "account.json_upload", { data: [{ username: "test", is_physical_person: "X50" }] });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Invalid format for column {{field}}: Got {{content}}; expected boolean (e.g. '1' for yes, '0' for no)");
    assert.deepEqual(answer.body.message_args, { field: "is_physical_person", content: "X50" });
    answer = await suite.run(suite.admin, "account.json_upload", { data: [{ username: 5 }] });
    assert.equal(answer.status, 400);
    assert.deepEqual(await previewIds(), before);
  });

  test("a delegate without can_manage_users is denied", async () => {
    const answer = await suite.run(suite.delegate, "account.json_upload", { data: [{ username: "x" }] });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, "You are not allowed to perform action account.json_upload. Missing OrganizationManagementLevel: can_manage_users");
  });
});

describe("account.import", () => {
  test("json_upload then import creates new accounts and updates existing ones", async () => {
    await write([{ type: "create", fqid: "user/40", fields: { id: 40, username: "existing", first_name: "Old", organization_id: 1 } }]);
    const upload = await suite.run(suite.admin, "account.json_upload", {
      data: [
        { username: "fresh", first_name: "Fresh", default_password: "pw", gender: "male", default_vote_weight: "2.5" },
        { username: "existing", first_name: "New", email: "new@example.org" },
      ],
    });
    assert.equal(upload.status, 200, JSON.stringify(upload.body));
    const preview = upload.body.results[0][0];
    assert.deepEqual(
      preview.rows.map((row: any) => row.state),
      ["new", "done"],
    );
    const answer = await suite.run(suite.admin, "account.import", { id: preview.id, import: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.results[0][0].state, "done");
    assert.deepEqual(answer.body.results[0][0].rows, preview.rows);

    const freshId = await userByName("fresh");
    assert.ok(freshId);
    const fresh = await model(`user/${freshId}`);
    assert.deepEqual([fresh?.first_name, fresh?.default_password, fresh?.gender_id, fresh?.default_vote_weight], ["Fresh", "pw", 1, "2.500000"]);
    assert.ok(((await model("gender/1", ["user_ids"]))?.user_ids as number[]).includes(freshId));
    const existing = await model("user/40");
    assert.deepEqual([existing?.first_name, existing?.email], ["New", "new@example.org"]);
    assert.equal(await model(`import_preview/${preview.id}`), undefined);
  });

  test("an SSO account is created without a usable password; an existing account gets its saml_id", async () => {
    await write([{ type: "create", fqid: "user/42", fields: { id: 42, username: "gets-saml", default_password: "old", can_change_own_password: true, organization_id: 1 } }]);
    const upload = await suite.run(suite.admin, "account.json_upload", {
      data: [{ username: "sso-user", saml_id: "sso-1" }, { username: "gets-saml", saml_id: "sso-2" }],
    });
    assert.equal(upload.status, 200, JSON.stringify(upload.body));
    const preview = upload.body.results[0][0];
    assert.deepEqual(preview.rows[1].data, {
      username: { value: "gets-saml", info: "done", id: 42 },
      saml_id: { value: "sso-2", info: "new" },
      default_password: { value: "", info: "warning" },
      id: 42,
    });
    const answer = await suite.run(suite.admin, "account.import", { id: preview.id, import: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const sso = await model(`user/${await userByName("sso-user")}`);
    assert.equal(sso?.saml_id, "sso-1");
    assert.ok(!sso?.default_password);
    const updated = await model("user/42");
    assert.deepEqual([updated?.saml_id, updated?.default_password || "", updated?.can_change_own_password], ["sso-2", "", false]);
  });

  test("a row whose user appeared since the upload ends in error; the preview stays", async () => {
    const upload = await suite.run(suite.admin, "account.json_upload", { data: [{ username: "racer", first_name: "R" }] });
    const previewId = upload.body.results[0][0].id;
    await write([{ type: "create", fqid: "user/41", fields: { id: 41, username: "racer", organization_id: 1 } }]);
    const answer = await suite.run(suite.admin, "account.import", { id: previewId, import: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const result = answer.body.results[0][0];
    assert.equal(result.state, "error");
    assert.equal(result.rows[0].state, "error");
    assert.deepEqual(result.rows[0].messages, ["Error: row state expected to be 'done', but it is 'new'."]);
    assert.deepEqual(result.rows[0].data.username, { value: "racer", info: "error" });
    assert.ok(await model(`import_preview/${previewId}`));
  });

  test("import=false deletes the preview only; wrong or failed previews are refused", async () => {
    const upload = await suite.run(suite.admin, "account.json_upload", { data: [{ username: "aborted" }] });
    const previewId = upload.body.results[0][0].id;
    let answer = await suite.run(suite.admin, "account.import", { id: previewId, import: false });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(await userByName("aborted"), undefined);
    assert.equal(await model(`import_preview/${previewId}`), undefined);

    await write([{ type: "create", fqid: "import_preview/90", fields: { id: 90, name: "topic", state: "done", created: 1, result: { rows: [] } } }]);
    answer = await suite.run(suite.admin, "account.import", { id: 90, import: true });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Wrong id doesn't point on account import data.");
    await write([{ type: "create", fqid: "import_preview/91", fields: { id: 91, name: "account", state: "error", created: 1, result: { rows: [] } } }]);
    answer = await suite.run(suite.admin, "account.import", { id: 91, import: true });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Error in import. Data will not be imported.");
    assert.ok(await model("import_preview/91"));
  });

  test("fields the caller may not change are marked remove, skipped at import and re-checked against the preview", async () => {
    await write([{ type: "update", fqid: "user/2", fields: { organization_management_level: "can_manage_users" } }]);
    try {
      const upload = await suite.run(suite.delegate, "account.json_upload", { data: [{ username: "admin", first_name: "Changed" }] });
      assert.equal(upload.status, 200, JSON.stringify(upload.body));
      const preview = upload.body.results[0][0];
      assert.deepEqual(preview.rows[0], {
        state: "done",
        messages: ["Account is updated, but changes to the following field(s) are not possible: username, first_name"],
        data: { username: { value: "admin", info: "remove", id: 1 }, first_name: { value: "Changed", info: "remove" }, id: 1 },
      });
      const answer = await suite.run(suite.delegate, "account.import", { id: preview.id, import: true });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.results[0][0].state, "done");
      assert.equal((await model("user/1"))?.first_name ?? null, null);

      const second = await suite.run(suite.delegate, "account.json_upload", { data: [{ username: "admin", first_name: "Changed" }] });
      await write([{ type: "update", fqid: "user/1", fields: { organization_management_level: "can_manage_users" } }]);
      const reImport = await suite.run(suite.delegate, "account.import", { id: second.body.results[0][0].id, import: true });
      await write([{ type: "update", fqid: "user/1", fields: { organization_management_level: "superadmin" } }]);
      assert.equal(reImport.status, 200, JSON.stringify(reImport.body));
      const row = reImport.body.results[0][0].rows[0];
      assert.deepEqual(row.messages.at(-1), "In contrast to preview you may import field(s) 'first_name, username'");
      assert.equal((await model("user/1"))?.first_name, "Changed");
      await write([{ type: "update", fqid: "user/1", fields: { first_name: null } }]);
    } finally {
      await write([{ type: "update", fqid: "user/2", fields: { organization_management_level: null } }]);
    }
  });

  test("refused fields are listed group by group as upstream lists them (default_password after group A)", async () => {
    await write([{ type: "update", fqid: "user/2", fields: { organization_management_level: "can_manage_users" } }]);
    try {
      const data = [{ username: "admin", first_name: "Changed", default_password: "secret", email: "admin@example.com", is_active: "1" }];
      const upload = await suite.run(suite.delegate, "account.json_upload", { data });
      assert.equal(upload.status, 200, JSON.stringify(upload.body));
      assert.deepEqual(upload.body.results[0][0].rows[0].messages, [
        "Account is updated, but changes to the following field(s) are not possible: username, first_name, email, is_active, default_password",
      ]);
    } finally {
      await write([{ type: "update", fqid: "user/2", fields: { organization_management_level: null } }]);
    }
  });

  test("external is refused with a home committee the caller does not manage, as upstream's group J check", async () => {
    await write([{ type: "update", fqid: "user/2", fields: { organization_management_level: "can_manage_users" } }]);
    try {
      const data = [{ username: "homeless", home_committee: "Default committee", external: "0" }];
      const upload = await suite.run(suite.delegate, "account.json_upload", { data });
      assert.equal(upload.status, 200, JSON.stringify(upload.body));
      assert.deepEqual(upload.body.results[0][0].rows[0].messages, [
        "Account is updated, but changes to the following field(s) are not possible: home_committee, external",
      ]);
    } finally {
      await write([{ type: "update", fqid: "user/2", fields: { organization_management_level: null } }]);
    }
  });

  test("a delegate is denied", async () => {
    await write([{ type: "create", fqid: "import_preview/92", fields: { id: 92, name: "account", state: "done", created: 1, result: { rows: [] } } }]);
    const answer = await suite.run(suite.delegate, "account.import", { id: 92, import: true });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, "You are not allowed to perform action account.import. Missing OrganizationManagementLevel: can_manage_users");
    assert.ok(await model("import_preview/92"));
  });
});
