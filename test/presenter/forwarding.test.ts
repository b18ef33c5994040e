// get_forwarding_committees and get_forwarding_meetings.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenters get_forwarding_committees / get_forwarding_meetings", () => {
  let t: PresenterTestServer;
  before(async () => {
    t = await startPresenterServer();
  });
  after(async () => t.stop());

  test("get_forwarding_committees lists the names of the sending committees", async () => {
    const none = await present(t.admin, "get_forwarding_committees", { meeting_id: 1 });
    assert.deepEqual([none.status, none.body], [200, []]);
    const [sender] = await t.sql("INSERT INTO committee_t (name, organization_id) VALUES ('Sender', 1) RETURNING id");
    await t.sql("INSERT INTO nm_committee_forward_to_committee_ids_committee_t (receive_forwardings_from_committee_id, forward_to_committee_id) VALUES ($1, 1)", [sender!.id]);
    const some = await present(t.admin, "get_forwarding_committees", { meeting_id: 1, extra: true });
    assert.deepEqual([some.status, some.body], [200, ["Sender"]]);
  });

  test("get_forwarding_committees: denied and bad data", async () => {
    const denied = await present(t.userA, "get_forwarding_committees", { meeting_id: 1 });
    assert.deepEqual([denied.status, denied.body], [
      403,
      { success: false, message: "You are not allowed to perform presenter get_forwarding_committees Missing permission: motion.can_manage_metadata" },
    ]);
    const anonymous = await present(t.anonymous, "get_forwarding_committees", { meeting_id: 1 });
    assert.deepEqual([anonymous.status, anonymous.body.message], [403, "Anonymous is not enabled for meeting 1"]);
    const bad = await present(t.admin, "get_forwarding_committees", { meeting_id: 0 });
    assert.deepEqual([bad.status, bad.body.message], [400, "data.meeting_id must be bigger than or equal to 1"]);
    const unknown = await present(t.admin, "get_forwarding_committees", { meeting_id: 99 });
    assert.deepEqual([unknown.status, unknown.body.message], [400, "Model 'meeting/99' does not exist."]);
  });

  test("get_forwarding_meetings lists open meetings of target committees, never the sender", async () => {
    const none = await present(t.admin, "get_forwarding_meetings", { meeting_id: 1, for_agenda: true });
    assert.deepEqual([none.status, none.body], [200, []]);
    const [target] = await t.sql("INSERT INTO committee_t (name, organization_id) VALUES ('Target', 1) RETURNING id");
    await t.sql("INSERT INTO nm_committee_forward_to_committee_ids_committee_t (receive_forwardings_from_committee_id, forward_to_committee_id) VALUES (1, $1), (1, 1)", [target!.id]);
    // Meeting 1 is the only meeting and the sender itself.
    const stillNone = await present(t.admin, "get_forwarding_meetings", { meeting_id: 1 });
    assert.deepEqual(stillNone.body, []);
  });

  test("get_forwarding_meetings: meetings ending today or later in their time zone, others not, times in that zone", async () => {
    const act = async (action: string, data: Record<string, unknown>) => {
      const answer = await t.admin.post("/system/action/handle_request", [{ action, data: [data] }]);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return (answer.body as any).results[0][0];
    };
    const receiver = (await act("committee.create", { organization_id: 1, name: "Open receiver" })).id as number;
    await t.sql("INSERT INTO nm_committee_forward_to_committee_ids_committee_t (receive_forwardings_from_committee_id, forward_to_committee_id) VALUES (1, $1)", [receiver]);
    const now = Math.floor(Date.now() / 1000);
    const day = 24 * 3600;
    const open = (await act("meeting.create", { committee_id: receiver, name: "Open", language: "en", admin_ids: [1], start_time: now - day, end_time: now + 30 * day, time_zone: "Europe/Berlin" })).id as number;
    await act("meeting.create", { committee_id: receiver, name: "Ended", language: "en", admin_ids: [1], start_time: now - 30 * day, end_time: now - 3 * day });
    const answer = await present(t.admin, "get_forwarding_meetings", { meeting_id: 1 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const entry = (answer.body as any[]).find((committee) => committee.id === receiver);
    assert.deepEqual(entry.meetings.map((meeting: any) => [meeting.id, meeting.name]), [[open, "Open"]]);
    assert.match(entry.meetings[0].end_time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/, "Berlin offset");
    assert.equal(entry.default_meeting_id, null);
  });

  test("get_forwarding_meetings: archived sender, denied caller, bad data", async () => {
    const denied = await present(t.userA, "get_forwarding_meetings", { meeting_id: 1 });
    assert.deepEqual([denied.status, denied.body.message], [403, "You are not allowed to perform presenter get_forwarding_meetings Missing permission: motion.can_forward"]);
    const bad = await present(t.admin, "get_forwarding_meetings", {});
    assert.deepEqual([bad.status, bad.body.message], [400, "data must contain ['meeting_id'] properties"]);
    await t.sql("UPDATE meeting_t SET is_active_in_organization_id = NULL WHERE id = 1");
    try {
      const archived = await present(t.admin, "get_forwarding_meetings", { meeting_id: 1 });
      assert.deepEqual([archived.status, archived.body.message], [400, "Your sender meeting is an archived meeting, which can not forward motions."]);
    } finally {
      await t.sql("UPDATE meeting_t SET is_active_in_organization_id = 1 WHERE id = 1");
    }
  });
});
