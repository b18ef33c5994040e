// Session store and revocation watcher on both bus backends, including data written the way
// an upstream auth service writes it into a shared Redis.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { FROM_START, type MessageBus } from "../../src/bus/bus.js";
import { MemoryBus } from "../../src/bus/memory-bus.js";
import { RedisBus } from "../../src/bus/redis-bus.js";
import { createSessionStore } from "../../src/auth/sessions.js";
import { createRevokedSessions } from "../../src/auth/revocations.js";
import { redisTarget } from "./support/auth-server.js";

const prefix = `test:auth-sessions:${randomBytes(6).toString("hex")}:`;

after(async () => {
  const redis = new Redis(redisTarget);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

for (const [name, create] of [
  ["memory", () => new MemoryBus()],
  ["redis", () => new RedisBus({ ...redisTarget, keyPrefix: `${prefix}${randomBytes(3).toString("hex")}:` })],
] as [string, () => MessageBus][]) {
  describe(`sessions on the ${name} bus`, () => {
    const bus = create();
    after(() => bus.close());

    test("add, look up, remove; every removal is a logout entry", async () => {
      const sessions = createSessionStore(bus, bus);
      const a = await sessions.add(7);
      const b = await sessions.add(7);
      const c = await sessions.add(8);
      assert.match(a, /^[0-9a-f]{32}$/);
      assert.equal(await sessions.has(a), true);
      assert.equal(await sessions.userOf(b), 7);
      assert.deepEqual((await sessions.list()).sort(), [a, b, c].sort());
      assert.deepEqual((await sessions.listUsers()).sort(), ["7", "8"]);
      assert.deepEqual(JSON.parse((await bus.hashGet("auth:session:users", "auth:session:users:7"))!), [a, b]);

      await sessions.remove(a);
      assert.equal(await sessions.has(a), false);
      assert.deepEqual(JSON.parse((await bus.hashGet("auth:session:users", "auth:session:users:7"))!), [b]);

      const d = await sessions.add(7);
      await sessions.removeAllOfUserExcept(d);
      assert.equal(await sessions.has(b), false);
      assert.equal(await sessions.has(d), true);

      await sessions.removeAllOfUser(7);
      assert.equal(await sessions.has(d), false);
      assert.equal(await sessions.has(c), true);
      assert.deepEqual(await sessions.listUsers(), ["8"]);

      const logouts = (await bus.read("logout", FROM_START, { count: 100 })).map((entry) => entry.fields);
      assert.deepEqual(logouts, [{ sessionId: a }, { sessionId: b }, { sessionId: d }]);
    });

    test("sessions written in upstream's layout are recognised; upstream logout entries revoke", async () => {
      const sessions = createSessionStore(bus, bus);
      const revocations = createRevokedSessions(bus);
      await revocations.ready;
      const sessionId = randomBytes(16).toString("hex");
      await bus.hashSet("auth:session:sessions", `auth:session:sessions:${sessionId}`, "42");
      await bus.setAdd("auth:session:sessions:index", sessionId);
      await bus.hashSet("auth:session:users", "auth:session:users:42", JSON.stringify([sessionId]));
      assert.equal(await sessions.has(sessionId), true);
      assert.equal(await sessions.userOf(sessionId), 42);

      assert.equal(revocations.isRevoked(sessionId), false);
      const signal = revocations.watch(sessionId);
      const aborted = new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      await bus.publish("logout", { sessionId });
      await aborted;
      assert.equal(revocations.isRevoked(sessionId), true);
      revocations.close();
    });

    test("onRevoked runs its callback once on the revocation, at once for a revoked session, never once stopped", async () => {
      const revocations = createRevokedSessions(bus);
      await revocations.ready;
      const watched = randomBytes(16).toString("hex");
      const stopped = randomBytes(16).toString("hex");
      let calls = 0;
      let stoppedCalls = 0;
      const revoked = new Promise<void>((resolve) => revocations.onRevoked(watched, () => (calls++, resolve())));
      revocations.onRevoked(stopped, () => stoppedCalls++)();
      await bus.publish("logout", { sessionId: stopped });
      await bus.publish("logout", { sessionId: watched });
      await revoked;
      revocations.add(watched);
      assert.equal(calls, 1);
      assert.equal(stoppedCalls, 0);
      let late = 0;
      revocations.onRevoked(watched, () => late++);
      assert.equal(late, 1);
      revocations.close();
    });
  });
}
