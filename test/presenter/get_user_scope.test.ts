import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenter get_user_scope", () => {
  let t: PresenterTestServer;
  before(async () => {
    t = await startPresenterServer();
  });
  after(async () => t.stop());

  test("members of one active meeting have meeting scope; users without meetings the organization", async () => {
    const { id: loner } = await t.createUser("loner");
    const { id: homed } = await t.createUser("homed", { home_committee_id: 1 });
    const answer = await present(t.userA, "get_user_scope", { user_ids: [1, 2, loner, homed] });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, {
      "1": { collection: "meeting", id: 1, user_oml: "superadmin", committee_ids: [1], user_in_archived_meetings_only: false, home_committee_id: null },
      "2": { collection: "meeting", id: 1, user_oml: "", committee_ids: [1], user_in_archived_meetings_only: false, home_committee_id: null },
      [loner]: { collection: "organization", id: 1, user_oml: "", committee_ids: [], user_in_archived_meetings_only: false, home_committee_id: null },
      [homed]: { collection: "committee", id: 1, user_oml: "", committee_ids: [], user_in_archived_meetings_only: false, home_committee_id: 1 },
    });
  });

  test("members of archived meetings only have their committee's scope", async () => {
    await t.sql("UPDATE meeting_t SET is_active_in_organization_id = NULL WHERE id = 1");
    try {
      const answer = await present(t.admin, "get_user_scope", { user_ids: [2] });
      assert.deepEqual(answer.body["2"], {
        collection: "committee",
        id: 1,
        user_oml: "",
        committee_ids: [1],
        user_in_archived_meetings_only: true,
        home_committee_id: null,
      });
    } finally {
      await t.sql("UPDATE meeting_t SET is_active_in_organization_id = 1 WHERE id = 1");
    }
  });

  test("unknown users and bad data are 400", async () => {
    const unknown = await present(t.admin, "get_user_scope", { user_ids: [999] });
    assert.deepEqual([unknown.status, unknown.body], [400, { success: false, message: "Model 'user/999' does not exist." }]);
    const duplicate = await present(t.admin, "get_user_scope", { user_ids: [1, 1] });
    assert.deepEqual([duplicate.status, duplicate.body.message], [400, "data.user_ids must contain unique items"]);
    const extra = await present(t.admin, "get_user_scope", { user_ids: [1], x: 1 });
    assert.equal(extra.status, 400);
  });
});
