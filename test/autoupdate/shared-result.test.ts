// Result sharing and the pieces of compression and settings that need no server: subscriptions
// of one user with one request compute once per state version and get the very same delta
// object; other users and other requests get their own; deltas equal unshared ones.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { decompress } from "fzstd";
import { parseKeyRequests } from "../../src/autoupdate/keys-builder/index.js";
import { SharedResults, requestKey, type VersionedReader } from "../../src/autoupdate/shared-result.js";
import { Subscription } from "../../src/autoupdate/subscription.js";
import { loadLineCompressor, SharedText } from "../../src/autoupdate/compression.js";
import { parseGoDuration, readAutoupdateSettings } from "../../src/autoupdate/settings.js";
import { PIECE_CHARS } from "../../src/http/text-pieces.js";
import { decodeCompressedLine } from "./support.js";

/** A tiny state: organization 1 (mode A for everyone) and two users; counts the reads. */
class StubState implements VersionedReader {
  version = 1;
  reads = 0;
  readonly data = new Map<string, unknown>([
    ["organization/1/id", 1],
    ["organization/1/name", "Org"],
    ["organization/1/description", "First"],
    ["user/1/id", 1],
    ["user/2/id", 2],
  ]);

  getField(collection: string, id: number, field: string): unknown {
    this.reads++;
    return this.data.get(`${collection}/${id}/${field}`);
  }
  exists(collection: string, id: number): boolean {
    return this.data.has(`${collection}/${id}/id`);
  }
  ids(collection: string): readonly number[] {
    return [...this.data.keys()].filter((key) => key.startsWith(`${collection}/`) && key.endsWith("/id")).map((key) => Number(key.split("/")[1]));
  }
  set(key: string, value: unknown): void {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, value);
    this.version++;
  }
}

const REQUEST = '[{"collection":"organization","ids":[1],"fields":{"name":null,"description":null}}]';

describe("shared results", () => {
  test("one user, one request: computed once per version, the same delta object for every synced subscriber", async () => {
    const state = new StubState();
    const results = new SharedResults(state);
    const a = results.acquire(1, parseKeyRequests(REQUEST));
    const b = results.acquire(1, parseKeyRequests(REQUEST));
    const other = results.acquire(2, parseKeyRequests(REQUEST));
    assert.equal(a.shared, b.shared);
    assert.notEqual(a.shared, other.shared, "another user never shares");
    assert.equal(results.size, 2);
    const first = new Subscription(a.shared);
    const second = new Subscription(b.shared);
    const alone = Subscription.alone(state, 1, parseKeyRequests(REQUEST));
    assert.deepEqual(await first.next(), { "organization/1/name": "Org", "organization/1/description": "First" });
    const readsAfterFirst = state.reads;
    assert.deepEqual(await second.next(), { "organization/1/name": "Org", "organization/1/description": "First" });
    assert.equal(state.reads, readsAfterFirst, "the second subscriber reused the result");
    await alone.next();

    state.set("organization/1/description", "Second");
    const delta1 = await first.next();
    const delta2 = await second.next();
    assert.deepEqual(delta1, { "organization/1/description": "Second" });
    assert.equal(delta1, delta2, "the step is computed once and shared");
    assert.deepEqual(await alone.next(), delta1, "equal to an unshared subscription's delta");
    assert.equal(first.hotKeyGroups, second.hotKeyGroups);

    state.set("organization/1/description", undefined);
    assert.deepEqual(await first.next(), { "organization/1/description": null });
    assert.deepEqual(await second.next(), { "organization/1/description": null });
    assert.deepEqual(await alone.next(), { "organization/1/description": null });
    assert.deepEqual(await first.next(), {}, "nothing changed since");

    a.release();
    b.release();
    b.release();
    assert.equal(results.size, 1, "released when its last subscriber leaves");
    other.release();
    assert.equal(results.size, 0);
  });

  test("a subscriber that joins later gets everything; one that fell behind gets its own correct diff", async () => {
    const state = new StubState();
    const results = new SharedResults(state);
    const a = results.acquire(0, parseKeyRequests(REQUEST));
    const early = new Subscription(a.shared);
    await early.next();
    const lagging = new Subscription(results.acquire(0, parseKeyRequests(REQUEST)).shared);
    await lagging.next();
    state.set("organization/1/name", "Two");
    await early.next();
    state.set("organization/1/description", "Three");
    assert.deepEqual(await early.next(), { "organization/1/description": "Three" });
    assert.deepEqual(await lagging.next(), { "organization/1/name": "Two", "organization/1/description": "Three" });
    const late = new Subscription(results.acquire(0, parseKeyRequests(REQUEST)).shared);
    assert.deepEqual(await late.next(), { "organization/1/name": "Two", "organization/1/description": "Three" });
  });

  test("requests are told apart by their whole content", () => {
    const one = requestKey(parseKeyRequests(REQUEST));
    assert.equal(one, requestKey(parseKeyRequests(REQUEST)));
    assert.notEqual(one, requestKey(parseKeyRequests(REQUEST.replace('"description"', '"url"'))));
    assert.notEqual(one, requestKey(parseKeyRequests(REQUEST.replace("[1]", "[2]"))));
  });
});

describe("compressed lines and settings", () => {
  test("a line is unpadded base64 of one zstd frame with the content size, holding the JSON and its line feed", async () => {
    const encode = await loadLineCompressor();
    for (const json of ["{}", '{"a":1}', JSON.stringify({ text: "ü€😀".repeat(3000) })]) {
      const line = encode(json);
      assert.ok(line.endsWith("\n"));
      assert.equal(decodeCompressedLine(line.slice(0, -1)), `${json}\n`);
      const frame = Buffer.from(line.slice(0, -1), "base64");
      assert.equal(frame.readUInt32LE(0), 0xfd2fb528, "zstd magic number");
      assert.notEqual(frame[4]! & 0xe0, 0, "the frame header has the content size");
      assert.equal(new TextDecoder().decode(decompress(new Uint8Array(frame))), `${json}\n`);
    }
  });

  test("a line in pieces: the shared head's frame is made once and padded so that the base64 texts join; fzstd decodes the whole", async () => {
    const encode = await loadLineCompressor();
    for (const size of [1, 2, 3, 100, 101, 102, 5000]) {
      const head = new SharedText(`{"a":"${"x".repeat(size)}"`);
      for (const tail of [',"b":2}', "}"]) {
        const line = await encode.pieces(head, tail);
        assert.ok(/^[A-Za-z0-9+/]+\n$/.test(line), "one unpadded base64 text");
        assert.equal(decodeCompressedLine(line.slice(0, -1)), `${head.text}${tail}\n`);
      }
      const made = head.compressed;
      await encode.pieces(head, "}");
      assert.equal(head.compressed, made, "the head is compressed once");
    }
  });

  test("a big line is compressed in parts, one zstd frame per piece, that fzstd decodes as the whole", async () => {
    const encode = await loadLineCompressor();
    // Piece boundaries inside surrogate pairs, a head of several pieces, with and without a head.
    const members = `"a":"${"x".repeat(PIECE_CHARS - 7)}😀${"ü€😀".repeat(PIECE_CHARS / 3)}"`;
    const head = new SharedText(`{${members}`);
    for (const tail of [',"b":2}', "}"]) {
      const line = await encode.pieces(head, tail);
      assert.ok(/^[A-Za-z0-9+/]+\n$/.test(line), "one unpadded base64 text");
      assert.equal(decodeCompressedLine(line.slice(0, -1)), `${head.text}${tail}\n`);
    }
    const whole = `{${members},"c":3}`;
    const line = await encode.pieces(undefined, whole);
    assert.equal(decodeCompressedLine(line.slice(0, -1)), `${whole}\n`);
    assert.ok(Buffer.from(line.slice(0, -1), "base64").length > 0);
  });

  test("Go durations and the connection count switches", () => {
    assert.equal(parseGoDuration("5m"), 300_000);
    assert.equal(parseGoDuration("1h2m3.5s"), 3_723_500);
    assert.equal(parseGoDuration("250ms"), 250);
    assert.equal(parseGoDuration("0"), 0);
    assert.equal(parseGoDuration("5"), undefined);
    assert.equal(parseGoDuration("m"), undefined);
    const defaults = readAutoupdateSettings({});
    assert.deepEqual(defaults, { heartbeatMs: 300_000, metricSaveIntervalMs: 300_000, shareConnectionCounts: true, warmUp: true });
    assert.equal(readAutoupdateSettings({ AUTOUPDATE_WARM_UP: "off" }).warmUp, false);
    assert.equal(readAutoupdateSettings({ DISABLE_CONNECTION_COUNT: "true" }).shareConnectionCounts, false);
    assert.equal(readAutoupdateSettings({ OPENSLIDES_PUBLIC_ACCESS_ONLY: "1" }).shareConnectionCounts, false);
    assert.throws(() => readAutoupdateSettings({ METRIC_SAVE_INTERVAL: "often" }), /METRIC_SAVE_INTERVAL/);
  });
});

/** The stub state with the change log the live state keeps. */
class LoggingState extends StubState {
  readonly log: Array<{ version: number; key: string }> = [];
  override set(key: string, value: unknown): void {
    super.set(key, value);
    this.log.push({ version: this.version, key });
  }
  changedKeysSince(version: number): ReadonlySet<string> | undefined {
    return new Set(this.log.filter((entry) => entry.version > version).map((entry) => entry.key));
  }
}

describe("patched results", () => {
  test("a changed plain value is restricted again alone; the result equals a full computation", async () => {
    const { computeOwnPart } = await import("../../src/autoupdate/shared-result.js");
    const state = new LoggingState();
    const subscription = Subscription.alone(state, 1, parseKeyRequests(REQUEST));
    await subscription.next();
    const readsBefore = state.reads;
    state.set("organization/1/description", "Second");
    assert.deepEqual(await subscription.next(), { "organization/1/description": "Second" });
    assert.ok(state.reads - readsBefore < 10, `only the changed key is read again (${state.reads - readsBefore} reads)`);
    state.set("organization/1/description", undefined);
    assert.deepEqual(await subscription.next(), { "organization/1/description": null });
    const full = computeOwnPart(state, 1, parseKeyRequests(REQUEST));
    assert.deepEqual([...full.values.keys()], ["organization/1/name"]);
  });

  test("a change of something the restricter read (the request user) computes everything anew", async () => {
    const state = new LoggingState();
    const subscription = Subscription.alone(state, 1, parseKeyRequests(REQUEST));
    await subscription.next();
    state.set("user/1/id", undefined);
    await assert.rejects(() => subscription.next(), /does not exist anymore/);
  });
});
