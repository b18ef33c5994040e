// committee.json_upload / committee.import over HTTP on the example data: preview rows for new and
// existing committees with tags, managers, parents and meetings; the committees, tags and
// meetings created from the preview, parent circles, permissions and bad payloads.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const model = (fqid: string, fields?: string[]) => suite.server.db.get(fqid, fields);
const previewIds = async () => [...(await suite.server.db.filter("import_preview", undefined, ["id"])).keys()];
const byName = async (collection: string, name: string) =>
  [...(await suite.server.db.filter(collection, { field: "name", operator: "=", value: name }, ["id"])).keys()];

describe("committee.json_upload", () => {
  test("a name repeated in a list is refused (organization_tags must contain unique items)", async () => {
    const before = await previewIds();
    const answer = await suite.run(suite.admin, "committee.json_upload", { data: [{ name: "n1", organization_tags: ["ot1", "ot2", "ot1"] }] });
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.match(answer.body.message, /organization_tags must contain unique items/);
    assert.deepEqual(await previewIds(), before);
  });

  test("a new committee with tag, manager, forwarding and meeting; the existing committee is updated", async () => {
    const answer = await suite.run(suite.admin, "committee.json_upload", {
      data: [
        {
          name: "Imported committee",
          description: "desc",
          organization_tags: "fresh tag",
          managers: "admin, nobody",
          forward_to_committees: "Default committee",
          meeting_name: "Imported meeting",
          meeting_start_time: "2026-03-01",
          meeting_end_time: "2026-03-02",
          meeting_time_zone: "Europe/Berlin",
          meeting_admins: "admin",
          parent: "Default committee",
          wrong: 1,
        },
        { name: "Default committee", description: "updated" },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const result = answer.body.results[0][0];
    const [first, second] = result.rows;
    assert.equal(first.state, "new");
    assert.deepEqual(first.messages, ["Following values of managers were not found: 'nobody'"]);
    assert.deepEqual(first.data, {
      name: { value: "Imported committee", info: "new" },
      description: "desc",
      organization_tags: [{ value: "fresh tag", info: "new" }],
      managers: [
        { value: "admin", info: "done", id: 1 },
        { value: "nobody", info: "warning" },
      ],
      forward_to_committees: [{ value: "Default committee", info: "done", id: 1 }],
      meeting_name: "Imported meeting",
      meeting_start_time: 1772319600,
      meeting_end_time: 1772406000,
      meeting_time_zone: { value: "Europe/Berlin", info: "done" },
      meeting_admins: [{ value: "admin", info: "done", id: 1 }],
      parent: { value: "Default committee", info: "done", id: 1 },
    });
    assert.deepEqual(second, { state: "done", messages: [], data: { name: { value: "Default committee", info: "done", id: 1 }, description: "updated", id: 1 } });
    assert.deepEqual(result.statistics, [
      { name: "total", value: 2 },
      { name: "created", value: 1 },
      { name: "updated", value: 1 },
      { name: "error", value: 0 },
      { name: "warning", value: 1 },
      { name: "meetings_created", value: 1 },
      { name: "meetings_cloned", value: 0 },
      { name: "organization_tags_created", value: 1 },
    ]);
    assert.equal(result.state, "warning");
    assert.equal((await model(`import_preview/${result.id}`))?.name, "committee");
  });

  test("row errors: a meeting without admins, bad time zone, only a start time, a parent circle", async () => {
    const answer = await suite.run(suite.admin, "committee.json_upload", {
      data: [
        { name: "No admins", meeting_name: "m" },
        { name: "Bad zone", meeting_name: "m", meeting_admins: "admin", meeting_time_zone: "Mars/Base" },
        { name: "Half", meeting_name: "m", meeting_admins: "admin", meeting_start_time: "2026-01-01" },
        { name: "Circle A", parent: "Circle B" },
        { name: "Circle B", parent: "Circle A" },
        { name: "Lonely", meeting_admins: "admin" },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const rows = answer.body.results[0][0].rows;
    assert.deepEqual(rows[0].messages, ["Error: Meeting cannot be created without admins"]);
    assert.deepEqual(rows[0].data.meeting_admins, [{ value: "", info: "error" }]);
    assert.deepEqual(rows[1].messages, ["Error: Invalid timezone format: 'Mars/Base' (expected valid timezone name)"]);
    assert.deepEqual(rows[2].messages, [
      "Since no timezone was given, the dates will be interpreted as being in the 'UTC' zone.".replace("UTC", rows[2].messages[0].match(/'(.*)'/)[1]),
      "Error: Only one of start_time and end_time is not allowed.",
    ]);
    assert.deepEqual(rows[3].messages, ["Error: The parents are forming circles, please rework the hierarchy"]);
    assert.deepEqual(rows[4].data.parent, { value: "Circle A", info: "error" });
    assert.deepEqual(rows[5].messages, ["No meeting will be created without meeting_name"]);
    assert.deepEqual(
      rows.map((row: any) => row.state),
      ["error", "error", "error", "error", "error", "new"],
    );
    assert.equal(answer.body.results[0][0].state, "error");
  });

  test("a name twice in the file is an error row, also for an existing committee", async () => {
    const answer = await suite.run(suite.admin, "committee.json_upload", { data: [{ name: "Default committee" }, { name: "Default committee" }, { name: "n1" }, { name: "n1" }] });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    for (const row of answer.body.results[0][0].rows) {
      assert.equal(row.state, "error");
      assert.deepEqual(row.messages, ["Error: Found multiple committees with the same name."]);
      assert.equal(row.data.name.info, "error");
    }
  });

  test("bad payloads: no name, a bad date; nothing written", async () => {
    const before = await previewIds();
    let answer = await suite.run(suite.admin, "committee.json_upload", { data: [{ description: "x" }] });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Action committee.json_upload: data.data[0] must contain ['name'] properties");
    answer = await suite.run(suite.admin, "committee.json_upload", { data: [{ name: "x", meeting_start_time: "2026-13-01" }] });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.message, "Invalid date for column {{field}}: Got {{content}}; expected format YYYY-MM-DD");
    assert.deepEqual(answer.body.message_args, { field: "meeting_start_time", content: "2026-13-01" });
    assert.deepEqual(await previewIds(), before);
  });

  test("a delegate without can_manage_organization is denied", async () => {
    const answer = await suite.run(suite.delegate, "committee.json_upload", { data: [{ name: "x" }] });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, "You are not allowed to perform action committee.json_upload. Missing OrganizationManagementLevel: can_manage_organization");
  });
});

describe("committee.import", () => {
  test("json_upload then import creates the tag, the committee with its relations and the meeting", async () => {
    const upload = await suite.run(suite.admin, "committee.json_upload", {
      data: [
        {
          name: "Import target",
          description: "desc",
          organization_tags: "import tag",
          managers: "admin",
          forward_to_committees: "Default committee",
          parent: "Default committee",
          meeting_name: "Import meeting",
          meeting_admins: "admin",
        },
        { name: "Import child", parent: "Import target" },
      ],
    });
    assert.equal(upload.status, 200, JSON.stringify(upload.body));
    const previewId = upload.body.results[0][0].id;
    const answer = await suite.run(suite.admin, "committee.import", { id: previewId, import: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.results[0][0].state, "done");

    const [committeeId] = await byName("committee", "Import target");
    const [childId] = await byName("committee", "Import child");
    const [tagId] = await byName("organization_tag", "import tag");
    const [meetingId] = await byName("meeting", "Import meeting");
    assert.ok(committeeId && childId && tagId && meetingId);
    const committee = await model(`committee/${committeeId}`);
    assert.equal(committee?.description, "desc");
    assert.deepEqual(committee?.organization_tag_ids, [tagId]);
    assert.deepEqual(committee?.manager_ids, [1]);
    assert.deepEqual(committee?.forward_to_committee_ids, [1]);
    assert.equal(committee?.parent_id, 1);
    assert.deepEqual(committee?.meeting_ids, [meetingId]);
    assert.deepEqual((await model(`organization_tag/${tagId}`))?.tagged_ids, [`committee/${committeeId}`]);
    assert.equal((await model(`organization_tag/${tagId}`))?.color, "#2196f3");
    assert.ok(((await model("committee/1", ["receive_forwardings_from_committee_ids"]))?.receive_forwardings_from_committee_ids as number[]).includes(committeeId));
    assert.equal((await model(`committee/${childId}`))?.parent_id, committeeId);
    const meeting = await model(`meeting/${meetingId}`);
    assert.equal(meeting?.committee_id, committeeId);
    const adminGroup = await model(`group/${meeting?.admin_group_id}`);
    const adminMeetingUser = await model(`meeting_user/${(adminGroup?.meeting_user_ids as number[])[0]}`);
    assert.equal(adminMeetingUser?.user_id, 1);
    assert.equal(await model(`import_preview/${previewId}`), undefined);
  });

  test("a committee created since the upload makes the row an error; the preview stays", async () => {
    const upload = await suite.run(suite.admin, "committee.json_upload", { data: [{ name: "Racing committee" }] });
    const previewId = upload.body.results[0][0].id;
    await suite.run(suite.admin, "committee.create", { name: "Racing committee", organization_id: 1 });
    const answer = await suite.run(suite.admin, "committee.import", { id: previewId, import: true });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const result = answer.body.results[0][0];
    assert.equal(result.state, "error");
    assert.deepEqual(result.rows[0].messages, ["Error: row state expected to be 'done', but it is 'new'."]);
    assert.equal((await byName("committee", "Racing committee")).length, 1);
    assert.ok(await model(`import_preview/${previewId}`));
  });

  test("import=false deletes the preview; a delegate is denied", async () => {
    const upload = await suite.run(suite.admin, "committee.json_upload", { data: [{ name: "Never imported" }] });
    const previewId = upload.body.results[0][0].id;
    let answer = await suite.run(suite.delegate, "committee.import", { id: previewId, import: true });
    assert.equal(answer.status, 403);
    assert.equal(answer.body.message, "You are not allowed to perform action committee.import. Missing OrganizationManagementLevel: can_manage_organization");
    answer = await suite.run(suite.admin, "committee.import", { id: previewId, import: false });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(await byName("committee", "Never imported"), []);
    assert.equal(await model(`import_preview/${previewId}`), undefined);
  });
});
