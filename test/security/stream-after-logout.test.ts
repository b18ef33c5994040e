// Issue 13: a session logged out between its authentication and the start of its stream gets no
// live stream. The ICC streams read the meeting after authenticating; a lock on meeting_t holds
// them there while the session logs out, so the order is certain.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { externalServer } from "../support/database.js";
import { Client } from "../support/http.js";
import { startServer, type StartedServer } from "../support/server.js";
import { openLineStream } from "../support/stream-client.js";

let server: StartedServer;

before(async () => {
  server = await startServer({ database: "external" });
});
after(async () => server?.stop());

/** Holds an exclusive lock on meeting_t until the returned function is called. */
async function lockMeetings(): Promise<{ waitForBlockedQuery(): Promise<void>; release(): Promise<void> }> {
  const client = new pg.Client({ ...externalServer(), database: server.env.DATABASE_NAME });
  await client.connect();
  await client.query("BEGIN");
  await client.query("LOCK TABLE meeting_t IN ACCESS EXCLUSIVE MODE");
  return {
    async waitForBlockedQuery() {
      for (let attempt = 0; attempt < 300; attempt++) {
        const waiting = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        if (waiting.rows[0].n > 0) return;
        await sleep(50);
      }
      throw new Error("no query waited for the lock");
    },
    async release() {
      await client.query("ROLLBACK");
      await client.end();
    },
  };
}

async function loggedInAdmin(): Promise<{ client: Client; headers: Record<string, string> }> {
  const client = new Client(server.url);
  assert.equal((await client.login("admin", "admin")).status, 200);
  return { client, headers: { authentication: client.token!, cookie: client.cookie! } };
}

describe("ICC streams of a session logged out before they start", () => {
  for (const path of ["/system/icc/notify?meeting_id=1", "/system/icc/applause?meeting_id=1"]) {
    test(`${path.split("?")[0]} answers upstream's 401, not a live stream`, async () => {
      const { client, headers } = await loggedInAdmin();
      const lock = await lockMeetings();
      let released = false;
      try {
        const opened = openLineStream(`${server.url}${path}`, headers);
        await lock.waitForBlockedQuery();
        assert.equal((await client.post("/system/auth/secure/logout")).status, 200);
        await lock.release();
        released = true;
        const stream = await opened;
        const body = await stream.next();
        stream.close();
        assert.equal(stream.status, 401, body);
        assert.deepEqual(JSON.parse(body), { error: "not-allowed", msg: "Anonymous user can not receive icc messages." });
      } finally {
        if (!released) await lock.release();
      }
    });
  }

  test("a session still logged in gets its stream after the same wait", async () => {
    const { headers } = await loggedInAdmin();
    const lock = await lockMeetings();
    const opened = openLineStream(`${server.url}/system/icc/notify?meeting_id=1`, headers);
    await lock.waitForBlockedQuery();
    await lock.release();
    const stream = await opened;
    assert.equal(stream.status, 200);
    assert.match(JSON.parse(await stream.next()).channel_id, /:1:\d+$/);
    stream.close();
  });
});
