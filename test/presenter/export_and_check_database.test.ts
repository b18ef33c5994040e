// export_meeting, check_database and check_database_all on the example data over HTTP.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { present, startPresenterServer, type PresenterTestServer } from "./support.js";

describe("presenters export_meeting, check_database, check_database_all", () => {
  let t: PresenterTestServer;
  before(async () => {
    t = await startPresenterServer();
  });
  after(async () => t.stop());

  test("export_meeting: the meeting, its models and its users in the import format", async () => {
    const answer = await present(t.admin, "export_meeting", { meeting_id: 1 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const data = answer.body;
    assert.equal(typeof data._migration_index, "number");
    assert.deepEqual(Object.keys(data.meeting), ["1"]);
    const meeting = data.meeting["1"];
    assert.equal(meeting.name, "OpenSlides Demo");
    assert.equal(meeting.organization_tag_ids, undefined);
    assert.equal(meeting.default_meeting_for_committee_id, undefined);
    assert.equal(meeting.start_time, "2011-11-11T10:11:11+00:00");
    assert.deepEqual(Object.keys(data.group).map(Number), [1, 2, 3, 4, 5]);
    assert.ok(Object.keys(data.topic).length > 0);
    assert.ok(Object.keys(data.motion).length > 0);
    assert.deepEqual(Object.keys(data.user).map(Number), [1, 2, 3]);
    const user = data.user["2"];
    assert.equal(user.gender, "female");
    assert.equal(user.gender_id, undefined);
    assert.deepEqual(user.meeting_user_ids, [2]);
    assert.equal(user.password !== undefined, true);
    assert.equal(data.committee, undefined, "the committee stays outside");

    const unix = await present(t.admin, "export_meeting", { meeting_id: 1, old_db_compatibility: true });
    assert.equal(unix.body.meeting["1"].start_time, Date.parse("2011-11-11T11:11:11+01:00") / 1000);
  });

  test("export_meeting: ISO timestamps keep their fraction of a second (isoformat), unix ones are whole seconds", async () => {
    const [before] = await t.sql("SELECT created FROM motion_t WHERE id = 1");
    await t.sql("UPDATE motion_t SET created = '2002-10-01T13:37:59.687459+00' WHERE id = 1");
    try {
      const iso = await present(t.admin, "export_meeting", { meeting_id: 1 });
      assert.equal(iso.body.motion["1"].created, "2002-10-01T13:37:59.687459+00:00");
      assert.equal(iso.body.meeting["1"].start_time, "2011-11-11T10:11:11+00:00", "no fraction, none written");
      const unix = await present(t.admin, "export_meeting", { meeting_id: 1, old_db_compatibility: true });
      assert.equal(unix.body.motion["1"].created, 1033479479);
    } finally {
      await t.sql("UPDATE motion_t SET created = $1 WHERE id = 1", [before!.created]);
    }
  });

  test("export_meeting: superadmins only, locked meetings refused, bad data", async () => {
    const denied = await present(t.userA, "export_meeting", { meeting_id: 1 });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform presenter export_meeting. Missing permission: superadmin");
    await t.sql("UPDATE meeting_t SET locked_from_inside = true WHERE id = 1");
    try {
      const locked = await present(t.admin, "export_meeting", { meeting_id: 1 });
      assert.equal(locked.status, 400);
      assert.equal(locked.body.message, "Cannot export: meeting 1 is locked.");
    } finally {
      await t.sql("UPDATE meeting_t SET locked_from_inside = false WHERE id = 1");
    }
    const bad = await present(t.admin, "export_meeting", { meeting_id: "x" });
    assert.equal(bad.status, 400);
  });

  test("check_database: the example meeting is consistent; missing defaults repaired, an empty required field reported", async () => {
    const ok = await present(t.admin, "check_database", {});
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body, { ok: true, errors: "" });
    assert.deepEqual((await present(t.admin, "check_database", { meeting_id: 1 })).body, { ok: true, errors: "" });
    const all = await present(t.admin, "check_database_all", {});
    assert.equal(all.status, 200);
    assert.deepEqual(all.body, { ok: true });

    await t.sql("UPDATE meeting_t SET welcome_title = NULL WHERE id = 1");
    const broken = await present(t.admin, "check_database", { meeting_id: 1 });
    assert.equal(broken.status, 200);
    assert.equal(broken.body.ok, true, "missing defaults are repaired in check_database");
    await t.sql("UPDATE meeting_t SET name = '' WHERE id = 1");
    const empty = await present(t.admin, "check_database", { meeting_id: 1 });
    assert.equal(empty.body.ok, false);
    assert.match(empty.body.errors, /^Meeting 1\n\tmeeting\/1\/name: Field required but empty\./);
    const allBroken = await present(t.admin, "check_database_all", {});
    assert.equal(allBroken.body.ok, false);
    assert.match(allBroken.body.errors, /\tmeeting\/1: Missing fields welcome_title/, "check_database_all repairs nothing");
    await t.sql("UPDATE meeting_t SET welcome_title = 'Welcome to OpenSlides' WHERE id = 1");
    assert.match((await present(t.admin, "check_database_all", {})).body.errors, /meeting\/1\/name: Field required but empty\./);
    await t.sql("UPDATE meeting_t SET name = 'OpenSlides Demo', welcome_title = 'Welcome to OpenSlides' WHERE id = 1");
  });

  test("check_database: superadmins only, bad data", async () => {
    const denied = await present(t.userA, "check_database", {});
    assert.equal(denied.status, 403);
    assert.equal(denied.body.message, "You are not allowed to perform presenter check_database. Missing permission: superadmin");
    const deniedAll = await present(t.userA, "check_database_all", {});
    assert.equal(deniedAll.status, 403);
    assert.equal(deniedAll.body.message, "You are not allowed to perform presenter check_database. Missing permission: superadmin");
    assert.equal((await present(t.admin, "check_database", { meeting_id: 1, extra: 1 })).status, 400);
  });
});
