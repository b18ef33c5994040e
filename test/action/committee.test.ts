// committee.create / update / delete over HTTP on the example data (committee 1 with meeting 1;
// user 1 is superadmin and manager of committee 1, user 2 "a" a delegate without any level).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { pythonIntSetOrder } from "../../src/permissions/index.js";
import { useActionSuite, type Client } from "./support/action-server.js";

const suite = useActionSuite({ before, after });
const run = (client: Client, action: string, data: unknown) => suite.run(client, action, data as Record<string, unknown>);
const get = (fqid: string, fields: string[]) => suite.server.db.get(fqid, fields);
const setFields = (fqid: string, fields: Record<string, unknown>) =>
  suite.server.db.transaction((tx) => tx.write([{ type: "update", fqid, fields }]));

async function createCommittee(data: Record<string, unknown>, client: Client = suite.admin): Promise<number> {
  const answer = await run(client, "committee.create", { organization_id: 1, ...data });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.results[0][0].id as number;
}

test("committee.create: all fields, both sides of the relations", async () => {
  const id = await createCommittee({
    name: "Board",
    description: "The board",
    organization_tag_ids: [1],
    manager_ids: [2],
    forward_to_committee_ids: [1],
    external_id: "board",
  });
  const committee = await get(`committee/${id}`, ["name", "description", "organization_tag_ids", "manager_ids", "forward_to_committee_ids", "external_id", "organization_id"]);
  assert.deepEqual(committee, {
    id,
    name: "Board",
    description: "The board",
    organization_tag_ids: [1],
    manager_ids: [2],
    forward_to_committee_ids: [1],
    external_id: "board",
    organization_id: 1,
  });
  assert.ok(((await get("committee/1", ["receive_forwardings_from_committee_ids"]))?.receive_forwardings_from_committee_ids as number[]).includes(id));
  assert.ok(((await get("user/2", ["committee_management_ids"]))?.committee_management_ids as number[]).includes(id));
  assert.ok(((await get("organization/1", ["committee_ids"]))?.committee_ids as number[]).includes(id));
  assert.ok(((await get("organization_tag/1", ["tagged_ids"]))?.tagged_ids as string[]).includes(`committee/${id}`));
  await setFields(`committee/${id}`, { manager_ids: [] });
});

test("committee.create: own forwarding in both directions or neither", async () => {
  const self = await run(suite.admin, "committee.create", { organization_id: 1, name: "Self", forward_to_committee_ids: [], receive_forwardings_from_committee_ids: [] });
  assert.equal(self.status, 200);
  const asymmetric = await run(suite.admin, "committee.create", { organization_id: 1, name: "Async", forward_to_committee_ids: [1], receive_forwardings_from_committee_ids: [] });
  assert.equal(asymmetric.status, 200, "other committees may differ");
  const before = await get("committee/1", ["forward_to_committee_ids"]);
  const next = (self.body.results[0][0].id as number) + 2;
  const wrong = await run(suite.admin, "committee.create", { organization_id: 1, name: "Bad", forward_to_committee_ids: [next], receive_forwardings_from_committee_ids: [] });
  assert.equal(wrong.status, 400);
  assert.equal(wrong.body.message, "Forwarding or receiving to/from own must be configured in both directions!");
  assert.deepEqual(await get("committee/1", ["forward_to_committee_ids"]), before);
});

test("committee.create: external_id is unique; the refused create quotes its id and burns only that one", async () => {
  const first = await createCommittee({ name: "Unique", external_id: "ext-unique" });
  const answer = await run(suite.admin, "committee.create", { organization_id: 1, name: "Other", external_id: "ext-unique" });
  assert.equal(answer.status, 400);
  // The unique-violation retries reuse the id of the first attempt.
  assert.equal(answer.body.message, `committee/${first + 1}: Committee with external_id 'ext-unique' already exists.`);
  assert.equal(await createCommittee({ name: "After" }), first + 2);
});

test("committee.create: with a parent, as manager of the parent or grandparent", async () => {
  const parent = await createCommittee({ name: "Parent" });
  const child = await createCommittee({ name: "Child", parent_id: parent });
  assert.deepEqual(await get(`committee/${child}`, ["parent_id", "all_parent_ids"]), { id: child, parent_id: parent, all_parent_ids: [parent] });
  assert.deepEqual(await get(`committee/${parent}`, ["child_ids", "all_child_ids"]), { id: parent, child_ids: [child], all_child_ids: [child] });

  const denied = await run(suite.delegate, "committee.create", { organization_id: 1, name: "Grandchild", parent_id: child });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.body.message,
    `You are not allowed to perform action committee.create. Missing permissions: OrganizationManagementLevel can_manage_organization in organization 1 or CommitteeManagementLevel can_manage in committee ${child}`,
  );
  await setFields(`committee/${parent}`, { manager_ids: [2] });
  const grandchild = await createCommittee({ name: "Grandchild", parent_id: child }, suite.delegate);
  assert.deepEqual(await get(`committee/${grandchild}`, ["all_parent_ids"]), { id: grandchild, all_parent_ids: [parent, child] });
  const topLevel = await run(suite.delegate, "committee.create", { organization_id: 1, name: "Top" });
  assert.equal(topLevel.status, 403);
  assert.equal(topLevel.body.message, "You are not allowed to perform action committee.create. Missing OrganizationManagementLevel: can_manage_organization");
  const forwarding = await run(suite.delegate, "committee.create", { organization_id: 1, name: "Fwd", parent_id: child, forward_to_committee_ids: [1] });
  assert.equal(forwarding.status, 403);
  assert.equal(
    forwarding.body.message,
    "You are not allowed to perform action committee.create. Missing permissions: OrganizationManagementLevel can_manage_organization in organization 1 or CommitteeManagementLevel can_manage in committee {1}",
  );
  await setFields("organization/1", { restrict_edit_forward_committees: true });
  const restricted = await run(suite.delegate, "committee.create", { organization_id: 1, name: "Fwd", parent_id: child, forward_to_committee_ids: [child] });
  assert.equal(restricted.status, 400);
  assert.equal(restricted.body.message, "You are not allowed to set 'forward_to_committee_ids' and 'receive_forwardings_from_committee_ids', because it is restricted.");
  await setFields("organization/1", { restrict_edit_forward_committees: false });
  await setFields(`committee/${parent}`, { manager_ids: [] });
});

test("committee.update: fields, default meeting of another committee, missing models", async () => {
  const id = await createCommittee({ name: "Editable" });
  const updated = await run(suite.admin, "committee.update", { id, name: "Edited", description: "d", manager_ids: [3], receive_forwardings_from_committee_ids: [1] });
  assert.equal(updated.status, 200, JSON.stringify(updated.body));
  assert.deepEqual(await get(`committee/${id}`, ["name", "description", "manager_ids", "receive_forwardings_from_committee_ids"]), {
    id,
    name: "Edited",
    description: "d",
    manager_ids: [3],
    receive_forwardings_from_committee_ids: [1],
  });
  assert.ok(((await get("committee/1", ["forward_to_committee_ids"]))?.forward_to_committee_ids as number[]).includes(id));
  assert.deepEqual((await get("user/3", ["committee_management_ids"]))?.committee_management_ids, [id]);
  const removed = await run(suite.admin, "committee.update", { id, manager_ids: [] });
  assert.equal(removed.status, 200);
  assert.equal((await get("user/3", ["committee_management_ids"]))?.committee_management_ids ?? null, null);

  const foreign = await run(suite.admin, "committee.update", { id, default_meeting_id: 1 });
  assert.equal(foreign.status, 400);
  assert.equal(foreign.body.message, `Meeting 1 does not belong to committee ${id}`);
  const noMeeting = await run(suite.admin, "committee.update", { id, default_meeting_id: 299 });
  assert.equal(noMeeting.status, 400, JSON.stringify(noMeeting.body));
  assert.match(noMeeting.body.message, /Model 'meeting\/299' does not exist\./);
  assert.equal((await get(`committee/${id}`, ["default_meeting_id"]))?.default_meeting_id, undefined);
  const missing = await run(suite.admin, "committee.update", { id, manager_ids: [4242] });
  assert.equal(missing.status, 400);
  assert.match(missing.body.message, /Model 'user\/4242' does not exist\./);
  const unknownField = await run(suite.admin, "committee.update", { id, meeting_ids: [1] });
  assert.equal(unknownField.status, 400);
  assert.equal(unknownField.body.message, "Action committee.update: data must not contain {'meeting_ids'} properties");
});

test("committee.update: a committee manager edits their committee, not others", async () => {
  const own = await createCommittee({ name: "Own", manager_ids: [2] });
  const allowed = await run(suite.delegate, "committee.update", { id: own, name: "Own renamed" });
  assert.equal(allowed.status, 200, JSON.stringify(allowed.body));
  const denied = await run(suite.delegate, "committee.update", { id: 1, name: "Taken" });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.body.message,
    "You are not allowed to perform action committee.update. Missing permissions: OrganizationManagementLevel can_manage_organization in organization 1 or CommitteeManagementLevel can_manage in committee 1",
  );
  assert.equal((await get("committee/1", ["name"]))?.name, "Default committee");
  const toTop = await run(suite.delegate, "committee.update", { id: own, parent_id: null });
  assert.equal(toTop.status, 403);
  assert.equal(toTop.body.message, "You are not allowed to perform action committee.update. Missing OrganizationManagementLevel: can_manage_organization");
  await setFields("organization/1", { restrict_editing_same_level_committee_admins: true });
  const managers = await run(suite.delegate, "committee.update", { id: own, manager_ids: [2, 3] });
  assert.equal(managers.status, 403);
  assert.equal(managers.body.message, "You are not allowed to perform action committee.update. Missing OrganizationManagementLevel: can_manage_organization");
  await setFields("organization/1", { restrict_editing_same_level_committee_admins: false });
  await run(suite.admin, "committee.update", { id: own, manager_ids: [] });
});

test("committee.update: moving committees rewrites all_parent_ids below them; circles are refused", async () => {
  const root = await createCommittee({ name: "Root" });
  const a = await createCommittee({ name: "A", parent_id: root });
  const b = await createCommittee({ name: "B", parent_id: a });
  const c = await createCommittee({ name: "C", parent_id: b });
  const other = await createCommittee({ name: "Other" });

  const circle = await run(suite.admin, "committee.update", { id: root, parent_id: c });
  assert.equal(circle.status, 400);
  const ids = pythonIntSetOrder([root, a, b, c]);
  assert.equal(circle.body.message, `Cannot perform parent updates, as it would create circles for the following committees: {${ids.join(", ")}}`);

  const moved = await suite.admin.post("/system/action/handle_request", [
    { action: "committee.update", data: [{ id: b, parent_id: other }, { id: a, name: "A renamed" }] },
  ]);
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.deepEqual(await get(`committee/${b}`, ["parent_id", "all_parent_ids"]), { id: b, parent_id: other, all_parent_ids: [other] });
  assert.deepEqual(await get(`committee/${c}`, ["parent_id", "all_parent_ids"]), { id: c, parent_id: b, all_parent_ids: [other, b].sort((x, y) => x - y) });
  assert.deepEqual(await get(`committee/${a}`, ["name", "child_ids", "all_child_ids"]), { id: a, name: "A renamed" });
  assert.deepEqual((await get(`committee/${other}`, ["all_child_ids"]))?.all_child_ids, [b, c]);
  assert.deepEqual((await get(`committee/${root}`, ["all_child_ids"]))?.all_child_ids, [a]);

  const detached = await run(suite.admin, "committee.update", { id: b, parent_id: null });
  assert.equal(detached.status, 200);
  assert.deepEqual(await get(`committee/${c}`, ["all_parent_ids"]), { id: c, all_parent_ids: [b] });
  assert.equal((await get(`committee/${b}`, ["all_parent_ids"]))?.all_parent_ids ?? null, null);

  await setFields(`committee/${root}`, { manager_ids: [2] });
  const underOwn = await run(suite.delegate, "committee.update", { id: a, parent_id: root });
  assert.equal(underOwn.status, 200, JSON.stringify(underOwn.body));
  const away = await run(suite.delegate, "committee.update", { id: a, parent_id: other });
  assert.equal(away.status, 403);
  assert.equal(away.body.message, "You are not allowed to perform action committee.update. Missing OrganizationManagementLevel: can_manage_organization");
  await setFields(`committee/${root}`, { manager_ids: [] });
});

test("committee.delete: refused with meetings or children, denied without management, else gone", async () => {
  const withMeeting = await run(suite.admin, "committee.delete", { id: 1 });
  assert.equal(withMeeting.status, 400);
  assert.equal(withMeeting.body.message, "This committee has still a meeting 1. Please remove all meetings before deletion.");
  const parent = await createCommittee({ name: "Doomed parent" });
  const child = await createCommittee({ name: "Doomed child", parent_id: parent, manager_ids: [3] });
  const withChild = await run(suite.admin, "committee.delete", { id: parent });
  assert.equal(withChild.status, 400);
  assert.equal(withChild.body.message, `Can't delete committee ${parent} since it has subcommittees`);
  const denied = await run(suite.delegate, "committee.delete", { id: child });
  assert.equal(denied.status, 403);
  assert.equal(
    denied.body.message,
    `You are not allowed to perform action committee.delete. Missing permissions: OrganizationManagementLevel can_manage_organization in organization 1 or CommitteeManagementLevel can_manage in committee ${child}`,
  );
  const deleted = await run(suite.admin, "committee.delete", { id: child });
  assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
  assert.equal(await get(`committee/${child}`, ["id"]), undefined);
  assert.equal((await get(`committee/${parent}`, ["child_ids"]))?.child_ids ?? null, null);
  assert.equal((await get("user/3", ["committee_management_ids"]))?.committee_management_ids ?? null, null);
  const missing = await run(suite.admin, "committee.delete", { id: 4242 });
  assert.equal(missing.status, 400);
});
