// The same expectations for both message bus backends: in-process and a real Redis
// (TEST_REDIS_HOST/PORT, default localhost:6379) under a unique key prefix.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { FROM_NOW, FROM_START, WrongTypeError, type AtomicStrings, type MessageBus, type StreamEntry } from "../../src/bus/bus.js";
import { MemoryBus } from "../../src/bus/memory-bus.js";
import { RedisBus } from "../../src/bus/redis-bus.js";
import { createBuses } from "../../src/bus/create-bus.js";
import { createLoginRateLimiter, DEFAULT_LOGIN_RATE_LIMIT, type LoginAttempt } from "../../src/auth/login-rate-limit.js";

const redisTarget = { host: process.env.TEST_REDIS_HOST ?? "localhost", port: Number(process.env.TEST_REDIS_PORT ?? 6379) };
const prefix = `test:bus:${randomBytes(6).toString("hex")}:`;

after(async () => {
  // Remove every key this file created (never FLUSHALL: other test runs share the server).
  const redis = new Redis(redisTarget);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

function collector(): { entries: StreamEntry[]; next: (n: number) => Promise<StreamEntry[]>; listener: (batch: StreamEntry[]) => void } {
  const entries: StreamEntry[] = [];
  let waiting: { n: number; resolve: (value: StreamEntry[]) => void } | undefined;
  return {
    entries,
    listener: (batch) => {
      entries.push(...batch);
      if (waiting && entries.length >= waiting.n) waiting.resolve(entries.slice(0, waiting.n));
    },
    next: (n) =>
      entries.length >= n
        ? Promise.resolve(entries.slice(0, n))
        : new Promise((resolve) => (waiting = { n, resolve })),
  };
}

const backends: [string, () => MessageBus][] = [
  ["memory", () => new MemoryBus()],
  ["redis", () => new RedisBus({ ...redisTarget, keyPrefix: prefix })],
];

for (const [name, create] of backends) {
  describe(`${name} bus`, () => {
    const bus = create();
    after(() => bus.close());
    let counter = 0;
    const unique = (label: string): string => `${label}:${++counter}`;

    test("publish assigns increasing ids and read returns entries after a position", async () => {
      const stream = unique("stream");
      const first = await bus.publish(stream, { sessionId: "a" });
      const second = await bus.publish(stream, { sessionId: "b", extra: "x" });
      assert.match(first, /^\d+-\d+$/);
      assert.notEqual(first, second);

      const all = await bus.read(stream, FROM_START);
      assert.deepEqual(all, [
        { id: first, fields: { sessionId: "a" } },
        { id: second, fields: { sessionId: "b", extra: "x" } },
      ]);
      assert.deepEqual(await bus.read(stream, first), [{ id: second, fields: { sessionId: "b", extra: "x" } }]);
      assert.deepEqual(await bus.read(stream, second), []);
      assert.deepEqual(await bus.read(stream, FROM_NOW), []);
      assert.deepEqual((await bus.read(stream, FROM_START, { count: 1 })).map((entry) => entry.id), [first]);
      assert.deepEqual(await bus.read(unique("missing"), FROM_START), []);
    });

    test("a blocking read returns the entry published while it waits", async () => {
      const stream = unique("stream");
      const reading = bus.read(stream, FROM_NOW, { blockMs: 0 });
      await sleep(20);
      const id = await bus.publish(stream, { n: "1" });
      assert.deepEqual(await reading, [{ id, fields: { n: "1" } }]);
    });

    test("a blocking read ends empty on timeout and on abort", async () => {
      const stream = unique("stream");
      assert.deepEqual(await bus.read(stream, FROM_NOW, { blockMs: 30 }), []);
      const controller = new AbortController();
      const reading = bus.read(stream, FROM_NOW, { blockMs: 0, signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      assert.deepEqual(await reading, []);
    });

    test("subscribe from now delivers only later entries, in order", async () => {
      const stream = unique("stream");
      await bus.publish(stream, { n: "old" });
      const seen = collector();
      const subscription = bus.subscribe(stream, FROM_NOW, seen.listener);
      await subscription.ready;
      await bus.publish(stream, { n: "1" });
      await bus.publish(stream, { n: "2" });
      const entries = await seen.next(2);
      subscription.close();
      assert.deepEqual(
        entries.map((entry) => entry.fields.n),
        ["1", "2"],
      );
    });

    test("subscribe from the start delivers the backlog before ready", async () => {
      const stream = unique("stream");
      await bus.publish(stream, { n: "1" });
      await bus.publish(stream, { n: "2" });
      const seen = collector();
      const subscription = bus.subscribe(stream, FROM_START, seen.listener, { count: 1 });
      await subscription.ready;
      assert.deepEqual(
        seen.entries.map((entry) => entry.fields.n),
        ["1", "2"],
      );
      await bus.publish(stream, { n: "3" });
      assert.equal((await seen.next(3))[2]!.fields.n, "3");
      subscription.close();
    });

    test("publish with maxLength trims old entries", async () => {
      const stream = unique("stream");
      for (let index = 0; index < 300; index++) await bus.publish(stream, { n: String(index) }, { maxLength: 10 });
      const remaining = await bus.read(stream, FROM_START, { count: 1000 });
      assert.ok(remaining.length < 300, `kept ${remaining.length}`);
      assert.equal(remaining.at(-1)!.fields.n, "299");
    });

    test("strings with expiry and counters", async () => {
      const key = unique("string");
      assert.equal(await bus.get(key), undefined);
      await bus.set(key, "value");
      assert.equal(await bus.get(key), "value");
      assert.equal(await bus.timeToLive(key), undefined);
      await bus.set(key, "short", { ttlSeconds: 0.05 });
      const ttl = await bus.timeToLive(key);
      assert.ok(ttl !== undefined && ttl <= 50, `ttl ${ttl}`);
      await sleep(120);
      assert.equal(await bus.get(key), undefined);

      const counter = unique("counter");
      assert.equal(await bus.increment(counter, { ttlSeconds: 60 }), 1);
      assert.equal(await bus.increment(counter, { ttlSeconds: 60 }), 2);
      assert.equal(await bus.get(counter), "2");
      const counterTtl = await bus.timeToLive(counter);
      assert.ok(counterTtl !== undefined && counterTtl <= 60_000 && counterTtl > 0);
      assert.equal(await bus.delete(counter, unique("missing")), 1);
      assert.equal(await bus.get(counter), undefined);
    });

    test("scripts run atomically with the same result on both backends", async () => {
      const setIfMissing = {
        name: "test_set_if_missing",
        lua: "if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1",
        local: (strings: AtomicStrings, keys: string[], args: number[]) => {
          if (strings.ttlMs(keys[0]!) !== -2) return 0;
          strings.set(keys[0]!, String(args[0]), args[1]);
          return 1;
        },
      };
      const key = unique("script");
      const results = await Promise.all([1, 2, 3, 4].map((value) => bus.runScript(setIfMissing, [key], [value, 60_000])));
      assert.deepEqual([...results].sort(), [0, 0, 0, 1]);
      assert.ok(["1", "2", "3", "4"].includes((await bus.get(key))!));
      const ttl = await bus.timeToLive(key);
      assert.ok(ttl !== undefined && ttl > 0 && ttl <= 60_000);
    });

    test("login throttling's scripts", async () => {
      const limiter = createLoginRateLimiter(bus, { ...DEFAULT_LOGIN_RATE_LIMIT, freeFailuresPerPair: 2, maxFailuresPerAddress: 4 });
      const address = unique("address");
      const attempts: LoginAttempt[] = [];
      for (let index = 0; index < 3; index++) {
        const permission = await limiter.reserve("user", address);
        assert.ok(permission.allowed, `attempt ${index}`);
        attempts.push(permission.attempt);
      }
      // The third attempt blocks its pair while it runs (a login may wait for it), and for its delay once it failed.
      assert.deepEqual(await limiter.reserve("user", address), { allowed: false, retryAfterSeconds: 1, behindRunningAttempt: true });
      await attempts[2]!.failed();
      assert.deepEqual(await limiter.reserve("user", address), { allowed: false, retryAfterSeconds: 1, behindRunningAttempt: false });
      // A success forgets the pair's failures and gives one address slot back.
      await attempts[0]!.succeeded();
      assert.ok((await limiter.reserve("user", address)).allowed);
      assert.ok((await limiter.reserve("other", address)).allowed);
      const full = await limiter.reserve("third", address);
      assert.ok(!full.allowed && full.retryAfterSeconds > 250 && !full.behindRunningAttempt, JSON.stringify(full));
    });

    test("expire removes a key of any type", async () => {
      const key = unique("hash");
      await bus.hashSet(key, "f", "v");
      await bus.expire(key, 0.03);
      await sleep(100);
      assert.deepEqual(await bus.hashGetAll(key), {});
    });

    test("hashes", async () => {
      const key = unique("hash");
      await bus.hashSet(key, "a", "1");
      await bus.hashSet(key, "b", "2");
      await bus.hashSet(key, "a", "3");
      assert.equal(await bus.hashGet(key, "a"), "3");
      assert.equal(await bus.hashGet(key, "missing"), undefined);
      assert.deepEqual(await bus.hashGetAll(key), { a: "3", b: "2" });
      assert.equal(await bus.hashLength(key), 2);
      assert.equal(await bus.hashDelete(key, "a", "missing"), 1);
      assert.deepEqual(await bus.hashGetAll(key), { b: "2" });
    });

    test("sets", async () => {
      const key = unique("set");
      assert.equal(await bus.setAdd(key, "x", "y", "x"), 2);
      assert.equal(await bus.setAdd(key, "y"), 0);
      assert.deepEqual((await bus.setMembers(key)).sort(), ["x", "y"]);
      assert.equal(await bus.setHas(key, "x"), true);
      assert.equal(await bus.setHas(key, "z"), false);
      assert.equal(await bus.setSize(key), 2);
      assert.equal(await bus.setRemove(key, "x", "z"), 1);
      assert.deepEqual(await bus.setMembers(key), ["y"]);
    });

    test("sorted sets", async () => {
      const key = unique("zset");
      await bus.sortedSetAdd(key, 30, "c");
      await bus.sortedSetAdd(key, 10, "a");
      await bus.sortedSetAdd(key, 20, "b");
      await bus.sortedSetAdd(key, 15, "a");
      assert.deepEqual(await bus.sortedSetRangeByScore(key, -Infinity, Infinity), [
        { member: "a", score: 15 },
        { member: "b", score: 20 },
        { member: "c", score: 30 },
      ]);
      assert.deepEqual(await bus.sortedSetRangeByScore(key, 16, 30), [
        { member: "b", score: 20 },
        { member: "c", score: 30 },
      ]);
      assert.equal(await bus.sortedSetRemoveRangeByScore(key, 0, 20), 2);
      assert.equal(await bus.sortedSetSize(key), 1);
      assert.equal(await bus.sortedSetRemove(key, "c"), 1);
      assert.equal(await bus.sortedSetSize(key), 0);
    });

    test("operations on a key of another type fail", async () => {
      const key = unique("string");
      await bus.set(key, "v");
      if (name === "memory") await assert.rejects(bus.hashGet(key, "f"), WrongTypeError);
      else await assert.rejects(bus.hashGet(key, "f"), /WRONGTYPE/);
    });
  });
}

describe("redis bus across connections", () => {
  test("an entry published by one bus reaches a subscriber on another", async () => {
    const publisher = new RedisBus({ ...redisTarget, keyPrefix: prefix });
    const subscriber = new RedisBus({ ...redisTarget, keyPrefix: prefix });
    try {
      const seen = collector();
      const subscription = subscriber.subscribe("shared", FROM_NOW, seen.listener);
      await subscription.ready;
      const id = await publisher.publish("shared", { sessionId: "abc" });
      assert.deepEqual(await seen.next(1), [{ id, fields: { sessionId: "abc" } }]);
      assert.equal(await subscriber.hashGet("never", "set"), undefined);
    } finally {
      await publisher.close();
      await subscriber.close();
    }
  });

  test("createBuses picks Redis when configured and shares one bus for one server", async () => {
    const memory = createBuses({});
    assert.equal(memory.messageBus.kind, "memory");
    assert.equal(memory.cache, memory.messageBus);
    await memory.close();
    const redis = createBuses({ messageBus: redisTarget }, { keyPrefix: prefix });
    assert.equal(redis.messageBus.kind, "redis");
    assert.equal(redis.cache, redis.messageBus);
    await redis.messageBus.set("created-by-createBuses", "1");
    assert.equal(await redis.cache.get("created-by-createBuses"), "1");
    await redis.close();
  });
});
