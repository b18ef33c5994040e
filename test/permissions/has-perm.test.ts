// Meeting permissions, management levels and committee management on a real database.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { openTestDatabase, type TestDatabase } from "../support/database.js";
import { ANONYMOUS_PERMISSIONS, USERS, withFields, writeFixture } from "./support/fixture.js";
import {
  cachedPermissionReader,
  committeesManaged,
  committeesNotManaged,
  getMeetingPermissions,
  hasOrganizationManagementLevel,
  hasPerm,
  isAdmin,
  isCommitteeManager,
  permissionsForbiddenForAnonymous,
  withoutImpliedPermissions,
  type PermissionReader,
} from "../../src/permissions/index.js";
import { PermissionDeniedError } from "../../src/action/errors.js";
import { DatabaseError } from "../../src/db/types.js";

let database: TestDatabase;

before(async () => {
  database = await openTestDatabase("external");
  await writeFixture(database.db);
});

after(async () => database?.close());

const can = (userId: number, permission: string, meetingId: number) => hasPerm(database.db, userId, permission, meetingId);

describe("hasPerm", () => {
  test("superadmins and organization managers have every permission in unlocked meetings, user managers none", async () => {
    for (const userId of [USERS.superadmin, USERS.organizationManager]) {
      assert.equal(await can(userId, "motion.can_manage", 10), true);
      assert.equal(await can(userId, "user.can_manage", 20), true);
      assert.equal(await can(userId, "meeting.can_manage_settings", 30), true, "archived meetings too");
    }
    assert.equal(await can(USERS.userManager, "user.can_see", 10), false);
  });

  test("committee managers are admins of the meetings of their committees and of child committees", async () => {
    assert.equal(await can(USERS.rootCommitteeManager, "motion.can_manage", 10), true, "meeting 10 is in child committee 2");
    assert.equal(await can(USERS.rootCommitteeManager, "motion.can_see", 20), false);
    assert.equal(await can(USERS.otherCommitteeManager, "motion.can_manage", 20), true);
    assert.equal(await can(USERS.otherCommitteeManager, "motion.can_see", 10), false);
  });

  test("admin group members have every permission", async () => {
    assert.equal(await can(USERS.meetingAdmin, "motion.can_manage", 10), true);
    assert.equal(await can(USERS.meetingAdmin, "chat.can_manage", 10), true);
    assert.equal(await can(USERS.meetingAdmin, "motion.can_see", 20), false, "not a member of meeting 20");
  });

  test("group permissions count with everything they imply", async () => {
    assert.equal(await can(USERS.delegate, "motion.can_create", 10), true);
    assert.equal(await can(USERS.delegate, "motion.can_see", 10), true, "implied by motion.can_create");
    assert.equal(await can(USERS.delegate, "agenda_item.can_see", 10), true, "implied by agenda_item.can_see_internal");
    assert.equal(await can(USERS.delegate, "motion.can_manage", 10), false);
    assert.equal(await can(USERS.delegate, "agenda_item.can_manage", 10), false);
    assert.equal(await can(USERS.userEditor, "user.can_see_sensitive_data", 10), true, "implied by user.can_update");
    assert.equal(await can(USERS.userEditor, "user.can_manage", 10), false);
  });

  test("locked out members have nothing", async () => {
    assert.equal(await can(USERS.lockedOutDelegate, "motion.can_create", 10), false);
    assert.equal(await can(USERS.lockedOutDelegate, "motion.can_see", 10), false);
  });

  test("a meeting locked from inside ignores management rights; only membership counts", async () => {
    await withFields(database.db, "meeting/10", { locked_from_inside: true }, async () => {
      assert.equal(await can(USERS.superadmin, "motion.can_see", 10), false);
      assert.equal(await can(USERS.rootCommitteeManager, "motion.can_see", 10), false);
      assert.equal(await can(USERS.lockedMeetingSuperadmin, "motion.can_create", 10), true, "as a delegate");
      assert.equal(await can(USERS.lockedMeetingSuperadmin, "motion.can_manage", 10), false);
      assert.equal(await can(USERS.meetingAdmin, "motion.can_manage", 10), true);
    });
    assert.equal(await can(USERS.superadmin, "motion.can_see", 10), true, "unlocked again");
  });

  test("anonymous: only with enable_anonymous, through the anonymous group", async () => {
    await assert.rejects(can(0, "motion.can_see", 10), (error: unknown) => {
      assert.ok(error instanceof PermissionDeniedError);
      assert.equal((error as Error).message, "Anonymous is not enabled for meeting 10");
      return true;
    });
    await withFields(database.db, "meeting/10", { enable_anonymous: true }, async () => {
      for (const permission of ANONYMOUS_PERMISSIONS) assert.equal(await can(0, permission, 10), true, permission);
      assert.equal(await can(0, "motion.can_create", 10), false);
      await withFields(database.db, "meeting/10", { anonymous_group_id: null }, async () => {
        assert.equal(await can(0, "motion.can_see", 10), false, "no anonymous group");
      });
    });
  });

  test("the internal user -1 has no meeting permissions", async () => {
    assert.equal(await can(-1, "motion.can_see", 10), false);
  });

  test("unknown meetings and users are reported like upstream", async () => {
    await assert.rejects(can(USERS.delegate, "motion.can_see", 999), (error: unknown) => {
      assert.ok(error instanceof DatabaseError);
      assert.equal((error as Error).message, "Model 'meeting/999' does not exist.");
      return true;
    });
    await assert.rejects(can(999, "motion.can_see", 10), { message: "Model 'user/999' does not exist." });
  });
});

describe("getMeetingPermissions", () => {
  test("the closed permission set of a member", async () => {
    const standing = await getMeetingPermissions(database.db, USERS.delegate, 10);
    assert.equal(standing.isAdmin, false);
    assert.equal(standing.anonymousDisabled, false);
    assert.deepEqual(standing.groupIds, [13]);
    assert.deepEqual(
      [...standing.permissions].sort(),
      ["agenda_item.can_see", "agenda_item.can_see_internal", "motion.can_create", "motion.can_see", "user.can_see"],
    );
  });

  test("admins have everything without listing it", async () => {
    const admin = await getMeetingPermissions(database.db, USERS.meetingAdmin, 10);
    assert.equal(admin.isAdmin, true);
    assert.equal(admin.has("poll.can_manage"), true);
    const manager = await getMeetingPermissions(database.db, USERS.rootCommitteeManager, 10);
    assert.equal(manager.isAdmin, true);
  });

  test("anonymous without public access gets a flag instead of an error; autoupdate also needs the organization's switch", async () => {
    assert.equal((await getMeetingPermissions(database.db, 0, 10)).anonymousDisabled, true);
    await withFields(database.db, "meeting/10", { enable_anonymous: true }, async () => {
      const permissive = await getMeetingPermissions(database.db, 0, 10, { anonymousNeedsOrganization: true });
      assert.equal(permissive.has("motion.can_see"), true);
      await withFields(database.db, "organization/1", { enable_anonymous: false }, async () => {
        const strict = await getMeetingPermissions(database.db, 0, 10, { anonymousNeedsOrganization: true });
        assert.equal(strict.anonymousDisabled, true);
        assert.equal(strict.has("motion.can_see"), false);
        assert.equal(await can(0, "motion.can_see", 10), true, "the action service checks the meeting only");
      });
    });
  });
});

describe("isAdmin", () => {
  test("admin group members and managers of unlocked meetings", async () => {
    assert.equal(await isAdmin(database.db, USERS.meetingAdmin, 10), true);
    assert.equal(await isAdmin(database.db, USERS.rootCommitteeManager, 10), true);
    assert.equal(await isAdmin(database.db, USERS.delegate, 10), false);
    assert.equal(await isAdmin(database.db, 0, 10), false);
    await withFields(database.db, "meeting/10", { locked_from_inside: true }, async () => {
      assert.equal(await isAdmin(database.db, USERS.superadmin, 10), false);
      assert.equal(await isAdmin(database.db, USERS.meetingAdmin, 10), true);
    });
  });
});

describe("management levels", () => {
  test("organization management levels are ordered", async () => {
    const table: [number, string, boolean][] = [
      [USERS.superadmin, "superadmin", true],
      [USERS.superadmin, "can_manage_users", true],
      [USERS.organizationManager, "superadmin", false],
      [USERS.organizationManager, "can_manage_organization", true],
      [USERS.organizationManager, "can_manage_users", true],
      [USERS.userManager, "can_manage_organization", false],
      [USERS.userManager, "can_manage_users", true],
      [USERS.delegate, "can_manage_users", false],
      [USERS.delegate, "no_right", true],
      [0, "can_manage_users", false],
      [0, "no_right", false],
    ];
    for (const [userId, level, expected] of table) {
      assert.equal(await hasOrganizationManagementLevel(database.db, userId, level as "superadmin"), expected, `${userId} ${level}`);
    }
  });

  test("committee management includes child committees and organization managers, not user managers", async () => {
    const table: [number, number, boolean][] = [
      [USERS.rootCommitteeManager, 1, true],
      [USERS.rootCommitteeManager, 2, true],
      [USERS.rootCommitteeManager, 3, false],
      [USERS.otherCommitteeManager, 3, true],
      [USERS.otherCommitteeManager, 1, false],
      [USERS.organizationManager, 3, true],
      [USERS.superadmin, 2, true],
      [USERS.userManager, 1, false],
      [USERS.meetingAdmin, 2, false],
      [0, 1, false],
    ];
    for (const [userId, committeeId, expected] of table) {
      assert.equal(await isCommitteeManager(database.db, userId, committeeId), expected, `${userId} ${committeeId}`);
    }
  });

  test("managed and not managed committees of a list", async () => {
    assert.deepEqual(await committeesManaged(database.db, USERS.rootCommitteeManager, [1, 2, 3]), [1, 2]);
    assert.deepEqual(await committeesNotManaged(database.db, USERS.rootCommitteeManager, [1, 2, 3]), [3]);
    assert.deepEqual(await committeesManaged(database.db, USERS.organizationManager, [2, 3]), [2, 3]);
    assert.deepEqual(await committeesNotManaged(database.db, USERS.organizationManager, [2, 3]), []);
    assert.deepEqual(await committeesManaged(database.db, 0, [1]), []);
  });
});

describe("per-request cache", () => {
  test("repeated checks read the database once", async () => {
    let reads = 0;
    const counting: PermissionReader = {
      get: (fqid, fields, options) => (reads++, database.db.get(fqid, fields, options)),
      getMany: (collection, ids, fields) => (reads++, database.db.getMany(collection, ids, fields)),
      filter: (collection, filter, fields) => (reads++, database.db.filter(collection, filter, fields)),
    };
    const cached = cachedPermissionReader(counting);
    assert.equal(await hasPerm(cached, USERS.delegate, "motion.can_create", 10), true);
    const first = reads;
    assert.ok(first > 0);
    assert.equal(await hasPerm(cached, USERS.delegate, "motion.can_manage", 10), false);
    assert.equal(await hasPerm(cached, USERS.delegate, "user.can_see", 10), true);
    assert.equal(reads, first);
    await assert.rejects(hasPerm(cached, USERS.delegate, "motion.can_see", 999));
    await assert.rejects(hasPerm(cached, USERS.delegate, "motion.can_see", 999), { message: "Model 'meeting/999' does not exist." });
  });
});

describe("permission lists", () => {
  test("the anonymous group's allow-list", () => {
    assert.deepEqual(permissionsForbiddenForAnonymous(["motion.can_see", "motion.can_create", "user.can_manage", "motion.can_create"]), [
      "motion.can_create",
      "user.can_manage",
    ]);
  });

  test("implied permissions are dropped", () => {
    assert.deepEqual(withoutImpliedPermissions(["motion.can_see", "motion.can_manage", "agenda_item.can_see", "motion.can_create"]), [
      "motion.can_manage",
      "agenda_item.can_see",
    ]);
  });
});
