// Issue 13: when the database goes away under a request, a component whose route lets the error
// through is answered 503 in its own error shape, not in the listener's. The ICC's request is held
// on a lock on meeting_t, then its database connection is terminated (SQLSTATE 57P01, as in a
// database shutdown).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { errorAnswer } from "../../src/http/error-shapes.js";
import { externalServer } from "../support/database.js";
import { Client } from "../support/http.js";
import { startServer, type StartedServer } from "../support/server.js";
import { openLineStream } from "../support/stream-client.js";

let server: StartedServer;

before(async () => {
  server = await startServer({ database: "external" });
});
after(async () => server?.stop());

describe("the listener's errors in the component's shape", () => {
  test("ICC: the database connection dies under the request: 503 {error, msg}", async () => {
    const client = new Client(server.url);
    await client.login("admin", "admin");
    const locker = new pg.Client({ ...externalServer(), database: server.env.DATABASE_NAME });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE meeting_t IN ACCESS EXCLUSIVE MODE");
      const opened = openLineStream(`${server.url}/system/icc/notify?meeting_id=1`, { authentication: client.token!, cookie: client.cookie! });
      let terminated = 0;
      for (let attempt = 0; attempt < 300 && terminated === 0; attempt++) {
        const result = await locker.query(
          "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
        );
        terminated = result.rows[0].n;
        if (terminated === 0) await sleep(50);
      }
      assert.ok(terminated > 0, "no query waited for the lock");
      const stream = await opened;
      const body = await stream.next();
      stream.close();
      assert.equal(stream.status, 503, body);
      const parsed = JSON.parse(body);
      assert.deepEqual(Object.keys(parsed), ["error", "msg"]);
      assert.equal(parsed.error, "internal");
      assert.match(parsed.msg, /database/i);
    } finally {
      await locker.query("ROLLBACK").catch(() => undefined);
      await locker.end();
    }
    // The server serves again.
    assert.equal((await client.get("/system/icc/health")).status, 200);
  });

  test("every component's shape", () => {
    const shapes = Object.fromEntries(
      (["icc", "vote", "autoupdate", "search", "projector", "media", "auth", "action", "presenter"] as const).map((component) => [component, errorAnswer(component, "m").body]),
    );
    assert.deepEqual(shapes, {
      icc: '{"error":"internal","msg":"m"}',
      vote: '{"error":"internal","message":"m"}\n',
      autoupdate: '{"error":{"type":"InternalError","msg":"m"}}',
      search: '{"error":{"type":"InternalError","msg":"m"}}',
      projector: '{"error":true,"msg":"m"}\n',
      media: '{"message":"Media-Server: m"}',
      auth: '{"message":"m","success":false}',
      action: '{"success":false,"message":"m"}',
      presenter: '{"success":false,"message":"m"}',
    });
  });
});
