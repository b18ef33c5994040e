// User scope and who may manage whom, on a real database (see support/fixture.ts for the users).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openTestDatabase, type TestDatabase } from "../support/database.js";
import { USERS, writeFixture } from "./support/fixture.js";
import {
  calculateUserScope,
  checkPermissionsForScope,
  getUserScope,
  isAdminInAllMeetings,
  MissingPermissionError,
  type ScopeCheckOptions,
  type ScopeMeeting,
} from "../../src/permissions/index.js";

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase("external");
  await writeFixture(database.db);
});

after(async () => database?.close());

describe("calculateUserScope (pure)", () => {
  const meetings = (entries: [number, number, boolean][]) => new Map<number, ScopeMeeting>(entries.map(([id, committeeId, active]) => [id, { committeeId, active }]));
  const subject = (meetingIds: number[], committeeManagementIds: number[] = [], homeCommitteeId: number | null = null) => ({
    meetingIds,
    committeeManagementIds,
    oml: "",
    homeCommitteeId,
  });

  test("nothing: organization", () => {
    const scope = calculateUserScope(subject([]), new Map());
    assert.deepEqual([scope.scope, scope.scopeId, scope.inArchivedMeetingsOnly], ["organization", 1, false]);
  });

  test("a home committee wins", () => {
    const scope = calculateUserScope(subject([10], [], 7), meetings([[10, 2, true]]));
    assert.deepEqual([scope.scope, scope.scopeId, scope.homeCommitteeId], ["committee", 7, 7]);
  });

  test("one active meeting: meeting scope with the active meetings only", () => {
    const scope = calculateUserScope(subject([10, 11]), meetings([[10, 2, true], [11, 2, false]]));
    assert.deepEqual([scope.scope, scope.scopeId], ["meeting", 10]);
    assert.deepEqual([...scope.committeeMeetings], [[2, [10]]]);
  });

  test("one active meeting but a managed committee elsewhere: organization", () => {
    const scope = calculateUserScope(subject([10], [3]), meetings([[10, 2, true]]));
    assert.deepEqual([scope.scope, scope.scopeId], ["organization", 1]);
    assert.deepEqual([...scope.committeeMeetings], [[2, [10]], [3, []]]);
  });

  test("several meetings of one committee: committee", () => {
    const scope = calculateUserScope(subject([10, 11]), meetings([[10, 2, true], [11, 2, true]]));
    assert.deepEqual([scope.scope, scope.scopeId], ["committee", 2]);
  });

  test("archived meetings only", () => {
    const scope = calculateUserScope(subject([10, 20]), meetings([[10, 2, false], [20, 3, false]]));
    assert.deepEqual([scope.scope, scope.scopeId, scope.inArchivedMeetingsOnly], ["organization", 1, true]);
    const manager = calculateUserScope(subject([10], [2]), meetings([[10, 2, false]]));
    assert.equal(manager.inArchivedMeetingsOnly, false, "a managed committee counts as active");
  });
});

describe("getUserScope", () => {
  const scopeOf = async (user: number | Record<string, unknown>) => {
    const scope = await getUserScope(database.db, user);
    return { scope: scope.scope, id: scope.scopeId, oml: scope.oml, committees: Object.fromEntries(scope.committeeMeetings), archivedOnly: scope.inArchivedMeetingsOnly };
  };

  test("stored users", async () => {
    assert.deepEqual(await scopeOf(USERS.delegate), { scope: "meeting", id: 10, oml: "", committees: { 2: [10] }, archivedOnly: false });
    assert.deepEqual(await scopeOf(USERS.committeeMember), { scope: "meeting", id: 20, oml: "", committees: { 3: [20] }, archivedOnly: false });
    assert.deepEqual(await scopeOf(USERS.archivedMember), { scope: "committee", id: 3, oml: "", committees: { 3: [30] }, archivedOnly: true });
    assert.deepEqual(await scopeOf(USERS.homeCommitteeUser), { scope: "committee", id: 2, oml: "", committees: {}, archivedOnly: false });
    assert.deepEqual(await scopeOf(USERS.twoCommitteeMember), { scope: "organization", id: 1, oml: "", committees: { 2: [10], 3: [20] }, archivedOnly: false });
    assert.deepEqual(await scopeOf(USERS.rootCommitteeManager), { scope: "committee", id: 1, oml: "", committees: { 1: [] }, archivedOnly: false });
    assert.deepEqual(await scopeOf(USERS.superadmin), { scope: "organization", id: 1, oml: "superadmin", committees: {}, archivedOnly: false });
  });

  test("payload instances: the meeting counts only together with group_ids", async () => {
    assert.equal((await scopeOf({ meeting_id: 10, group_ids: [13] })).scope, "meeting");
    assert.equal((await scopeOf({ meeting_id: 10 })).scope, "organization");
    assert.deepEqual(await scopeOf({ committee_management_ids: [3], organization_management_level: "can_manage_users" }), {
      scope: "committee",
      id: 3,
      oml: "can_manage_users",
      committees: { 3: [] },
      archivedOnly: false,
    });
  });

  test("unknown users", async () => {
    await assert.rejects(getUserScope(database.db, 999), { message: "Model 'user/999' does not exist." });
  });
});

describe("checkPermissionsForScope", () => {
  const allowed = (requestUser: number, target: number, options?: ScopeCheckOptions) =>
    assert.doesNotReject(checkPermissionsForScope(database.db, requestUser, target, options));
  const denied = (requestUser: number, target: number, message: string, options?: ScopeCheckOptions) =>
    assert.rejects(checkPermissionsForScope(database.db, requestUser, target, options), (error: unknown) => {
      assert.ok(error instanceof MissingPermissionError);
      assert.equal((error as Error).message, message);
      return true;
    });

  test("user managers pass every scope, but not for users with a higher level", async () => {
    for (const target of [USERS.delegate, USERS.homeCommitteeUser, USERS.twoCommitteeMember, USERS.organizationManager]) {
      await allowed(USERS.organizationManager, target);
    }
    await allowed(USERS.userManager, USERS.twoCommitteeMember);
    await denied(USERS.userManager, USERS.superadmin, "Missing permission: OrganizationManagementLevel superadmin in organization 1");
    await denied(USERS.organizationManager, USERS.superadmin, "Missing permission: OrganizationManagementLevel superadmin in organization 1");
  });

  test("meeting scope: user.can_manage in the meeting or committee management", async () => {
    await allowed(USERS.meetingAdmin, USERS.delegate);
    await allowed(USERS.rootCommitteeManager, USERS.delegate);
    await denied(
      USERS.delegate,
      USERS.lockedOutDelegate,
      "Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committee 2 or Permission user.can_manage in meeting 10",
    );
    await denied(
      USERS.meeting10Editor,
      USERS.delegate,
      "Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committee 2 or Permission user.can_manage in meeting 10",
    );
    await allowed(USERS.meeting10Editor, USERS.delegate, { meetingPermission: "user.can_update" });
  });

  test("committee scope: committee management", async () => {
    await allowed(USERS.rootCommitteeManager, USERS.homeCommitteeUser);
    await denied(
      USERS.otherCommitteeManager,
      USERS.homeCommitteeUser,
      "Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committee 2",
    );
  });

  test("organization scope: managing any of the committees, or user rights in all of the target's meetings", async () => {
    await allowed(USERS.otherCommitteeManager, USERS.twoCommitteeMember);
    await allowed(USERS.userEditor, USERS.twoCommitteeMember);
    await denied(
      USERS.meeting10Editor,
      USERS.twoCommitteeMember,
      "Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or Permission user.can_update in meeting 20",
    );
    await denied(USERS.delegate, USERS.superadmin, "Missing permission: OrganizationManagementLevel can_manage_users in organization 1", {
      alwaysCheckUserOml: false,
    });
  });

  test("admins in all meetings: a target managing committees is excluded except for user.create", async () => {
    assert.equal(await isAdminInAllMeetings(database.db, USERS.userEditor, USERS.twoCommitteeMember, [10, 20]), true);
    assert.equal(await isAdminInAllMeetings(database.db, USERS.meeting10Editor, USERS.twoCommitteeMember, [10, 20]), false);
    assert.equal(await isAdminInAllMeetings(database.db, USERS.userEditor, USERS.rootCommitteeManager, [10]), false);
    assert.equal(await isAdminInAllMeetings(database.db, USERS.userEditor, USERS.rootCommitteeManager, [10], "user.create"), true);
    assert.equal(await isAdminInAllMeetings(database.db, USERS.userEditor, USERS.twoCommitteeMember, []), false);
  });
});
