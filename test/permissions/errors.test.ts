// The 403 texts of the permission model.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  anonymousNotAllowed,
  anonymousNotEnabled,
  missingPermissionsText,
  missingPermissionText,
  MissingPermissionError,
  notAllowedToPerform,
  permissionKind,
  presenterMissingPermission,
  pythonIntSetOrder,
} from "../../src/permissions/index.js";
import { PermissionDeniedError } from "../../src/action/errors.js";

test("kinds are told apart by value", () => {
  assert.deepEqual(permissionKind("motion.can_create"), { type: "Permission", base: "meeting" });
  assert.deepEqual(permissionKind("can_manage_users"), { type: "OrganizationManagementLevel", base: "organization" });
  assert.deepEqual(permissionKind("can_manage"), { type: "CommitteeManagementLevel", base: "committee" });
});

test("single missing permissions", () => {
  assert.equal(missingPermissionText("motion.can_create"), "Missing Permission: motion.can_create");
  assert.equal(missingPermissionText("can_manage_organization"), "Missing OrganizationManagementLevel: can_manage_organization");
  assert.equal(missingPermissionText("can_manage"), "Missing CommitteeManagementLevel: can_manage");
});

test("alternatives", () => {
  const cases: [Parameters<typeof missingPermissionsText>, string][] = [
    [[[["can_manage", 1]]], "Missing permission: CommitteeManagementLevel can_manage in committee 1"],
    [
      [[["can_manage_users", 1], ["can_manage", new Set([63, 60])]]],
      "Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committees {60, 63}",
    ],
    [[[["can_manage_users", 1], ["can_manage", []]]], "Missing permission: OrganizationManagementLevel can_manage_users in organization 1"],
    [[[["can_manage", [5]]]], "Missing permission: CommitteeManagementLevel can_manage in committee {5}"],
    [[[["can_manage", [60, 66]]]], "Missing permission: CommitteeManagementLevel can_manage in committees {66, 60}"],
    [
      [[["motion.can_manage", 1], ["motion.can_manage_metadata", 1]], true],
      "Missing permissions: Permission motion.can_manage in meeting 1 and Permission motion.can_manage_metadata in meeting 1",
    ],
  ];
  for (const [args, expected] of cases) assert.equal(missingPermissionsText(...args), expected);
});

test("errors are 403s; the generic action check prefixes the action", () => {
  const error = MissingPermissionError.single("agenda_item.can_manage").withActionPrefix("topic.create");
  assert.ok(error instanceof PermissionDeniedError);
  assert.equal(error.message, "You are not allowed to perform action topic.create. Missing Permission: agenda_item.can_manage");
  assert.equal(MissingPermissionError.anyOf([["can_manage_users", 1]]).message, "Missing permission: OrganizationManagementLevel can_manage_users in organization 1");
  assert.equal(notAllowedToPerform("user.delete").message, "You are not allowed to perform action user.delete.");
  assert.equal(anonymousNotEnabled(4).message, "Anonymous is not enabled for meeting 4");
  assert.equal(anonymousNotAllowed("user.update_self").message, "Anonymous is not allowed to execute user.update_self");
  assert.equal(
    presenterMissingPermission("get_forwarding_meetings", "motion.can_forward").message,
    "You are not allowed to perform presenter get_forwarding_meetings Missing permission: motion.can_forward",
  );
  for (const denied of [anonymousNotEnabled(1), notAllowedToPerform("x")]) assert.ok(denied instanceof PermissionDeniedError);
});

test("id sets are printed in CPython's iteration order", () => {
  // outputs of CPython 3.11 for set() built by adding the ids in the given order
  const cases: [number[], number[]][] = [
    [[60, 66], [66, 60]],
    [[1, 3], [1, 3]],
    [[9, 1, 17], [9, 1, 17]],
    [[1, 9, 17], [1, 9, 17]],
    [[8, 16, 24, 0], [8, 16, 24, 0]],
    [[100, 3, 4, 5, 6, 7], [3, 100, 5, 4, 6, 7]],
    [[4096, 1, 2, 2, 1], [4096, 1, 2]],
  ];
  for (const [ids, expected] of cases) assert.deepEqual(pythonIntSetOrder(ids), expected, JSON.stringify(ids));
});
