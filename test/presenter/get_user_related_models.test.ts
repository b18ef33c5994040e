import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenter get_user_related_models", () => {
  let t: PresenterTestServer;
  before(async () => {
    t = await startPresenterServer();
  });
  after(async () => t.stop());

  test("lists OML, committees and meetings with the user's ties; unknown ids are skipped", async () => {
    const [meeting] = await t.sql("SELECT name FROM meeting_t WHERE id = 1");
    const answer = await present(t.admin, "get_user_related_models", { user_ids: [1, 2, 999] });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body["2"], {
      committees: [{ id: 1, name: "Default committee", cml: "" }],
      meetings: [{ id: 1, name: meeting!.name, is_active_in_organization_id: 1, is_locked: false, speaker_ids: [2, 3, 7, 10, 11, 13], assignment_candidate_ids: [3, 5] }],
    });
    assert.equal(answer.body["1"].organization_management_level, "superadmin");
    assert.deepEqual(answer.body["1"].committees, [{ id: 1, name: "Default committee", cml: "can_manage" }]);
    assert.deepEqual(Object.keys(answer.body).sort(), ["1", "2"]);
  });

  test("details of a meeting locked from inside are hidden from outsiders", async () => {
    const { client: userManager } = await t.createUser("usermanager", { organization_management_level: "can_manage_users" });
    await t.sql("UPDATE meeting_t SET locked_from_inside = true WHERE id = 1");
    try {
      const answer = await present(userManager, "get_user_related_models", { user_ids: [2] });
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body["2"].meetings, [{ id: 1, name: answer.body["2"].meetings[0].name, is_active_in_organization_id: 1, is_locked: true }]);
    } finally {
      await t.sql("UPDATE meeting_t SET locked_from_inside = false WHERE id = 1");
    }
  });

  test("the requester must be allowed to alter the user", async () => {
    const higher = await present(t.userA, "get_user_related_models", { user_ids: [1] });
    assert.deepEqual([higher.status, higher.body.message], [403, "Missing permission: OrganizationManagementLevel superadmin in organization 1"]);
    const meetingScope = await present(t.userA, "get_user_related_models", { user_ids: [3] });
    assert.deepEqual(
      [meetingScope.status, meetingScope.body.message],
      [403, "Missing permissions: OrganizationManagementLevel can_manage_users in organization 1 or CommitteeManagementLevel can_manage in committee 1 or Permission user.can_manage in meeting 1"],
    );
    const { id: loner } = await t.createUser("loner");
    const organizationScope = await present(t.userA, "get_user_related_models", { user_ids: [loner] });
    assert.deepEqual([organizationScope.status, organizationScope.body.message], [403, "Missing permission: OrganizationManagementLevel can_manage_users in organization 1"]);
  });

  test("bad data", async () => {
    const bad = await present(t.admin, "get_user_related_models", { user_ids: "1" });
    assert.deepEqual([bad.status, bad.body.message], [400, "data.user_ids must be array"]);
  });
});
