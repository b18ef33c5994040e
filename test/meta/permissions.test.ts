import { test } from "node:test";
import assert from "node:assert/strict";
import { expandPermissions, impliedPermissions, isPermission, permissionImplies, PERMISSIONS } from "../../src/meta/permissions.js";
import { getField } from "../../src/meta/registry.js";

test("the permission tree equals the enum of group/permissions", () => {
  const groupPermissions = getField("group", "permissions")!.itemsEnum!;
  assert.equal(PERMISSIONS.length, 43);
  assert.deepEqual([...PERMISSIONS].sort(), [...groupPermissions].sort());
});

test("permissions imply everything below them in the tree", () => {
  assert.deepEqual(impliedPermissions("agenda_item.can_manage"), ["agenda_item.can_see", "agenda_item.can_see_internal"]);
  assert.deepEqual(impliedPermissions("motion.can_manage"), [
    "motion.can_create", "motion.can_create_amendments", "motion.can_forward", "motion.can_manage_metadata", "motion.can_see", "motion.can_see_internal",
  ]);
  assert.deepEqual(impliedPermissions("user.can_manage"), ["user.can_manage_presence", "user.can_see", "user.can_see_sensitive_data", "user.can_update"]);
  assert.deepEqual(impliedPermissions("user.can_update"), ["user.can_see", "user.can_see_sensitive_data"]);
  assert.deepEqual(impliedPermissions("assignment.can_manage"), ["assignment.can_nominate_other", "assignment.can_see"]);
  assert.deepEqual(impliedPermissions("list_of_speakers.can_manage_moderator_notes"), ["list_of_speakers.can_see_moderator_notes"]);
  assert.deepEqual(impliedPermissions("poll.can_manage"), ["poll.can_see_progress"]);
  assert.deepEqual(impliedPermissions("meeting.can_manage_settings"), []);
  assert.deepEqual(impliedPermissions("motion.can_fly"), []);
});

test("permissionImplies follows the tree one way only", () => {
  assert.equal(permissionImplies("agenda_item.can_manage", "agenda_item.can_see_internal"), true);
  assert.equal(permissionImplies("agenda_item.can_manage", "agenda_item.can_see"), true);
  assert.equal(permissionImplies("agenda_item.can_see", "agenda_item.can_manage"), false);
  assert.equal(permissionImplies("motion.can_see", "motion.can_see"), true);
  assert.equal(permissionImplies("motion.can_manage", "motion.can_support"), false);
  assert.equal(permissionImplies("motion.can_manage", "motion.can_manage_polls"), false);
  assert.equal(permissionImplies("assignment.can_manage", "assignment.can_nominate_self"), false);
  assert.equal(permissionImplies("list_of_speakers.can_manage", "list_of_speakers.can_be_speaker"), false);
  assert.equal(permissionImplies("motion.can_manage", "agenda_item.can_see"), false);
  assert.equal(permissionImplies("toString", "motion.can_see"), false);
});

test("expandPermissions adds every implied permission", () => {
  assert.deepEqual([...expandPermissions(["mediafile.can_manage"])].sort(), ["mediafile.can_manage", "mediafile.can_see"]);
  assert.deepEqual([...expandPermissions(["user.can_edit_own_delegation", "poll.can_manage"])].sort(), [
    "poll.can_manage", "poll.can_see_progress", "user.can_edit_own_delegation", "user.can_see",
  ]);
  assert.equal(expandPermissions([]).size, 0);
  assert.equal(isPermission("motion.can_see"), true);
  assert.equal(isPermission("motion.can_fly"), false);
  assert.equal(isPermission(42), false);
});
