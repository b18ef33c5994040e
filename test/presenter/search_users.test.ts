import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenter search_users", () => {
  let t: PresenterTestServer;
  let maxId: number;
  before(async () => {
    t = await startPresenterServer();
    maxId = (await t.createUser("Max.Muster", { first_name: "Max", last_name: "Muster", email: "max@example.com", member_number: "M-1" })).id;
  });
  after(async () => t.stop());

  const max = () => ({ id: maxId, username: "Max.Muster", saml_id: null, member_number: "M-1", first_name: "Max", last_name: "Muster", email: "max@example.com" });

  test("matches by username, member number or full name + email, case-insensitively, one list per entry", async () => {
    const answer = await present(t.admin, "search_users", {
      permission_type: "organization",
      permission_id: 1,
      search: [
        { username: " max.MUSTER " },
        { member_number: "m-1" },
        { first_name: "max", last_name: "muster", email: "MAX@example.com" },
        { first_name: "Max" },
        { username: "nobody", first_name: "Max", last_name: "Muster", email: "max@example.com" },
      ],
    });
    assert.equal(answer.status, 200);
    // A partial name must still equal all three name fields; a given username decides alone.
    assert.deepEqual(answer.body, [[max()], [max()], [max()], [], []]);
  });

  test("committee and meeting managers may search in their scope", async () => {
    const { client: manager, id: managerId } = await t.createUser("cm");
    await t.sql("INSERT INTO nm_committee_manager_ids_user_t (committee_id, user_id) VALUES (1, $1)", [managerId]);
    const inCommittee = await present(manager, "search_users", { permission_type: "committee", permission_id: 1, search: [{ username: "a" }] });
    assert.deepEqual([inCommittee.status, inCommittee.body[0].map((user: { id: number }) => user.id)], [200, [2]]);
    const inMeeting = await present(manager, "search_users", { permission_type: "meeting", permission_id: 1, search: [{ username: "b" }] });
    assert.deepEqual(inMeeting.body[0].map((user: { id: number }) => user.id), [3]);
  });

  test("denied callers get upstream's messages", async () => {
    const search = [{ username: "a" }];
    const organization = await present(t.userA, "search_users", { permission_type: "organization", permission_id: 1, search });
    assert.deepEqual([organization.status, organization.body.message], [403, "Missing OrganizationManagementLevel: can_manage_users"]);
    const committee = await present(t.userA, "search_users", { permission_type: "committee", permission_id: 1, search });
    assert.deepEqual([committee.status, committee.body.message], [403, "Missing permission: CommitteeManagementLevel can_manage in committee 1"]);
    const meeting = await present(t.userA, "search_users", { permission_type: "meeting", permission_id: 1, search });
    assert.deepEqual([meeting.status, meeting.body.message], [403, "Missing permission: Permission user.can_manage in meeting 1"]);
  });

  test("bad data and the easter egg", async () => {
    const empty = await present(t.admin, "search_users", { permission_type: "meeting", permission_id: 1, search: [] });
    assert.deepEqual([empty.status, empty.body.message], [400, "data.search must contain at least 1 items"]);
    const unknownField = await present(t.admin, "search_users", { permission_type: "meeting", permission_id: 1, search: [{ password: "x" }] });
    assert.equal(unknownField.status, 400);
    const egg = await present(t.admin, "search_users", { permission_type: "organization", permission_id: 1, search: [{ first_name: "Jehova" }] });
    assert.deepEqual([egg.status, egg.body.message], [400, "Oooh! He said it again! Oooh!..."]);
  });
});
