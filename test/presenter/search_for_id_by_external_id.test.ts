import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenter search_for_id_by_external_id", () => {
  let t: PresenterTestServer;
  before(async () => {
    t = await startPresenterServer();
    await t.sql("UPDATE committee_t SET external_id = 'ext-committee' WHERE id = 1");
    await t.sql("UPDATE meeting_t SET external_id = 'ext-meeting' WHERE id = 1");
    await t.sql("UPDATE group_t SET external_id = 'ext-group' WHERE id = 3");
  });
  after(async () => t.stop());

  test("finds committees, meetings and groups in their parent", async () => {
    const search = (collection: string, external_id: string, context_id: number) =>
      present(t.admin, "search_for_id_by_external_id", { collection, external_id, context_id });
    assert.deepEqual(await search("committee", "ext-committee", 1).then((r) => [r.status, r.body]), [200, { id: 1 }]);
    assert.deepEqual((await search("meeting", "ext-meeting", 1)).body, { id: 1 });
    assert.deepEqual((await search("group", "ext-group", 1)).body, { id: 3 });
    assert.deepEqual((await search("meeting", "ext-meeting", 2)).body, { id: null, error: "No item with 'ext-meeting' was found." });
  });

  test("groups of a meeting locked from inside are hidden from non-members", async () => {
    await t.sql("UPDATE meeting_t SET locked_from_inside = true WHERE id = 1");
    try {
      // admin is in group 2 of meeting 1, so still finds the group
      const member = await present(t.admin, "search_for_id_by_external_id", { collection: "group", external_id: "ext-group", context_id: 1 });
      assert.deepEqual(member.body, { id: 3 });
      const { client: organizationManager } = await t.createUser("orgmanager", { organization_management_level: "can_manage_organization" });
      const outsider = await present(organizationManager, "search_for_id_by_external_id", { collection: "group", external_id: "ext-group", context_id: 1 });
      assert.deepEqual(outsider.body, { id: null, error: "No item with 'ext-group' was found." });
    } finally {
      await t.sql("UPDATE meeting_t SET locked_from_inside = false WHERE id = 1");
    }
  });

  test("needs can_manage_organization", async () => {
    const denied = await present(t.userA, "search_for_id_by_external_id", { collection: "meeting", external_id: "ext-meeting", context_id: 1 });
    assert.deepEqual([denied.status, denied.body], [403, { success: false, message: "Missing OrganizationManagementLevel: can_manage_organization" }]);
  });

  test("bad data", async () => {
    const wrongCollection = await present(t.admin, "search_for_id_by_external_id", { collection: "user", external_id: "x", context_id: 1 });
    assert.equal(wrongCollection.status, 400);
    assert.match(wrongCollection.body.message, /^data\.collection must be one of/);
    const missing = await present(t.admin, "search_for_id_by_external_id", { collection: "meeting", external_id: "x" });
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /^data must contain \[.*'context_id'\] properties$/);
  });
});
