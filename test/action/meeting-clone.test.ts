// meeting.clone and meeting.import over HTTP on the example data (meeting 1 "OpenSlides Demo" of
// committee 1 with groups 1-5, admin user 1 in the admin group 2, tag 1; user "a" a delegate).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const countIn = async (collection: string, meetingId: number) =>
  (await suite.server.db.filter(collection, { field: "meeting_id", operator: "=", value: meetingId }, ["id"])).size;

test("meeting.clone: a full copy with new ids, both sides of the outside relations", async () => {
  const answer = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const result = answer.body.results[0][0];
  const id = result.id as number;
  assert.notEqual(id, 1);
  const users = Object.keys((await suite.server.db.get("meeting/1", ["user_ids"]))?.user_ids as object).length;
  assert.deepEqual(result, { id, number_of_imported_users: result.number_of_imported_users, number_of_merged_users: result.number_of_imported_users });
  assert.ok(users > 0);
  const meeting = await suite.server.db.get(`meeting/${id}`, ["name", "committee_id", "is_active_in_organization_id", "template_for_organization_id", "organization_tag_ids", "external_id", "imported_at", "admin_group_id", "default_group_id"]);
  assert.equal(meeting?.name, "OpenSlides Demo - Copy");
  assert.equal(meeting?.committee_id, 1);
  assert.equal(meeting?.is_active_in_organization_id, 1);
  assert.equal(meeting?.template_for_organization_id, undefined);
  assert.deepEqual(meeting?.organization_tag_ids, [1]);
  assert.ok(meeting?.imported_at);
  for (const collection of ["group", "motion", "list_of_speakers", "speaker", "agenda_item", "poll", "option", "vote", "meeting_user", "projector", "motion_state", "motion_workflow"]) {
    assert.equal(await countIn(collection, id), await countIn(collection, 1), collection);
  }
  assert.ok(((await suite.server.db.get("committee/1", ["meeting_ids"]))?.meeting_ids as number[]).includes(id));
  assert.equal((await suite.server.db.get("committee/1", ["default_meeting_id"]))?.default_meeting_id, 1);
  assert.equal((await suite.server.db.get(`meeting/${id}`, ["default_meeting_for_committee_id"]))?.default_meeting_for_committee_id, undefined);
  assert.ok(((await suite.server.db.get("organization/1", ["active_meeting_ids"]))?.active_meeting_ids as number[]).includes(id));
  assert.ok(((await suite.server.db.get("organization_tag/1", ["tagged_ids"]))?.tagged_ids as string[]).includes(`meeting/${id}`));
  // the same users, with new meeting users in the new groups
  const adminGroup = await suite.server.db.get(`group/${Number(meeting?.admin_group_id)}`, ["meeting_user_ids", "meeting_id"]);
  assert.equal(adminGroup?.meeting_id, id);
  const adminMeetingUsers = await suite.server.db.getMany("meeting_user", adminGroup?.meeting_user_ids as number[], ["user_id", "meeting_id"]);
  assert.deepEqual([...adminMeetingUsers.values()].map((model) => [model.user_id, model.meeting_id]), [[1, id]]);
  assert.ok(((await suite.server.db.get("user/1", ["meeting_ids"]))?.meeting_ids as number[]).includes(id));
  // relations inside point into the copy
  const motions = await suite.server.db.filter("motion", { field: "meeting_id", operator: "=", value: id }, ["state_id", "list_of_speakers_id"]);
  for (const motion of motions.values()) {
    assert.equal((await suite.server.db.get(`motion_state/${Number(motion.state_id)}`, ["meeting_id"]))?.meeting_id, id);
    assert.equal((await suite.server.db.get(`list_of_speakers/${Number(motion.list_of_speakers_id)}`, ["meeting_id"]))?.meeting_id, id);
  }
});

test("meeting.clone: set fields, template into another committee, extra users and admins", async () => {
  const committee = await run(suite.admin, "committee.create", { name: "Other", organization_id: 1 });
  assert.equal(committee.status, 200, JSON.stringify(committee.body));
  const committeeId = committee.body.results[0][0].id as number;

  const foreign = await run(suite.admin, "meeting.clone", { meeting_id: 1, committee_id: committeeId });
  assert.equal(foreign.status, 403);
  assert.equal(foreign.body.message, "Cannot clone meeting to a different committee if it is a non-template meeting.");

  await write("meeting/1", { template_for_organization_id: 1 });
  const answer = await run(suite.admin, "meeting.clone", {
    meeting_id: 1,
    committee_id: committeeId,
    name: "Copied",
    welcome_title: "Hello",
    location: "Berlin",
    start_time: 1700000000,
    end_time: 1700086400,
    external_id: "ext-copy",
    organization_tag_ids: [],
    set_as_template: true,
    user_ids: [3],
    admin_ids: [2],
  });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  await write("meeting/1", { template_for_organization_id: null });
  const id = answer.body.results[0][0].id as number;
  const meeting = await suite.server.db.get(`meeting/${id}`, ["name", "committee_id", "welcome_title", "location", "start_time", "end_time", "external_id", "template_for_organization_id", "admin_group_id", "default_group_id"]);
  assert.equal(meeting?.name, "Copied");
  assert.equal(meeting?.committee_id, committeeId);
  assert.equal(meeting?.welcome_title, "Hello");
  assert.equal(meeting?.location, "Berlin");
  assert.equal(meeting?.start_time, 1700000000);
  assert.equal(meeting?.external_id, "ext-copy");
  assert.equal(meeting?.template_for_organization_id, 1);
  assert.ok(((await suite.server.db.get(`committee/${committeeId}`, ["meeting_ids"]))?.meeting_ids as number[]).includes(id));
  assert.ok(((await suite.server.db.get("organization/1", ["template_meeting_ids"]))?.template_meeting_ids as number[]).includes(id));
  assert.ok(!((await suite.server.db.get("organization_tag/1", ["tagged_ids"]))?.tagged_ids as string[]).includes(`meeting/${id}`));
  const adminGroup = await suite.server.db.get(`group/${Number(meeting?.admin_group_id)}`, ["meeting_user_ids"]);
  const admins = await suite.server.db.getMany("meeting_user", adminGroup?.meeting_user_ids as number[], ["user_id", "group_ids"]);
  assert.deepEqual([...admins.values()].map((model) => model.user_id).sort(), [1, 2]);
  const defaultGroup = await suite.server.db.get(`group/${Number(meeting?.default_group_id)}`, ["meeting_user_ids"]);
  const members = await suite.server.db.getMany("meeting_user", defaultGroup?.meeting_user_ids as number[], ["user_id"]);
  assert.ok([...members.values()].some((model) => model.user_id === 3));
});

test("meeting.clone: refusals (no admins, missing user, limit, locked, permissions, payload)", async () => {
  const moveAdmin = (from: number, to: number) =>
    suite.server.db.transaction((tx) =>
      tx.write([
        { type: "update", fqid: `group/${to}`, fields: { meeting_user_ids: [1] } },
        { type: "update", fqid: `group/${from}`, fields: { meeting_user_ids: [] } },
      ]),
    );
  await moveAdmin(2, 1);
  const noAdmin = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
  assert.equal(noAdmin.status, 400);
  assert.equal(noAdmin.body.message, "Cannot create a non-template meeting without administrators");
  assert.equal((await run(suite.admin, "meeting.clone", { meeting_id: 1, set_as_template: true })).status, 200);
  await moveAdmin(1, 2);

  const missingUser = await run(suite.admin, "meeting.clone", { meeting_id: 1, user_ids: [4242] });
  assert.equal(missingUser.status, 400);
  assert.equal(missingUser.body.message, "Model 'user/4242' does not exist.");

  const active = ((await suite.server.db.get("organization/1", ["active_meeting_ids"]))?.active_meeting_ids as number[]).length;
  await write("organization/1", { limit_of_meetings: active });
  const limited = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
  assert.equal(limited.status, 400);
  assert.equal(limited.body.message, `You cannot clone an meeting, because you reached your limit of ${active} active meetings.`);
  // unarchive honours the same limit
  assert.equal((await run(suite.admin, "meeting.archive", { id: 1 })).status, 200);
  await write("organization/1", { limit_of_meetings: active - 1 });
  const unarchive = await run(suite.admin, "meeting.unarchive", { id: 1 });
  assert.equal(unarchive.status, 400);
  assert.equal(unarchive.body.message, `You cannot unarchive the archived meeting, because you reached your limit of ${active - 1} active meetings.`);
  await write("organization/1", { limit_of_meetings: 0 });
  // an archived meeting can be cloned; the copy is active
  const archivedCopy = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
  assert.equal(archivedCopy.status, 200, JSON.stringify(archivedCopy.body));
  assert.equal((await suite.server.db.get(`meeting/${archivedCopy.body.results[0][0].id}`, ["is_active_in_organization_id"]))?.is_active_in_organization_id, 1);
  assert.equal((await run(suite.admin, "meeting.unarchive", { id: 1 })).status, 200);

  const denied = await run(suite.delegate, "meeting.clone", { meeting_id: 1 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action meeting.clone. Missing permission: CommitteeManagementLevel can_manage in committee 1");
  await write("meeting/1", { locked_from_inside: true });
  // committee/manager_ids is the side of the relation the database writes (user/committee_management_ids is not).
  const managers = (list_fields: { add?: Record<string, unknown[]>; remove?: Record<string, unknown[]> }) =>
    suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid: "committee/1", list_fields }]));
  await managers({ add: { manager_ids: [2] } });
  const locked = await run(suite.delegate, "meeting.clone", { meeting_id: 1 });
  await managers({ remove: { manager_ids: [2] } });
  await write("meeting/1", { locked_from_inside: false });
  assert.equal(locked.status, 400);
  assert.equal(locked.body.message, "Cannot clone locked meeting.");

  const underscore = await run(suite.admin, "meeting.clone", { meeting_id: 1, _collection: "meeting" });
  assert.equal(underscore.status, 400);
  assert.equal(underscore.body.message, "Action meeting.clone: data must not contain {'_collection'} properties");
  const missing = await run(suite.admin, "meeting.clone", {});
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Action meeting.clone: data must contain ['meeting_id'] properties");
});

test("meeting.clone: own files are copied (with their data), organization files shared", async () => {
  const { storeFile, loadFile } = await import("../../src/media/storage.js");
  await suite.server.db.transaction(async (tx) => {
    await tx.write([
      { type: "create", fqid: "mediafile/20", fields: { title: "orga.pdf", is_directory: false, mimetype: "application/pdf", filename: "orga.pdf", filesize: 3, owner_id: "organization/1", published_to_meetings_in_organization_id: 1, create_timestamp: 1700000000 } },
      { type: "create", fqid: "meeting_mediafile/20", fields: { meeting_id: 1, mediafile_id: 20, is_public: true } },
      { type: "create", fqid: "mediafile/21", fields: { title: "own.txt", is_directory: false, mimetype: "text/plain", filename: "own.txt", filesize: 3, owner_id: "meeting/1", create_timestamp: 1700000000 } },
      { type: "create", fqid: "meeting_mediafile/21", fields: { meeting_id: 1, mediafile_id: 21, is_public: true } },
    ]);
    await storeFile(tx, 21, Buffer.from("own"), "text/plain");
  });
  const answer = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  const owned = await suite.server.db.filter("mediafile", { field: "owner_id", operator: "=", value: `meeting/${id}` }, ["title", "meeting_mediafile_ids"]);
  assert.deepEqual([...owned.values()].map((model) => model.title).sort(), ["logos", "own.txt"]);
  const copy = [...owned.values()].find((model) => model.title === "own.txt")!;
  assert.notEqual(copy.id, 21);
  const data = await suite.server.db.transaction((tx) => loadFile(tx, Number(copy.id)));
  assert.equal(data?.data.toString(), "own");
  const orga = await suite.server.db.get("mediafile/20", ["meeting_mediafile_ids"]);
  assert.equal((orga?.meeting_mediafile_ids as number[]).length, 2);
  const shared = await suite.server.db.filter("meeting_mediafile", { field: "meeting_id", operator: "=", value: id }, ["mediafile_id"]);
  assert.ok([...shared.values()].some((model) => model.mediafile_id === 20));
});

test("meeting.clone: a stopped named poll (entitled_users_at_stop with booleans) is copied", async () => {
  // Seen in the official client: cloning after a vote answered "poll/6/entitled_users_at_stop:
  // Type error: Type is not JSONField" because the checker refused nested booleans.
  const created = await run(suite.admin, "poll.create", {
    meeting_id: 1, title: "Clone vote", type: "named", pollmethod: "YNA", onehundred_percent_base: "YNA", backend: "fast",
    content_object_id: "motion/1", options: [{ content_object_id: "motion/1" }], entitled_group_ids: [2],
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const pollId = created.body.results[0][0].id as number;
  assert.equal((await run(suite.admin, "poll.start", { id: pollId })).status, 200);
  const stopped = await run(suite.admin, "poll.stop", { id: pollId });
  assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
  const atStop = (await suite.server.db.get(`poll/${pollId}`, ["entitled_users_at_stop"]))?.entitled_users_at_stop as Record<string, unknown>[];
  assert.ok(atStop.length > 0 && typeof atStop[0]!.voted === "boolean");
  const answer = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const copies = await suite.server.db.filter("poll", { field: "meeting_id", operator: "=", value: answer.body.results[0][0].id }, ["title", "entitled_users_at_stop"]);
  const copy = [...copies.values()].find((model) => model.title === "Clone vote");
  assert.deepEqual(copy?.entitled_users_at_stop, atStop);
});

test("meeting.clone: a required HTML text that is empty (motion comment \"\") is copied, not refused", async () => {
  // Upstream's checker refuses only null for required HTML, number, boolean and decimal fields.
  const section = await run(suite.admin, "motion_comment_section.create", { meeting_id: 1, name: "Empty comments" });
  assert.equal(section.status, 200, JSON.stringify(section.body));
  const sectionId = section.body.results[0][0].id as number;
  await suite.server.db.transaction((tx) =>
    tx.write([{ type: "create", fqid: "motion_comment/900", fields: { comment: "", motion_id: 1, section_id: sectionId, meeting_id: 1 } }]),
  );
  const answer = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const copies = await suite.server.db.filter("motion_comment", { field: "meeting_id", operator: "=", value: answer.body.results[0][0].id }, ["comment"]);
  assert.ok([...copies.values()].some((model) => model.comment === ""), JSON.stringify([...copies.values()]));
});

test("meeting.clone: amendment paragraphs that strict HTML sanitising would change are refused, as upstream's checker does", async () => {
  const before = (await suite.server.db.get("motion/2", ["amendment_paragraphs"]))?.amendment_paragraphs;
  await write("motion/2", { amendment_paragraphs: { "1": "<it>test</it>", "2": "</>broken", "3": "<p>fine</p>" } });
  try {
    const answer = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.equal(
      answer.body.message,
      "\tmotion/2/amendment_paragraphs error: Invalid html in 1\n\tmotion/2/amendment_paragraphs error: Invalid html in 2",
    );
    await write("motion/2", { amendment_paragraphs: { "1": "<p>a</p>", x: "<p>b</p>" } });
    const badKey = await run(suite.admin, "meeting.clone", { meeting_id: 1 });
    assert.equal(badKey.body.message, "\tmotion/2/amendment_paragraphs error: data must not contain {'x'} properties");
  } finally {
    await write("motion/2", { amendment_paragraphs: before ?? null });
  }
});
