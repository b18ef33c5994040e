// meeting.create / update / delete over HTTP on the example data (committee 1 holds meeting 1;
// user 1 is superadmin, user 2 "a" a delegate of meeting 1 without committee management).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: Record<string, unknown>) => suite.run(client, action, data);
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const setFields = (fqid: string, fields: Record<string, unknown>) =>
  suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));

async function createMeeting(data: Record<string, unknown> = {}): Promise<number> {
  const answer = await run(suite.admin, "meeting.create", { committee_id: 1, name: "Assembly", language: "en", admin_ids: [1], ...data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id as number;
}

test("meeting.create: groups, admins, members, countdowns, workflows and the default projector", async () => {
  const id = await createMeeting({ description: "Yearly", location: "Hall", start_time: 1700000000, end_time: 1700086400, user_ids: [1, 3], organization_tag_ids: [1], time_zone: "Europe/Berlin" });
  const meeting = await get(`meeting/${id}`, [
    "name", "description", "location", "start_time", "end_time", "language", "committee_id", "is_active_in_organization_id", "time_zone",
    "group_ids", "default_group_id", "admin_group_id", "motion_poll_default_group_ids", "assignment_poll_default_group_ids", "topic_poll_default_group_ids",
    "list_of_speakers_countdown_id", "poll_countdown_id", "projector_countdown_ids", "motion_workflow_ids", "motions_default_workflow_id",
    "motions_default_amendment_workflow_id", "reference_projector_id", "projector_ids", "default_projector_motion_ids", "meeting_user_ids", "user_ids",
    "organization_tag_ids", "welcome_title",
  ]);
  assert.ok(meeting);
  assert.equal(meeting.name, "Assembly");
  assert.equal(meeting.description, "Yearly");
  assert.equal(meeting.start_time, 1700000000);
  assert.equal(meeting.committee_id, 1);
  assert.equal(meeting.is_active_in_organization_id, 1);
  assert.equal(meeting.time_zone, "Europe/Berlin");
  assert.equal(meeting.welcome_title, "Welcome to OpenSlides");
  const groupIds = meeting.group_ids as number[];
  assert.equal(groupIds.length, 4);
  const groups = await suite.server.db.getMany("group", groupIds, ["name", "external_id", "permissions", "weight", "meeting_user_ids"]);
  assert.deepEqual([...groups.values()].map((group) => [group.name, group.external_id]), [["Default", "Default"], ["Admin", "Admin"], ["Delegates", "Delegates"], ["Staff", "Staff"]]);
  const [defaultGroup, adminGroup, delegates] = groupIds;
  assert.equal(meeting.default_group_id, defaultGroup);
  assert.equal(meeting.admin_group_id, adminGroup);
  assert.deepEqual(meeting.motion_poll_default_group_ids, [delegates]);
  assert.deepEqual(meeting.topic_poll_default_group_ids, [delegates]);
  assert.equal((await get(`group/${defaultGroup}`, ["default_group_for_meeting_id"]))?.default_group_for_meeting_id, id);
  assert.equal((await get(`group/${adminGroup}`, ["admin_group_for_meeting_id"]))?.admin_group_for_meeting_id, id);
  assert.ok((groups.get(delegates!)?.permissions as string[]).includes("list_of_speakers.can_be_speaker"));

  assert.deepEqual(new Set(meeting.user_ids as number[]), new Set([1, 3]));
  const meetingUsers = await suite.server.db.getMany("meeting_user", meeting.meeting_user_ids as number[], ["user_id", "group_ids"]);
  const groupsOf = Object.fromEntries([...meetingUsers.values()].map((meetingUser) => [meetingUser.user_id, meetingUser.group_ids]));
  assert.deepEqual(groupsOf, { 1: [adminGroup], 3: [defaultGroup] });
  assert.ok(((await get("user/3", ["meeting_ids"]))?.meeting_ids as number[]).includes(id));

  const countdowns = await suite.server.db.getMany("projector_countdown", meeting.projector_countdown_ids as number[], ["title"]);
  assert.deepEqual([...countdowns.values()].map((countdown) => countdown.title), ["Speaking time", "Voting"]);
  assert.equal(countdowns.get(meeting.list_of_speakers_countdown_id as number)?.title, "Speaking time");
  assert.equal(countdowns.get(meeting.poll_countdown_id as number)?.title, "Voting");

  const workflows = await suite.server.db.getMany("motion_workflow", meeting.motion_workflow_ids as number[], ["name", "state_ids"]);
  assert.deepEqual([...workflows.values()].map((workflow) => workflow.name), ["Simple Workflow", "Complex Workflow"]);
  assert.equal(workflows.get(meeting.motions_default_workflow_id as number)?.name, "Simple Workflow");
  assert.equal(meeting.motions_default_amendment_workflow_id, meeting.motions_default_workflow_id);
  assert.deepEqual(meeting.projector_ids, [meeting.reference_projector_id]);
  assert.deepEqual(meeting.default_projector_motion_ids, [meeting.reference_projector_id]);
  assert.equal((await get(`projector/${meeting.reference_projector_id}`, ["name"]))?.name, "Default projector");
  assert.ok(((await get("committee/1", ["meeting_ids"]))?.meeting_ids as number[]).includes(id));
  assert.ok(((await get("organization/1", ["active_meeting_ids"]))?.active_meeting_ids as number[]).includes(id));
  assert.deepEqual(meeting.organization_tag_ids, [1]);
});

test("meeting.create: template without admins, limits and bad input", async () => {
  const withoutAdmins = await run(suite.admin, "meeting.create", { committee_id: 1, name: "No admins", language: "en" });
  assert.equal(withoutAdmins.status, 400);
  assert.equal(withoutAdmins.body.message, "Cannot create non-template meeting without admin_ids");
  const template = await createMeeting({ name: "Template", admin_ids: [], set_as_template: true });
  assert.equal((await get(`meeting/${template}`, ["template_for_organization_id"]))?.template_for_organization_id, 1);

  const onlyStart = await run(suite.admin, "meeting.create", { committee_id: 1, name: "x", language: "en", admin_ids: [1], start_time: 1700000000 });
  assert.equal(onlyStart.status, 400);
  assert.equal(onlyStart.body.message, "Only one of start_time and end_time is not allowed.");
  const reversed = await run(suite.admin, "meeting.create", { committee_id: 1, name: "x", language: "en", admin_ids: [1], start_time: 1700086400, end_time: 1700000000 });
  assert.equal(reversed.body.message, "start_time must be before end_time.");

  const active = ((await get("organization/1", ["active_meeting_ids"]))?.active_meeting_ids as number[]).length;
  await setFields("organization/1", { limit_of_meetings: active });
  const limited = await run(suite.admin, "meeting.create", { committee_id: 1, name: "x", language: "en", admin_ids: [1] });
  assert.equal(limited.status, 400);
  assert.equal(limited.body.message, `You cannot create a new meeting, because you reached your limit of ${active} active meetings.`);
  await setFields("organization/1", { limit_of_meetings: 0 });

  const missingName = await run(suite.admin, "meeting.create", { committee_id: 1, language: "en" });
  assert.equal(missingName.status, 400);
  assert.equal(missingName.body.message, "Action meeting.create: data must contain ['name'] properties");
  const badLanguage = await run(suite.admin, "meeting.create", { committee_id: 1, name: "x", language: "xx", admin_ids: [1] });
  assert.equal(badLanguage.status, 400);
  const noCommittee = await run(suite.admin, "meeting.create", { committee_id: 4242, name: "x", language: "en", admin_ids: [1] });
  assert.equal(noCommittee.status, 400);
});

test("meeting.create: denied without committee management", async () => {
  const before = (await get("committee/1", ["meeting_ids"]))?.meeting_ids;
  const denied = await run(suite.delegate, "meeting.create", { committee_id: 1, name: "Mine", language: "en", admin_ids: [2] });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action meeting.create. Missing permission: CommitteeManagementLevel can_manage in committee 1");
  assert.deepEqual((await get("committee/1", ["meeting_ids"]))?.meeting_ids, before);
});

test("meeting.update: settings, anonymous group, projectors and the permission groups", async () => {
  const id = await createMeeting({ name: "Editable" });
  const settings = await run(suite.admin, "meeting.update", { id, name: "Edited", welcome_title: "Hi", motions_number_type: "per_category", users_email_replyto: " x@example.com " });
  assert.equal(settings.status, 200, JSON.stringify(settings.body));
  assert.deepEqual(await get(`meeting/${id}`, ["name", "welcome_title", "motions_number_type", "users_email_replyto"]), {
    id, name: "Edited", welcome_title: "Hi", motions_number_type: "per_category", users_email_replyto: "x@example.com",
  });
  const badMail = await run(suite.admin, "meeting.update", { id, users_email_replyto: "not-an-address" });
  assert.equal(badMail.body.message, "users_email_replyto must be valid email.");
  const badSender = await run(suite.admin, "meeting.update", { id, users_email_sender: "Me [x]" });
  assert.equal(badSender.body.message, "users_email_sender must not contain '[', ']', '\\'.");

  const notAllowed = await run(suite.admin, "meeting.update", { id, enable_anonymous: true });
  assert.equal(notAllowed.body.message, "Anonymous users can not be enabled in this organization.");
  await setFields("organization/1", { enable_anonymous: true });
  const anonymous = await run(suite.admin, "meeting.update", { id, enable_anonymous: true });
  assert.equal(anonymous.status, 200, JSON.stringify(anonymous.body));
  const { anonymous_group_id: anonymousGroup } = (await get(`meeting/${id}`, ["anonymous_group_id"]))!;
  assert.deepEqual(await get(`group/${anonymousGroup}`, ["name", "weight", "anonymous_group_for_meeting_id"]), { id: anonymousGroup, name: "Public", weight: 0, anonymous_group_for_meeting_id: id });
  const anonymousPolls = await run(suite.admin, "meeting.update", { id, motion_poll_default_group_ids: [anonymousGroup] });
  assert.equal(anonymousPolls.body.message, "Anonymous group is not allowed in motion_poll_default_group_ids.");
  const lockedAnonymous = await run(suite.admin, "meeting.update", { id, locked_from_inside: true });
  assert.equal(lockedAnonymous.body.message, "A meeting cannot be locked from the inside and have anonymous enabled at the same time.");
  await setFields("organization/1", { enable_anonymous: false });

  const foreignProjector = await run(suite.admin, "meeting.update", { id, reference_projector_id: 1 });
  assert.equal(foreignProjector.status, 400);
  const jitsi = await run(suite.admin, "meeting.update", { id, jitsi_domain: "https://meet.example.com" });
  assert.equal(jitsi.body.message, "It is not allowed to start jitsi_domain with 'https://'.");
  const template = await run(suite.admin, "meeting.update", { id, set_as_template: true });
  assert.equal(template.status, 200);
  assert.equal((await get(`meeting/${id}`, ["template_for_organization_id"]))?.template_for_organization_id, 1);
  const untemplate = await run(suite.admin, "meeting.update", { id, set_as_template: false });
  assert.equal(untemplate.status, 200);
  assert.equal((await get(`meeting/${id}`, ["template_for_organization_id"]))?.template_for_organization_id ?? null, null);
});

test("meeting.update: a delegate may not change settings, tags or admin fields", async () => {
  const settings = await run(suite.delegate, "meeting.update", { id: 1, name: "Mine" });
  assert.equal(settings.status, 403);
  assert.equal(settings.body.message, "You are not allowed to perform action meeting.update. Missing Permission: meeting.can_manage_settings");
  const presence = await run(suite.delegate, "meeting.update", { id: 1, present_user_ids: [2] });
  assert.equal(presence.body.message, "You are not allowed to perform action meeting.update. Missing Permission: user.can_update");
  const external = await run(suite.delegate, "meeting.update", { id: 1, external_id: "x" });
  assert.equal(external.status, 403);
  assert.equal(external.body.message, "Missing permission: Not admin of this meeting");
  const tags = await run(suite.delegate, "meeting.update", { id: 1, organization_tag_ids: [] });
  assert.equal(tags.body.message, "Missing permission: Not manager and not can_manage_organization");
  assert.equal((await get("meeting/1", ["name"]))?.name, "OpenSlides Demo");
  const unknown = await run(suite.admin, "meeting.update", { id: 1, committee_id: 1 });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.message, "Action meeting.update: data must not contain {'committee_id'} properties");
});

test("meeting.create in German: default texts, groups, countdowns, workflows, states and projector; anonymous group", async () => {
  const id = await createMeeting({ language: "de", description: "Eigene Beschreibung" });
  const meeting = (await get(`meeting/${id}`, ["welcome_title", "description", "motions_preamble", "users_email_subject", "users_email_sender", "group_ids", "projector_ids", "motion_workflow_ids", "projector_countdown_ids"]))!;
  assert.equal(meeting.welcome_title, "Willkommen bei OpenSlides");
  assert.equal(meeting.description, "Eigene Beschreibung");
  assert.equal(meeting.motions_preamble, "Die Versammlung möge beschließen:");
  assert.equal(meeting.users_email_subject, "OpenSlides-Zugangsdaten");
  assert.equal(meeting.users_email_sender, "OpenSlides");
  const names = async (collection: string, ids: unknown, field = "name") =>
    [...(await suite.server.db.getMany(collection, ids as number[], [field])).values()].map((model) => model[field]).sort();
  assert.deepEqual(await names("group", meeting.group_ids), ["Admin", "Delegierte", "Mitarbeitende", "Standard"]);
  assert.deepEqual(await names("group", meeting.group_ids, "external_id"), ["Admin", "Default", "Delegates", "Staff"]);
  assert.deepEqual(await names("projector_countdown", meeting.projector_countdown_ids, "title"), ["Redezeit", "Stimmabgabe"]);
  assert.deepEqual(await names("projector", meeting.projector_ids), ["Standardprojektor"]);
  assert.ok((await names("motion_workflow", meeting.motion_workflow_ids)).includes("Einfacher Arbeitsablauf"));
  const states = await suite.server.db.filter("motion_state", { field: "meeting_id", operator: "=", value: id }, ["name", "recommendation_label"]);
  assert.ok([...states.values()].some((state) => state.name === "angenommen" && state.recommendation_label === "Annahme"));
  assert.ok(![...states.values()].some((state) => state.name === "accepted"));
  const english = await createMeeting({ language: "en" });
  assert.equal((await get(`meeting/${english}`, ["welcome_title"]))?.welcome_title, "Welcome to OpenSlides");

  await setFields("organization/1", { enable_anonymous: true });
  const anonymous = await run(suite.admin, "meeting.update", { id, enable_anonymous: true });
  assert.equal(anonymous.status, 200, JSON.stringify(anonymous.body));
  const anonymousGroup = (await get(`meeting/${id}`, ["anonymous_group_id"]))?.anonymous_group_id;
  assert.equal((await get(`group/${Number(anonymousGroup)}`, ["name"]))?.name, "Öffentlich");
});

test("meeting.delete: the meeting and everything in it; locked meetings and outsiders refused", async () => {
  const id = await createMeeting({ name: "Doomed", user_ids: [3] });
  const { group_ids: groupIds, meeting_user_ids: meetingUserIds } = (await get(`meeting/${id}`, ["group_ids", "meeting_user_ids"]))!;
  const denied = await run(suite.delegate, "meeting.delete", { id });
  assert.equal(denied.status, 403);
  assert.equal(denied.body.message, "You are not allowed to perform action meeting.delete. Missing permission: CommitteeManagementLevel can_manage in committee 1");
  await setFields(`meeting/${id}`, { locked_from_inside: true });
  await setFields("committee/1", { manager_ids: [1, 2] });
  const locked = await run(suite.delegate, "meeting.delete", { id });
  assert.equal(locked.status, 400);
  assert.equal(locked.body.message, "Cannot delete locked meeting.");
  await setFields("committee/1", { manager_ids: [1] });
  const deleted = await run(suite.admin, "meeting.delete", { id });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await get(`meeting/${id}`, ["id"]), undefined);
  for (const groupId of groupIds as number[]) assert.equal(await get(`group/${groupId}`, ["id"]), undefined);
  for (const meetingUserId of meetingUserIds as number[]) assert.equal(await get(`meeting_user/${meetingUserId}`, ["id"]), undefined);
  assert.ok(!((await get("committee/1", ["meeting_ids"]))?.meeting_ids as number[]).includes(id));
  assert.ok(!(((await get("user/3", ["meeting_ids"]))?.meeting_ids as number[] | undefined) ?? []).includes(id));
});

test("meeting.delete: the example meeting with motions, polls, speakers and mediafiles (runs last)", async () => {
  const before = await suite.server.db.transaction((tx) => tx.query<{ count: number }>("SELECT count(*)::integer AS count FROM motion_t WHERE meeting_id = 1"));
  assert.ok((before[0]?.count ?? 0) > 0);
  const deleted = await run(suite.admin, "meeting.delete", { id: 1 });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  for (const table of ["motion_t", "poll_t", "speaker_t", "group_t", "meeting_user_t", "meeting_mediafile_t", "projector_t", "topic_t", "agenda_item_t"]) {
    const rows = await suite.server.db.transaction((tx) => tx.query<{ count: number }>(`SELECT count(*)::integer AS count FROM ${table} WHERE meeting_id = 1`));
    assert.equal(rows[0]?.count, 0, table);
  }
  assert.equal(await get("meeting/1", ["id"]), undefined);
  assert.ok(!(((await get("user/2", ["meeting_ids"]))?.meeting_ids as number[] | undefined) ?? []).includes(1));
  assert.ok(!(((await get("organization/1", ["active_meeting_ids"]))?.active_meeting_ids as number[] | undefined) ?? []).includes(1));
  // History: a removed participant still exists (model_id kept), a deleted motion does not.
  const entries = await suite.server.db.filter("history_entry", { field: "original_model_id", operator: "in", value: ["user/2", "motion/1"] }, ["entries", "model_id", "original_model_id", "meeting_id", "position_id"]);
  const last = (fqid: string) => [...entries.values()].filter((entry) => entry.original_model_id === fqid).sort((a, b) => Number(b.id) - Number(a.id))[0];
  assert.deepEqual(last("user/2")?.entries, ["Participant removed from meeting {}", "meeting/1"]);
  assert.equal(last("user/2")?.model_id, "user/2");
  assert.equal(last("user/2")?.meeting_id, undefined);
  assert.equal(last("motion/1")?.model_id, undefined);
  assert.equal(last("motion/1")?.position_id, last("user/2")?.position_id);
});
