import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { MemoryBus } from "../../src/bus/memory-bus.js";
import { ApplauseService, type ApplauseLevel } from "../../src/icc/applause.js";
import { startServer, type StartedServer } from "../support/server.js";
import { Client } from "../support/http.js";
import { openLineStream } from "../support/stream-client.js";

describe("applause levels over time (clock driven by the test)", () => {
  test("level = distinct users in the last 5 seconds, pushed only when it changes, old entries pruned", async () => {
    const bus = new MemoryBus();
    let now = 1_000_000_000_000;
    const service = new ApplauseService({ bus, presentUsers: async () => 7, now: () => now });
    const received: ApplauseLevel[] = [];
    const other: ApplauseLevel[] = [];
    service.listen({ meetingId: 1, deliver: (level) => received.push(level) });
    service.listen({ meetingId: 2, deliver: (level) => other.push(level) });

    await service.send(1, 10);
    await service.send(1, 11);
    await service.send(1, 10);
    await service.tick();
    assert.deepEqual(received, [{ level: 2, present_users: 7 }]);

    now += 1000;
    await service.tick();
    assert.equal(received.length, 1, "no message while the level stays");

    now += 3000;
    await service.send(1, 12);
    await service.tick();
    assert.deepEqual(received.at(-1), { level: 3, present_users: 7 });

    now += 2500;
    await service.tick();
    assert.deepEqual(received.at(-1), { level: 1, present_users: 7 }, "the first two fell out of the window");

    now += 6000;
    await service.tick();
    assert.deepEqual(received.at(-1), { level: 0, present_users: 7 }, "a drop to zero is reported");
    assert.deepEqual(other, [], "another meeting's listeners hear nothing");
    assert.equal(await bus.sortedSetSize("applause"), 0, "entries beyond the window are pruned");
    service.close();
    await bus.close();
  });
});

describe("applause over HTTP", () => {
  let server: StartedServer;
  const admin = () => new Client(server.url);
  before(async () => {
    server = await startServer({ database: "external" });
  });
  after(async () => server?.stop());

  async function sql(statement: string): Promise<void> {
    const client = new pg.Client({
      host: server.env.DATABASE_HOST,
      port: Number(server.env.DATABASE_PORT),
      database: server.env.DATABASE_NAME,
      user: server.env.DATABASE_USER,
      password: server.env.PGPASSWORD,
    });
    await client.connect();
    await client.query(statement);
    await client.end();
  }

  test("send needs applause_enable and the livestream permission; listeners see the level rise", async () => {
    const superadmin = admin();
    await superadmin.login("admin", "admin");
    const disabled = await superadmin.post("/system/icc/applause/send?meeting_id=1");
    assert.deepEqual([disabled.status, disabled.body], [400, { error: "not-allowed", msg: "applause is not enabled in meeting 1. Please be quiet." }]);

    await sql("UPDATE meeting_t SET applause_enable = true WHERE id = 1");
    const delegate = new Client(server.url);
    await delegate.login("a", "a");
    const denied = await delegate.post("/system/icc/applause/send?meeting_id=1");
    assert.deepEqual(denied.body, { error: "not-allowed", msg: "You can not see the Livestream from meeting 1. Please be quiet." });
    const deniedListen = await delegate.get("/system/icc/applause?meeting_id=1");
    assert.deepEqual([deniedListen.status, deniedListen.body], [400, { error: "not-allowed", msg: "You can not see the Livestream from meeting 1." }]);

    const stream = await openLineStream(`${server.url}/system/icc/applause?meeting_id=1`, { authentication: superadmin.token!, cookie: superadmin.cookie! });
    assert.equal(stream.headers["content-type"], "application/json");
    assert.deepEqual(JSON.parse(await stream.next()), { level: 0, present_users: 1 });
    assert.equal((await superadmin.post("/system/icc/applause/send?meeting_id=1")).status, 200);
    assert.deepEqual(JSON.parse(await stream.next(3000)), { level: 1, present_users: 1 });
    stream.close();
  });

  test("anonymous may listen where the meeting's anonymous group may see the livestream", async () => {
    await sql(`WITH g AS (INSERT INTO group_t (name, meeting_id, permissions) VALUES ('Public', 1, '{meeting.can_see_livestream}') RETURNING id)
               UPDATE meeting_t SET enable_anonymous = true, anonymous_group_id = (SELECT id FROM g) WHERE id = 1`);
    try {
      const stream = await openLineStream(`${server.url}/system/icc/applause?meeting_id=1`);
      assert.equal(stream.status, 200);
      assert.deepEqual(JSON.parse(await stream.next()), { level: 0, present_users: 1 });
      stream.close();
      const send = await new Client(server.url).post("/system/icc/applause/send?meeting_id=1");
      assert.equal(send.status, 401, "sending still needs a login");
    } finally {
      await sql("UPDATE meeting_t SET enable_anonymous = false WHERE id = 1");
    }
  });

  test("bad and anonymous requests", async () => {
    const anonymous = new Client(server.url);
    assert.deepEqual((await anonymous.get("/system/icc/applause?meeting_id=x")).body, { error: "invalid", msg: "Query meeting has to be an int." });
    assert.deepEqual((await anonymous.get("/system/icc/applause")).body, { error: "invalid", msg: "Query meeting has to be an int." });
    const anonymousListen = await anonymous.get("/system/icc/applause?meeting_id=1");
    assert.deepEqual([anonymousListen.status, anonymousListen.body], [400, { error: "not-allowed", msg: "You can not see the Livestream from meeting 1." }]);
    const anonymousSend = await anonymous.post("/system/icc/applause/send?meeting_id=1");
    assert.deepEqual([anonymousSend.status, anonymousSend.body], [401, { error: "not-allowed", msg: "Anonymous user can not send applause." }]);
  });
});
