// meeting.archive / meeting.unarchive / meeting.delete_all_speakers_of_all_lists and
// organization.delete_history_information over HTTP on the example data (meeting 1 "OpenSlides
// Demo" of committee 1, speakers 1-13 on several lists, polls 1-5; user "a" is a delegate).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const write = (fqid: string, fields: Record<string, unknown>) => suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));
const activeState = async () => {
  const organization = await suite.server.db.get("organization/1", ["active_meeting_ids", "archived_meeting_ids"]);
  return {
    meeting: await suite.server.db.get("meeting/1", ["is_active_in_organization_id", "is_archived_in_organization_id"]),
    organization: { active_meeting_ids: organization?.active_meeting_ids ?? [], archived_meeting_ids: organization?.archived_meeting_ids ?? [] },
  };
};

test("meeting.archive: refused with a running speaker, a started poll, or both", async () => {
  await write("speaker/12", { begin_time: 1700000000 });
  const speakers = await run(suite.admin, "meeting.archive", { id: 1 });
  assert.equal(speakers.status, 400);
  assert.equal(speakers.body.message, "Cannot archive meeting with active speakers.");
  const poll = await suite.server.db.get("poll/1", ["state"]);
  await write("poll/1", { state: "started" });
  const both = await run(suite.admin, "meeting.archive", { id: 1 });
  assert.equal(both.body.message, "Cannot archive meeting with active speakers and polls.");
  await write("speaker/12", { begin_time: null });
  const polls = await run(suite.admin, "meeting.archive", { id: 1 });
  assert.equal(polls.status, 400);
  assert.equal(polls.body.message, "Cannot archive meeting with active polls.");
  await write("poll/1", { state: poll?.state });
  assert.equal((await activeState()).meeting?.is_active_in_organization_id, 1);
});

test("meeting.archive: denied for a delegate, allowed for a committee manager; unarchive superadmin only", async () => {
  const denied = await run(suite.delegate, "meeting.archive", { id: 1 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "Missing permissions: Not Committee can_manage and not can_manage_organization");
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "update", fqid: "user/2", fields: { committee_management_ids: [1] } },
      { type: "update", fqid: "committee/1", fields: { manager_ids: [1, 2] } },
    ]),
  );
  const archived = await run(suite.delegate, "meeting.archive", { id: 1 });
  assert.equal(archived.status, 200, JSON.stringify(archived.body));
  assert.deepEqual(await activeState(), {
    meeting: { id: 1, is_archived_in_organization_id: 1 },
    organization: { active_meeting_ids: [], archived_meeting_ids: [1] },
  });
  const again = await run(suite.admin, "meeting.archive", { id: 1 });
  assert.equal(again.status, 400);
  assert.equal(again.body.message, "Meeting OpenSlides Demo/1 cannot be changed, because it is archived.");

  await write("user/2", { organization_management_level: "can_manage_organization" });
  const deniedUnarchive = await run(suite.delegate, "meeting.unarchive", { id: 1 });
  assert.equal(deniedUnarchive.status, 403);
  assert.equal(deniedUnarchive.body.message, "You are not allowed to perform action meeting.unarchive. Missing OrganizationManagementLevel: superadmin");
  await write("user/2", { organization_management_level: null });

  const unarchived = await run(suite.admin, "meeting.unarchive", { id: 1 });
  assert.equal(unarchived.status, 200, JSON.stringify(unarchived.body));
  assert.deepEqual(await activeState(), {
    meeting: { id: 1, is_active_in_organization_id: 1 },
    organization: { active_meeting_ids: [1], archived_meeting_ids: [] },
  });
  const notArchived = await run(suite.admin, "meeting.unarchive", { id: 1 });
  assert.equal(notArchived.status, 400);
  assert.equal(notArchived.body.message, "Meeting 1 is not archived.");
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "update", fqid: "user/2", fields: { committee_management_ids: [] } },
      { type: "update", fqid: "committee/1", fields: { manager_ids: [1] } },
    ]),
  );
});

test("meeting.archive: bad payloads", async () => {
  const missing = await run(suite.admin, "meeting.archive", { id: 2 });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "Model 'meeting/2' does not exist.");
  const extra = await run(suite.admin, "meeting.archive", { id: 1, name: "x" });
  assert.equal(extra.status, 400);
  assert.equal(extra.body.message, "Action meeting.archive: data must not contain {'name'} properties");
  assert.equal((await activeState()).meeting?.is_active_in_organization_id, 1);
});

test("meeting.delete_all_speakers_of_all_lists: denied without list_of_speakers.can_manage, then every speaker goes", async () => {
  const denied = await run(suite.delegate, "meeting.delete_all_speakers_of_all_lists", { id: 1 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action meeting.delete_all_speakers_of_all_lists. Missing Permission: list_of_speakers.can_manage");
  assert.equal((await suite.server.db.get("speaker/1", ["id"]))?.id, 1);
  const bad = await run(suite.admin, "meeting.delete_all_speakers_of_all_lists", { id: 1, speaker_ids: [] });
  assert.equal(bad.status, 400);

  const answer = await run(suite.admin, "meeting.delete_all_speakers_of_all_lists", { id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const left = await suite.server.db.filter("speaker", { field: "meeting_id", operator: "=", value: 1 }, ["id"]);
  assert.equal(left.size, 0);
  assert.deepEqual((await suite.server.db.get("list_of_speakers/3", ["speaker_ids"]))?.speaker_ids ?? [], []);
  assert.deepEqual((await suite.server.db.get("meeting/1", ["speaker_ids"]))?.speaker_ids ?? [], []);
  assert.deepEqual((await suite.server.db.get("meeting_user/2", ["speaker_ids"]))?.speaker_ids ?? [], []);
  const empty = await run(suite.admin, "meeting.delete_all_speakers_of_all_lists", { id: 1 });
  assert.equal(empty.status, 200, JSON.stringify(empty.body));
});

test("organization.delete_history_information: every position and entry goes; history_* delete are internal", async () => {
  await suite.server.db.transaction((tx) =>
    tx.write([
      { type: "create", fqid: "history_position/1", fields: { timestamp: 1700000000, original_user_id: 1, user_id: 1, entry_ids: [1, 2] } },
      { type: "create", fqid: "history_position/2", fields: { timestamp: 1700000001, original_user_id: 1, user_id: 1, entry_ids: [3] } },
      { type: "create", fqid: "history_entry/1", fields: { entries: ["Motion updated"], original_model_id: "motion/1", model_id: "motion/1", position_id: 1, meeting_id: 1 } },
      { type: "create", fqid: "history_entry/2", fields: { entries: ["Participant updated"], original_model_id: "user/3", model_id: "user/3", position_id: 1 } },
      { type: "create", fqid: "history_entry/3", fields: { entries: ["Motion deleted"], original_model_id: "motion/77", position_id: 2, meeting_id: 1 } },
      { type: "update", fqid: "user/1", fields: { history_position_ids: [1, 2] } },
      { type: "update", fqid: "user/3", fields: { history_entry_ids: [2] } },
      { type: "update", fqid: "motion/1", fields: { history_entry_ids: [1] } },
      { type: "update", fqid: "meeting/1", fields: { relevant_history_entry_ids: [1, 3] } },
    ]),
  );
  const internal = await run(suite.admin, "history_position.delete", { id: 1 });
  assert.equal(internal.status, 400);
  const denied = await run(suite.delegate, "organization.delete_history_information", { id: 1 });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action organization.delete_history_information. Missing OrganizationManagementLevel: can_manage_organization");
  assert.ok(await suite.server.db.get("history_entry/1", ["id"]));

  const answer = await run(suite.admin, "organization.delete_history_information", { id: 1 });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  for (const fqid of ["history_position/1", "history_position/2", "history_entry/1", "history_entry/2", "history_entry/3"]) {
    assert.equal(await suite.server.db.get(fqid, ["id"]), undefined, fqid);
  }
  assert.deepEqual((await suite.server.db.get("user/1", ["history_position_ids"]))?.history_position_ids ?? [], []);
  assert.deepEqual((await suite.server.db.get("user/3", ["history_entry_ids"]))?.history_entry_ids ?? [], []);
  assert.deepEqual((await suite.server.db.get("motion/1", ["history_entry_ids"]))?.history_entry_ids ?? [], []);
  assert.deepEqual((await suite.server.db.get("meeting/1", ["relevant_history_entry_ids"]))?.relevant_history_entry_ids ?? [], []);
  const bad = await run(suite.admin, "organization.delete_history_information", {});
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action organization.delete_history_information: data must contain ['id'] properties");
});
