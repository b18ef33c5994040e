// Two server processes of one deployment (one PostgreSQL database, one Redis): connection counts
// add up across processes through upstream's Redis hashes, a stopped process's counts leave at
// once, and the heartbeat of a compressed stream is compressed too.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { Redis } from "ioredis";
import { redisEnv, startServer, type StartedServer } from "../support/server.js";
import type { Client } from "../support/http.js";
import { decodeCompressedLine, loggedIn, openStream, type StreamReader } from "./support.js";

const KEYS = ["metric-connections_stream-values", "metric-connections_stream-timestamp", "metric-connections_longpolling-values", "metric-connections_longpolling-timestamp"];

type Counts = [Record<string, number>, Record<string, number>];

async function counts(client: Client): Promise<Counts> {
  const answer = await client.get("/system/autoupdate/connection_count");
  assert.equal(answer.status, 200, answer.text);
  assert.ok(answer.text.endsWith("\n"));
  return answer.body as Counts;
}

/** Asks until `check` holds (the other process stores its counts about once a second). */
async function eventually(client: Client, check: (counts: Counts) => boolean, what: string): Promise<Counts> {
  const deadline = Date.now() + 10_000;
  let last: Counts = [{}, {}];
  while (Date.now() < deadline) {
    last = await counts(client);
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: last answer ${JSON.stringify(last)}`);
}

describe("autoupdate across two processes with Redis", () => {
  let first: StartedServer;
  let second: StartedServer;
  let secondStopped = false;
  let redis: Redis;
  before(async () => {
    const env = { METRIC_SAVE_INTERVAL: "1s", OPENSLIDES_HEARTBEAT_INTERVAL: "1s" };
    first = await startServer({ database: "external", redis: true, env });
    second = await startServer({ shareWith: first, env });
    const target = redisEnv();
    redis = new Redis({ host: target.MESSAGE_BUS_HOST, port: Number(target.MESSAGE_BUS_PORT), lazyConnect: true });
    await redis.connect();
  });
  after(async () => {
    redis?.disconnect();
    if (!secondStopped) await second?.stop({ keepData: true });
    await first?.stop();
  });

  test("connection counts cover the streams of both processes; a stopped process's leave at once", async () => {
    const adminOnFirst = await loggedIn(first.url, "admin", "admin");
    const adminOnSecond = await loggedIn(second.url, "admin", "admin");
    const delegateA = await loggedIn(first.url, "a", "a");
    const delegateB = await loggedIn(second.url, "b", "b");
    const request = [{ collection: "organization", ids: [1], fields: { name: null } }];
    const streams: StreamReader[] = [];
    try {
      streams.push(await openStream(first.url, delegateA, request));
      streams.push(await openStream(first.url, delegateA, request, "?compress=1"));
      streams.push(await openStream(second.url, delegateB, request));
      for (const stream of streams) await stream.next();
      // Each process sees its own streams at once and the other's after its next save.
      for (const client of [adminOnFirst, adminOnSecond]) {
        await eventually(client, ([open]) => open["2"] === 2 && open["3"] === 1, "both processes' streams are counted");
      }
      const stored = await redis.hgetall("metric-connections_stream-values");
      const instances = Object.entries(stored).filter(([, value]) => /"2":2|"3":1/.test(value));
      assert.ok(instances.length >= 2, `one field per process: ${JSON.stringify(stored)}`);
      const timestamps = await redis.hgetall("metric-connections_stream-timestamp");
      for (const [instance] of instances) {
        assert.match(instance, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-[A-Za-z0-9]{8}$/);
        assert.ok(Math.abs(Number(timestamps[instance]) - Date.now() / 1000) < 30, "unix seconds");
      }

      streams.shift()!.close();
      await eventually(adminOnSecond, ([open]) => open["2"] === 1, "a closed stream is no longer counted");

      // A compressed stream's heartbeat ({} after OPENSLIDES_HEARTBEAT_INTERVAL) is compressed too.
      const heartbeat = streams[0]!;
      assert.equal(decodeCompressedLine(await heartbeat.nextRaw(5000)), "{}\n");

      // An upstream instance's stored map counts while its timestamp is fresh; a long-stale one
      // neither counts nor stays.
      const now = Math.floor(Date.now() / 1000);
      await redis.hset("metric-connections_longpolling-values", "upstream-fresh", '{"99":2}', "upstream-stale", '{"98":5}');
      await redis.hset("metric-connections_longpolling-timestamp", "upstream-fresh", String(now), "upstream-stale", String(now - 3600));
      try {
        const [, polls] = await counts(adminOnFirst);
        assert.equal(polls["99"], 2);
        assert.equal(polls["98"], undefined);
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(await redis.hexists("metric-connections_longpolling-timestamp", "upstream-stale"), 0, "stale fields are removed");
      } finally {
        await redis.hdel("metric-connections_longpolling-values", "upstream-fresh", "upstream-stale");
        await redis.hdel("metric-connections_longpolling-timestamp", "upstream-fresh", "upstream-stale");
      }

      await second.stop({ keepData: true });
      secondStopped = true;
      const [open] = await counts(adminOnFirst);
      assert.equal(open["3"], undefined, "the stopped process removed its counts");
      assert.equal(open["2"], 1);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  test("the keys are upstream's hashes", async () => {
    for (const key of KEYS) assert.ok(["hash", "none"].includes(await redis.type(key)), key);
  });
});
