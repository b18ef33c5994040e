// meeting.import over HTTP: meeting 1 of the example data exported (as the export presenter does)
// and imported into committee 1; users equal to existing ones are merged, others created.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { exportMeeting } from "../../src/export/export-meeting.js";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const countIn = async (collection: string, meetingId: number) =>
  (await suite.server.db.filter(collection, { field: "meeting_id", operator: "=", value: meetingId }, ["id"])).size;
const exported = async () => JSON.parse(JSON.stringify(await exportMeeting(suite.server.db, 1))) as Record<string, any>;

test("meeting.import: the export of meeting 1 as a new meeting, known users merged", async () => {
  const data = await exported();
  const answer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  assert.deepEqual(answer.body.results[0][0], { id, number_of_imported_users: 3, number_of_merged_users: 3 });
  const meeting = await suite.server.db.get(`meeting/${id}`, ["name", "committee_id", "is_active_in_organization_id", "enable_anonymous", "imported_at", "organization_tag_ids", "admin_group_id"]);
  assert.equal(meeting?.name, "OpenSlides Demo");
  assert.equal(meeting?.committee_id, 1);
  assert.equal(meeting?.is_active_in_organization_id, 1);
  assert.equal(meeting?.enable_anonymous, false);
  assert.ok(meeting?.imported_at);
  assert.equal(meeting?.organization_tag_ids, undefined);
  for (const collection of ["group", "motion", "speaker", "agenda_item", "poll", "vote", "meeting_user", "projector"]) {
    assert.equal(await countIn(collection, id), await countIn(collection, 1), collection);
  }
  assert.ok(((await suite.server.db.get("committee/1", ["meeting_ids"]))?.meeting_ids as number[]).includes(id));
  assert.ok(((await suite.server.db.get("organization/1", ["active_meeting_ids"]))?.active_meeting_ids as number[]).includes(id));
  const meetingUsers = await suite.server.db.filter("meeting_user", { field: "meeting_id", operator: "=", value: id }, ["user_id", "group_ids"]);
  assert.deepEqual([...meetingUsers.values()].map((model) => model.user_id).sort(), [1, 2, 3]);
  const admin = [...meetingUsers.values()].find((model) => model.user_id === 1);
  assert.ok((admin?.group_ids as number[]).includes(Number(meeting?.admin_group_id)));
  assert.ok(((await suite.server.db.get("user/2", ["meeting_ids"]))?.meeting_ids as number[]).includes(id));
});

test("meeting.import: new users get unique usernames, passwords and genders; the requester joins the admins", async () => {
  const data = await exported();
  const user3 = data.user["3"];
  user3.first_name = "Changed";
  user3.gender = "dragon";
  delete user3.gender_id;
  user3.is_active = true;
  const answer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  assert.deepEqual(answer.body.results[0][0], { id, number_of_imported_users: 3, number_of_merged_users: 2 });
  const meetingUsers = await suite.server.db.filter("meeting_user", { field: "meeting_id", operator: "=", value: id }, ["user_id"]);
  const newUserId = [...meetingUsers.values()].map((model) => Number(model.user_id)).find((userId) => userId > 3)!;
  const user = await suite.server.db.get(`user/${newUserId}`, ["username", "first_name", "default_password", "password", "gender_id", "meeting_ids"]);
  assert.equal(user?.username, "b1");
  assert.equal(user?.first_name, "Changed");
  assert.ok(user?.default_password);
  assert.ok(user?.password);
  assert.deepEqual(user?.meeting_ids, [id]);
  const gender = await suite.server.db.get(`gender/${Number(user?.gender_id)}`, ["name", "user_ids"]);
  assert.deepEqual(gender, { id: user?.gender_id, name: "dragon", user_ids: [newUserId] });
  assert.ok(((await suite.server.db.get("organization/1", ["gender_ids"]))?.gender_ids as number[]).includes(Number(user?.gender_id)));
});

test("meeting.import: mediafile blobs are stored under the new ids", async () => {
  const { loadFile } = await import("../../src/media/storage.js");
  const data = await exported();
  data.mediafile["50"] = { id: 50, title: "hello.txt", is_directory: false, mimetype: "text/plain", filename: "hello.txt", filesize: 5, owner_id: "meeting/1", create_timestamp: "2024-01-01T00:00:00+00:00", blob: Buffer.from("hello").toString("base64") };
  data.meeting["1"].mediafile_ids = [...(data.meeting["1"].mediafile_ids ?? []), 50];
  const answer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  const files = await suite.server.db.filter("mediafile", { field: "owner_id", operator: "=", value: `meeting/${id}` }, ["title", "create_timestamp"]);
  const file = [...files.values()].find((model) => model.title === "hello.txt")!;
  assert.equal(file.create_timestamp, 1704067200);
  const stored = await suite.server.db.transaction((tx) => loadFile(tx, Number(file.id)));
  assert.equal(stored?.data.toString(), "hello");
  assert.equal(stored?.mimetype, "text/plain");
});

test("meeting.import: a requester outside the data gets a meeting user in the admin group", async () => {
  const data = await exported();
  data.user["2"].first_name = "Somebody else";
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/2", fields: { organization_management_level: "superadmin" } }]));
  const answer = await run(suite.delegate, "meeting.import", { committee_id: 1, meeting: data });
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "user/2", fields: { organization_management_level: null } }]));
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  const meeting = await suite.server.db.get(`meeting/${id}`, ["admin_group_id"]);
  const own = await suite.server.db.filter("meeting_user", { and_filter: [{ field: "meeting_id", operator: "=", value: id }, { field: "user_id", operator: "=", value: 2 }] }, ["group_ids"]);
  assert.equal(own.size, 1);
  assert.deepEqual([...own.values()][0]!.group_ids, [meeting?.admin_group_id]);
  assert.equal((await suite.server.db.filter("meeting_user", { field: "meeting_id", operator: "=", value: id }, ["id"])).size, 4);
});

test("meeting.import: refusals", async () => {
  const data = await exported();
  const denied = await run(suite.delegate, "meeting.import", { committee_id: 1, meeting: data });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action meeting.import. Missing OrganizationManagementLevel: superadmin");

  const two = await exported();
  two.meeting["2"] = { ...two.meeting["1"], id: 2 };
  const twoMeetings = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: two });
  assert.equal(twoMeetings.status, 400);
  assert.equal(twoMeetings.body.message, "Need exactly one meeting in meeting collection.");

  const locked = await exported();
  locked.meeting["1"].locked_from_inside = true;
  const lockedAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: locked });
  assert.equal(lockedAnswer.status, 400);
  assert.equal(lockedAnswer.body.message, "Cannot import a locked meeting.");

  const old = await exported();
  old._migration_index = old._migration_index - 1;
  const oldAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: old });
  assert.equal(oldAnswer.status, 400);
  assert.match(oldAnswer.body.message, /^Your data migration index '\d+' is lower than the migration index of this backend '\d+'! Please, use a more recent file!$/);

  const broken = await exported();
  delete broken.motion[Object.keys(broken.motion)[0]!].state_id;
  const brokenAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: broken });
  assert.equal(brokenAnswer.status, 400);
  assert.match(brokenAnswer.body.message, /state_id/);

  const none = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: { _migration_index: data._migration_index, meeting: {} } });
  assert.equal(none.status, 400);
  assert.equal(none.body.message, "Need exactly one meeting in meeting collection.");

  const organization = await exported();
  organization.organization = { "1": { id: 1 } };
  const organizationAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: organization });
  assert.equal(organizationAnswer.status, 400);
  assert.match(organizationAnswer.body.message, /Invalid collections: organization\./);

  const high = await exported();
  high._migration_index = high._migration_index + 1;
  const highAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: high });
  assert.equal(highAnswer.status, 400);
  assert.equal(highAnswer.body.message, `Your data migration index '${high._migration_index}' is higher than the migration index of this backend '${data._migration_index}'! Please, update your backend!`);

  const active = ((await suite.server.db.get("organization/1", ["active_meeting_ids"]))?.active_meeting_ids as number[]).length;
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "organization/1", fields: { limit_of_meetings: active } }]));
  const limited = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: await exported() });
  await suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "organization/1", fields: { limit_of_meetings: 0 } }]));
  assert.equal(limited.status, 400);
  assert.equal(limited.body.message, `You cannot import an active meeting, because you reached your limit of ${active} active meetings.`);

  const negative = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: { ...data, _migration_index: -1 } });
  assert.equal(negative.status, 400);
  assert.equal(negative.body.message, "Action meeting.import: data.meeting._migration_index must be bigger than or equal to 1");

  const noIndex = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: { meeting: {} } });
  assert.equal(noIndex.status, 400);
  assert.equal(noIndex.body.message, "Action meeting.import: data.meeting must contain ['_migration_index'] properties");
  const before = await suite.server.db.filter("meeting", undefined, ["id"]);
  assert.equal((await run(suite.admin, "meeting.import", { meeting: data })).status, 400);
  assert.equal((await suite.server.db.filter("meeting", undefined, ["id"])).size, before.size);
});

test("meeting.import: decimal bounds and extension references are checked like upstream's checker", async () => {
  const meetingsBefore = (await suite.server.db.filter("meeting", undefined, ["id"])).size;
  const notDecimal = await exported();
  notDecimal.user["1"].default_vote_weight = "1A0";
  const notDecimalAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: notDecimal });
  assert.equal(notDecimalAnswer.status, 400);
  assert.equal(notDecimalAnswer.body.message, "default_vote_weight: value '1A0' couldn't be converted to decimal.");

  const negative = await exported();
  negative.user["1"].default_vote_weight = "-1.123456";
  const negativeAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: negative });
  assert.equal(negativeAnswer.status, 400);
  assert.equal(negativeAnswer.body.message, "\tuser/1/default_vote_weight: default_vote_weight must be bigger than or equal to 0.000001.");

  const tiny = await exported();
  tiny.user["1"].default_vote_weight = "0.00000099";
  const tinyAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: tiny });
  assert.equal(tinyAnswer.status, 400);
  assert.match(tinyAnswer.body.message, /must be bigger than or equal to 0\.000001\./, "compared exactly, not as a float");

  const dangling = await exported();
  const motionKey = Object.keys(dangling.motion)[0]!;
  dangling.motion[motionKey].recommendation_extension = "see [motion/999] and [topic/1]";
  const danglingAnswer = await run(suite.admin, "meeting.import", { committee_id: 1, meeting: dangling });
  assert.equal(danglingAnswer.status, 400);
  const base = `motion/${motionKey}/recommendation_extension: Relation Error:`;
  assert.ok(danglingAnswer.body.message.includes(`${base} Found motion/999 in recommendation_extension but not in models.`), danglingAnswer.body.message);
  assert.ok(danglingAnswer.body.message.includes(`${base} Found topic/1 but only motion is allowed.`), danglingAnswer.body.message);
  assert.equal((await suite.server.db.filter("meeting", undefined, ["id"])).size, meetingsBefore);
});
