import { test } from "node:test";
import assert from "node:assert/strict";
import { expandPermissions, isPermission, permissionImplies, PERMISSIONS } from "../../src/meta/permissions.js";
import { getField } from "../../src/meta/registry.js";

test("the permission tree equals the enum of group/permissions", () => {
  assert.deepEqual([...PERMISSIONS].sort(), [...(getField("group", "permissions")!.itemsEnum ?? [])].sort());
});

test("permissions imply the ones below them", () => {
  assert.equal(permissionImplies("agenda_item.can_manage", "agenda_item.can_see_internal"), true);
  assert.equal(permissionImplies("agenda_item.can_manage", "agenda_item.can_see"), true);
  assert.equal(permissionImplies("agenda_item.can_see", "agenda_item.can_manage"), false);
  assert.equal(permissionImplies("motion.can_manage", "motion.can_see"), true);
  assert.equal(permissionImplies("motion.can_manage", "motion.can_create"), true);
  assert.equal(permissionImplies("list_of_speakers.can_manage", "list_of_speakers.can_be_speaker"), false);
  assert.deepEqual([...expandPermissions(["mediafile.can_manage"])].sort(), ["mediafile.can_manage", "mediafile.can_see"]);
  assert.equal(isPermission("motion.can_fly"), false);
});
