import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenter get_users", () => {
  let t: PresenterTestServer;
  let ids: Record<string, number>;
  before(async () => {
    t = await startPresenterServer();
    ids = {};
    for (const [username, first_name, last_name, is_active] of [
      ["zz_x1", "Bea", "Xavier", true],
      ["zz_x2", "Ann", "Xavier", false],
      ["zz_x3", null, "Xanthe", true],
    ] as const) {
      ids[username] = (await t.createUser(username, { first_name, last_name, is_active })).id;
    }
  });
  after(async () => t.stop());

  test("filters by name substring, sorts by last name, first name, username, pages", async () => {
    const sorted = await present(t.admin, "get_users", { filter: "X" });
    assert.equal(sorted.status, 200);
    assert.deepEqual(sorted.body, { users: [ids.zz_x3, ids.zz_x2, ids.zz_x1] });
    const reversed = await present(t.admin, "get_users", { filter: "zz_", reverse: true, start_index: 1, entries: 1 });
    assert.deepEqual(reversed.body, { users: [ids.zz_x2] });
    const byActivity = await present(t.admin, "get_users", { filter: "zz_", sort_criteria: ["is_active", "username"] });
    assert.deepEqual(byActivity.body, { users: [ids.zz_x2, ids.zz_x1, ids.zz_x3] });
    const everyone = await present(t.admin, "get_users", {});
    assert.equal(everyone.body.users.length, 6);
  });

  test("needs can_manage_users; bad data is 400", async () => {
    const denied = await present(t.userA, "get_users", {});
    assert.deepEqual([denied.status, denied.body.message], [403, "Missing OrganizationManagementLevel: can_manage_users"]);
    const badCriterion = await present(t.admin, "get_users", { sort_criteria: ["password"] });
    assert.equal(badCriterion.status, 400);
    assert.match(badCriterion.body.message, /^data\.sort_criteria\[0\] must be one of/);
  });
});
