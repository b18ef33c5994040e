// participant.json_upload / participant.import over HTTP on the example data (meeting 1): preview
// rows with groups, structure levels and meeting fields, the last-admin check, the accounts,
// meeting users, new groups / structure levels and presence from the import, permissions.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const model = (fqid: string, fields?: string[]) => suite.server.db.get(fqid, fields);
const previewIds = async () => [...(await suite.server.db.filter("import_preview", undefined, ["id"])).keys()];
const firstId = async (collection: string, field: string, value: unknown) =>
  [...(await suite.server.db.filter(collection, { field, operator: "=", value }, ["id"])).keys()][0];

describe("participant.json_upload", () => {
  test("a new participant: groups and structure levels found or new, meeting fields converted", async () => {
    const answer = await suite.run(suite.admin, "participant.json_upload", {
      meeting_id: 1,
      data: [
        {
          username: "ptest",
          default_password: "secret",
          is_active: "1",
          is_physical_person: "F",
          number: "strange number",
          structure_level: "Test structure level, notfound",
          vote_weight: "1.12",
          comment: "my comment",
          is_present: "0",
          groups: "Delegates, notfound_group1, notfound_group2",
          wrong: 15,
        },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const result = answer.body.results[0][0];
    assert.deepEqual(result.rows[0], {
      state: "new",
      messages: [],
      data: {
        username: { value: "ptest", info: "done" },
        default_password: { value: "secret", info: "done" },
        is_active: { value: true, info: "done" },
        is_physical_person: { value: false, info: "done" },
        number: { value: "strange number", info: "done" },
        structure_level: [
          { value: "Test structure level", info: "done", id: 1 },
          { value: "notfound", info: "new" },
        ],
        vote_weight: { value: "1.120000", info: "done" },
        comment: { value: "my comment", info: "done" },
        is_present: { value: false, info: "done" },
        groups: [
          { value: "Delegates", info: "done", id: 5 },
          { value: "notfound_group1", info: "new" },
          { value: "notfound_group2", info: "new" },
        ],
      },
    });
    assert.deepEqual(result.statistics.slice(5), [
      { name: "structure levels created", value: 1 },
      { name: "groups created", value: 2 },
    ]);
    assert.equal(result.state, "done");
    assert.deepEqual(result.headers.find((header: any) => header.property === "groups"), { property: "groups", type: "string", is_object: true, is_list: true });
    const preview = await model(`import_preview/${result.id}`);
    assert.equal(preview?.name, "participant");
    assert.equal((preview?.result as any).meeting_id, 1);
  });

  test("an update that drops the only admin is an error row; without groups the default group is generated", async () => {
    const answer = await suite.run(suite.admin, "participant.json_upload", { meeting_id: 1, data: [{ username: "admin" }] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.results[0][0].rows[0], {
      state: "error",
      messages: ["Error: Cannot remove last member of admin group"],
      data: {
        id: 1,
        username: { id: 1, value: "admin", info: "done" },
        groups: [
          { value: "Default", info: "generated", id: 1 },
          { value: "", info: "error" },
        ],
      },
    });
  });

  test("bad payloads: empty data, no meeting, a repeated group, unknown meeting; nothing written", async () => {
    const before = await previewIds();
    let answer = await suite.run(suite.admin, "participant.json_upload", { meeting_id: 1, data: [] });
    assert.equal(answer.status, 400);
    assert.match(answer.body.message, /data\.data must contain at least 1 items/);
    answer = await suite.run(suite.admin, "participant.json_upload", { data: [{ username: "x" }] });
    assert.equal(answer.status, 400);
    assert.match(answer.body.message, /data must contain \['meeting_id'\] properties/);
    answer = await suite.run(suite.admin, "participant.json_upload", { meeting_id: 1, data: [{ username: "x", groups: ["Delegates", "Delegates"] }] });
    assert.equal(answer.status, 400);
    assert.match(answer.body.message, /data\.data\[0\]\.groups must contain unique items/);
    answer = await suite.run(suite.admin, "participant.json_upload", { meeting_id: 999, data: [{ username: "x" }] });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Import tries to use non-existent meeting 999");
    assert.deepEqual(await previewIds(), before);
  });

  test("a meeting manager may not change account fields of a user with a higher organization level", async () => {
    const groupBefore = await model("group/5", ["permissions"]);
    await suite.server.db.transaction((tx) =>
      tx.write([
        { type: "update", fqid: "group/5", fields: { permissions: [...((groupBefore?.permissions as string[]) ?? []), "user.can_manage"] } },
        { type: "update", fqid: "user/3", fields: { organization_management_level: "can_manage_organization" } },
      ]),
    );
    try {
      const answer = await suite.run(suite.delegate, "participant.json_upload", {
        meeting_id: 1,
        data: [{ username: "b", email: "Jim.Knopf@@Lummer.land", vote_weight: "1.23456" }],
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const row = answer.body.results[0][0].rows[0];
      assert.equal(row.state, "error");
      assert.deepEqual(row.messages, [
        "Error: 'Jim.Knopf@@Lummer.land' is not a valid email address.",
        "Account is added to the meeting, but changes to the following field(s) are not possible: username, email",
      ]);
      assert.deepEqual(row.data, {
        id: 3,
        username: { value: "b", info: "remove", id: 3 },
        email: { value: "Jim.Knopf@@Lummer.land", info: "error" },
        vote_weight: { value: "1.234560", info: "done" },
        groups: [{ id: 1, info: "generated", value: "Default" }],
      });
    } finally {
      await suite.server.db.transaction((tx) =>
        tx.write([
          { type: "update", fqid: "group/5", fields: { permissions: groupBefore?.permissions ?? null } },
          { type: "update", fqid: "user/3", fields: { organization_management_level: null } },
        ]),
      );
    }
  });

  test("a delegate without user.can_manage is denied", async () => {
    const answer = await suite.run(suite.delegate, "participant.json_upload", { meeting_id: 1, data: [{ username: "x" }] });
    assert.equal(answer.status, 403);
    assert.equal(
      answer.body.message,
      "You are not allowed to perform action participant.json_upload. Missing permissions: Permission user.can_manage in meeting 1 or OrganizationManagementLevel can_manage_organization in organization 1 or CommitteeManagementLevel can_manage in committee 1",
    );
  });
});

describe("participant.import", () => {
  test("json_upload then import creates the account, its meeting user, new group and structure level, presence", async () => {
    const upload = await suite.run(suite.admin, "participant.json_upload", {
      meeting_id: 1,
      data: [
        { username: "imported", first_name: "Imp", groups: "Staff, Importers", structure_level: "Imported level", number: "42", vote_weight: "2", is_present: "1" },
        { username: "b", comment: "updated b" },
      ],
    });
    assert.equal(upload.status, 200, JSON.stringify(upload.body));
    const preview = upload.body.results[0][0];
    assert.deepEqual(
      preview.rows.map((row: any) => row.state),
      ["new", "done"],
    );
    const answer = await suite.run(suite.admin, "participant.import", { id: preview.id, import: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.results[0][0].state, "done");

    const userId = (await firstId("user", "username", "imported"))!;
    const groupId = (await firstId("group", "name", "Importers"))!;
    const levelId = (await firstId("structure_level", "name", "Imported level"))!;
    assert.ok(userId && groupId && levelId);
    assert.equal((await model(`group/${groupId}`))?.meeting_id, 1);
    const user = await model(`user/${userId}`);
    assert.equal(user?.first_name, "Imp");
    assert.deepEqual(user?.is_present_in_meeting_ids, [1]);
    assert.ok(((await model("meeting/1", ["present_user_ids"]))?.present_user_ids as number[]).includes(userId));
    const meetingUser = await model(`meeting_user/${(user?.meeting_user_ids as number[])[0]}`);
    assert.deepEqual(
      [meetingUser?.meeting_id, meetingUser?.number, meetingUser?.vote_weight, meetingUser?.group_ids, meetingUser?.structure_level_ids],
      [1, "42", "2.000000", [3, groupId], [levelId]],
    );
    assert.ok(((await model(`group/${groupId}`, ["meeting_user_ids"]))?.meeting_user_ids as number[]).includes(meetingUser!.id as number));
    assert.ok(((await model("group/3", ["meeting_user_ids"]))?.meeting_user_ids as number[]).includes(meetingUser!.id as number));
    const b = await model("meeting_user/3");
    assert.equal(b?.comment, "updated b");
    assert.deepEqual(b?.group_ids, [1]);
    assert.equal(await model(`import_preview/${preview.id}`), undefined);
  });

  test("a group renamed since the upload is a warning and, with no other group, an error", async () => {
    const upload = await suite.run(suite.admin, "participant.json_upload", { meeting_id: 1, data: [{ username: "renamer", groups: "Staff" }] });
    const previewId = upload.body.results[0][0].id;
    await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "group/3", fields: { name: "Staff renamed" } }]));
    const answer = await suite.run(suite.admin, "participant.import", { id: previewId, import: true });
    await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "group/3", fields: { name: "Staff" } }]));
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const result = answer.body.results[0][0];
    assert.equal(result.state, "error");
    assert.deepEqual(result.rows[0].messages, [
      "The group '3 Staff' changed its name to 'Staff renamed'.",
      "Error in groups: No valid group found inside the pre-checked groups from import, see warnings.",
    ]);
    assert.deepEqual(result.rows[0].data.groups, [{ value: "Staff", info: "error", id: 3 }]);
    assert.equal(await firstId("user", "username", "renamer"), undefined);
    assert.ok(await model(`import_preview/${previewId}`));
  });

  test("a delegate is denied; a preview of another kind is refused", async () => {
    const upload = await suite.run(suite.admin, "participant.json_upload", { meeting_id: 1, data: [{ username: "denied" }] });
    const previewId = upload.body.results[0][0].id;
    let answer = await suite.run(suite.delegate, "participant.import", { id: previewId, import: true });
    assert.equal(answer.status, 403);
    assert.match(answer.body.message, /^You are not allowed to perform action participant\.import\. Missing permissions: Permission user\.can_manage in meeting 1/);
    answer = await suite.run(suite.admin, "account.import", { id: previewId, import: true });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Wrong id doesn't point on account import data.");
    assert.ok(await model(`import_preview/${previewId}`));
  });
});
