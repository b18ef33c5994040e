// user.assign_meetings and user.toggle_presence_by_number over HTTP on the example data.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const write = (events: any[]) => suite.server.db.transaction((tx) => tx.write(events));

async function createCommittee(name: string): Promise<number> {
  const answer = await suite.run(suite.admin, "committee.create", { organization_id: 1, name });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id as number;
}

async function createMeeting(committeeId: number, name: string): Promise<{ id: number; defaultGroup: number; groups: number[] }> {
  const answer = await suite.run(suite.admin, "meeting.create", { committee_id: committeeId, name, language: "en", admin_ids: [1] });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const id = answer.body.results[0][0].id as number;
  const meeting = await get(`meeting/${id}`, ["default_group_id", "group_ids"]);
  return { id, defaultGroup: meeting!.default_group_id as number, groups: meeting!.group_ids as number[] };
}

test("user.assign_meetings: succeeded, standard group and nothing; meeting users created", async () => {
  const committee = await createCommittee("Assign committee");
  const withGroup = await createMeeting(committee, "With group");
  const withoutGroup = await createMeeting(committee, "Without group");
  const created = await suite.run(suite.admin, "group.create", { meeting_id: withGroup.id, name: "Voters" });
  const newGroup = created.body.results[0][0].id as number;
  await suite.run(suite.admin, "group.create", { meeting_id: 1, name: "Voters" });
  // user 3 is in meeting 1 (not in its group Voters) and in no other meeting
  const answer = await suite.run(suite.admin, "user.assign_meetings", { id: 3, meeting_ids: [1, withGroup.id, withoutGroup.id], group_name: "Voters" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const result = answer.body.results[0][0];
  assert.deepEqual([...result.succeeded].sort(), [1, withGroup.id].sort());
  assert.deepEqual(result.standard_group, [withoutGroup.id]);
  assert.deepEqual(result.nothing, []);
  const user = await get("user/3", ["meeting_ids", "meeting_user_ids", "committee_ids"]);
  assert.deepEqual([...(user!.meeting_ids as number[])].sort(), [1, withGroup.id, withoutGroup.id].sort());
  assert.ok((user!.committee_ids as number[]).includes(committee));
  const meetingUsers = await suite.server.db.filter("meeting_user", { field: "user_id", operator: "=", value: 3 }, ["meeting_id", "group_ids"]);
  const byMeeting = new Map([...meetingUsers.values()].map((mu) => [mu.meeting_id as number, mu.group_ids as number[]]));
  assert.equal(byMeeting.get(1)!.length, 2);
  assert.deepEqual(byMeeting.get(withGroup.id), [newGroup]);
  assert.deepEqual(byMeeting.get(withoutGroup.id), [withoutGroup.defaultGroup]);
  const group = await get(`group/${newGroup}`, ["meeting_user_ids"]);
  assert.equal((group!.meeting_user_ids as number[]).length, 1);

  // the user is now in the meeting without the group: nothing happens there
  const again = await suite.run(suite.admin, "user.assign_meetings", { id: 3, meeting_ids: [withoutGroup.id], group_name: "Voters" });
  assert.deepEqual(again.body.results[0][0], { succeeded: [], standard_group: [], nothing: [withoutGroup.id] });
});

test("user.assign_meetings: anonymous group is ignored; locked meetings; archived; permissions", async () => {
  const committee = await createCommittee("Locked committee");
  const locked = await createMeeting(committee, "Locked");
  await write([{ type: "update", fqid: `meeting/${locked.id}`, fields: { locked_from_inside: true } }]);
  const answer = await suite.run(suite.admin, "user.assign_meetings", { id: 2, meeting_ids: [1, locked.id], group_name: "Delegates" });
  assert.equal(answer.status, 400);
  assert.equal(answer.body.message, `Cannot assign meetings because some selected meetings are locked: ${locked.id}.`);

  const archived = await createMeeting(committee, "Archived");
  await write([{ type: "update", fqid: `meeting/${archived.id}`, fields: { is_active_in_organization_id: null } }]);
  const onArchived = await suite.run(suite.admin, "user.assign_meetings", { id: 2, meeting_ids: [archived.id], group_name: "Delegates" });
  assert.equal(onArchived.status, 400);
  assert.equal(onArchived.body.message, `Meeting Archived/${archived.id} cannot be changed, because it is archived.`);

  const denied = await suite.run(suite.delegate, "user.assign_meetings", { id: 2, meeting_ids: [1], group_name: "Delegates" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action user.assign_meetings. Missing permission: CommitteeManagementLevel can_manage in committee {1}");

  const badPayload = await suite.run(suite.admin, "user.assign_meetings", { id: 2, meeting_ids: [1] });
  assert.equal(badPayload.status, 400);
  assert.equal(badPayload.body.message, "Action user.assign_meetings: data must contain ['group_name'] properties");
});

test("user.assign_meetings: a committee manager may assign in the meetings of his committees", async () => {
  const committee = await createCommittee("Managed");
  const meeting = await createMeeting(committee, "Managed meeting");
  await suite.run(suite.admin, "committee.update", { id: committee, manager_ids: [2] });
  const answer = await suite.run(suite.delegate, "user.assign_meetings", { id: 3, meeting_ids: [meeting.id], group_name: "nope" });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body.results[0][0].standard_group, [meeting.id]);
  const mixed = await suite.run(suite.delegate, "user.assign_meetings", { id: 3, meeting_ids: [1, meeting.id], group_name: "nope" });
  assert.equal(mixed.status, 403);
  assert.equal(mixed.body.message, "You are not allowed to perform action user.assign_meetings. Missing permission: CommitteeManagementLevel can_manage in committee {1}");
});

test("user.toggle_presence_by_number: toggles; unknown and duplicate numbers; permission", async () => {
  const on = await suite.run(suite.admin, "user.toggle_presence_by_number", { meeting_id: 1, number: "12345-67892" });
  assert.equal(on.status, 200, JSON.stringify(on.body));
  assert.deepEqual(on.body.results[0], [{ id: 3 }]);
  assert.deepEqual((await get("user/3", ["is_present_in_meeting_ids"]))!.is_present_in_meeting_ids, [1]);
  assert.deepEqual((await get("meeting/1", ["present_user_ids"]))!.present_user_ids, [1, 3]);
  const off = await suite.run(suite.admin, "user.toggle_presence_by_number", { meeting_id: 1, number: "12345-67892" });
  assert.equal(off.status, 200);
  assert.deepEqual((await get("user/3", ["is_present_in_meeting_ids"]))!.is_present_in_meeting_ids ?? [], []);
  assert.deepEqual((await get("meeting/1", ["present_user_ids"]))!.present_user_ids, [1]);

  const missing = await suite.run(suite.admin, "user.toggle_presence_by_number", { meeting_id: 1, number: "nope" });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.message, "No user with this number found.");
  await write([{ type: "update", fqid: "meeting_user/2", fields: { number: "dup" } }, { type: "update", fqid: "meeting_user/3", fields: { number: "dup" } }]);
  const twice = await suite.run(suite.admin, "user.toggle_presence_by_number", { meeting_id: 1, number: "dup" });
  assert.equal(twice.status, 400);
  assert.equal(twice.body.message, "Found more than one user with the number.");

  const denied = await suite.run(suite.delegate, "user.toggle_presence_by_number", { meeting_id: 1, number: "12345-67890" });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to toggle presence by number.");
  assert.deepEqual((await get("user/1", ["is_present_in_meeting_ids"]))!.is_present_in_meeting_ids, [1]);
  const bad = await suite.run(suite.admin, "user.toggle_presence_by_number", { meeting_id: 1, number: 5 });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.message, "Action user.toggle_presence_by_number: data.number must be string");

  // user.can_update in the meeting is enough
  await write([{ type: "update", fqid: "group/5", fields: { permissions: ["user.can_update"] } }]);
  const allowed = await suite.run(suite.delegate, "user.toggle_presence_by_number", { meeting_id: 1, number: "12345-67890" });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
});
