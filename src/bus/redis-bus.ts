// Redis message bus (ioredis): shared by every process of a deployment and by upstream
// services on the same Redis. Key and stream names are used as given (plus an optional
// prefix, which tests use to stay apart from each other).
import { createRequire } from "node:module";
import type { Redis } from "ioredis";
import {
  FROM_NOW,
  type AtomicScript,
  FROM_START,
  type MessageBus,
  type PublishOptions,
  type ReadOptions,
  type ScoredMember,
  type StreamEntry,
  type StreamId,
  type StreamListener,
  type StreamPosition,
  type SubscribeOptions,
  type Subscription,
} from "./bus.js";
import { startSubscription } from "./subscription.js";

// ioredis is loaded by the first Redis bus, so that a deployment without Redis does not hold it.
let redisClass: typeof Redis | undefined;
function loadRedis(): typeof Redis {
  redisClass ??= (createRequire(import.meta.url)("ioredis") as typeof import("ioredis")).Redis;
  return redisClass;
}

export interface RedisBusOptions {
  host: string;
  port: number;
  /** Database index (SELECT). */
  db?: number;
  /** Prepended to every key and stream name. Empty in production (upstream names). */
  keyPrefix?: string;
  /** Told about connection problems (default: a console warning at most every 30 s). */
  onConnectionError?: (error: Error) => void;
}

const DEFAULT_COUNT = 100;
const WARNING_INTERVAL_MS = 30_000;

type RawStreamReply = [string, [StreamId, string[]][]][] | null;

export class RedisBus implements MessageBus {
  readonly kind = "redis";
  private readonly client: Redis;
  private readonly prefix: string;
  private readonly subscriptions = new Set<Subscription>();
  private readonly blockingConnections = new Set<Redis>();
  private lastWarning = 0;

  constructor(private readonly options: RedisBusOptions) {
    this.prefix = options.keyPrefix ?? "";
    this.client = this.connect();
  }

  // Streams

  async publish(stream: string, fields: Record<string, string>, options: PublishOptions = {}): Promise<StreamId> {
    const trim = options.maxLength === undefined ? [] : ["MAXLEN", "~", String(options.maxLength)];
    const id = await this.client.xadd(this.key(stream), ...trim, "*", ...Object.entries(fields).flat());
    return id!;
  }

  async read(stream: string, after: StreamPosition, options: ReadOptions = {}): Promise<StreamEntry[]> {
    const count = options.count ?? DEFAULT_COUNT;
    if (options.blockMs === undefined) return this.readOn(this.client, stream, after, count);
    if (options.signal?.aborted) return [];
    // "$" would be resolved by the server when the new connection's XREAD arrives, which can be
    // after entries published meanwhile: pin "now" to the stream's last id first.
    const start = after === FROM_NOW ? await this.lastStreamId(stream) : after;
    const connection = this.connect();
    try {
      return await this.readOn(connection, stream, start, count, options.blockMs, options.signal);
    } finally {
      this.disconnect(connection);
    }
  }

  subscribe(stream: string, from: StreamPosition, listener: StreamListener, options: SubscribeOptions = {}): Subscription {
    let connection: Redis | undefined;
    const subscription = startSubscription(
      {
        resolveStart: async () => (from === FROM_NOW ? this.lastStreamId(stream) : from),
        read: (after, count, wait, signal) => {
          if (!wait) return this.readOn(this.client, stream, after, count);
          connection ??= this.connect();
          return this.readOn(connection, stream, after, count, 0, signal);
        },
        release: () => {
          if (connection) this.disconnect(connection);
          this.subscriptions.delete(subscription);
        },
      },
      listener,
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  // Strings

  async get(key: string): Promise<string | undefined> {
    return (await this.client.get(this.key(key))) ?? undefined;
  }

  async set(key: string, value: string, options: { ttlSeconds?: number } = {}): Promise<void> {
    if (options.ttlSeconds === undefined) await this.client.set(this.key(key), value);
    else await this.client.set(this.key(key), value, "PX", toMilliseconds(options.ttlSeconds));
  }

  async increment(key: string, options: { ttlSeconds?: number } = {}): Promise<number> {
    if (options.ttlSeconds === undefined) return this.client.incr(this.key(key));
    // Creating the key with its expiry and counting happen in one transaction, so a
    // counter can never be left without expiry.
    const results = await this.client
      .multi()
      .set(this.key(key), "0", "PX", toMilliseconds(options.ttlSeconds), "NX")
      .incr(this.key(key))
      .exec();
    const [error, value] = results![1]!;
    if (error) throw error;
    return value as number;
  }

  // Any key

  async delete(...keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    return this.client.del(...keys.map((key) => this.key(key)));
  }

  async expire(key: string, seconds: number): Promise<void> {
    await this.client.pexpire(this.key(key), toMilliseconds(seconds));
  }

  async timeToLive(key: string): Promise<number | undefined> {
    const milliseconds = await this.client.pttl(this.key(key));
    return milliseconds < 0 ? undefined : milliseconds;
  }

  // Hashes

  async hashGet(key: string, field: string): Promise<string | undefined> {
    return (await this.client.hget(this.key(key), field)) ?? undefined;
  }

  async hashSet(key: string, field: string, value: string): Promise<void> {
    await this.client.hset(this.key(key), field, value);
  }

  async hashDelete(key: string, ...fields: string[]): Promise<number> {
    if (fields.length === 0) return 0;
    return this.client.hdel(this.key(key), ...fields);
  }

  async hashGetAll(key: string): Promise<Record<string, string>> {
    return this.client.hgetall(this.key(key));
  }

  async hashLength(key: string): Promise<number> {
    return this.client.hlen(this.key(key));
  }

  // Sets

  async setAdd(key: string, ...members: string[]): Promise<number> {
    if (members.length === 0) return 0;
    return this.client.sadd(this.key(key), ...members);
  }

  async setRemove(key: string, ...members: string[]): Promise<number> {
    if (members.length === 0) return 0;
    return this.client.srem(this.key(key), ...members);
  }

  async setMembers(key: string): Promise<string[]> {
    return this.client.smembers(this.key(key));
  }

  async setHas(key: string, member: string): Promise<boolean> {
    return (await this.client.sismember(this.key(key), member)) === 1;
  }

  async setSize(key: string): Promise<number> {
    return this.client.scard(this.key(key));
  }

  // Sorted sets

  async sortedSetAdd(key: string, score: number, member: string): Promise<void> {
    await this.client.zadd(this.key(key), scoreArgument(score), member);
  }

  async sortedSetRemove(key: string, ...members: string[]): Promise<number> {
    if (members.length === 0) return 0;
    return this.client.zrem(this.key(key), ...members);
  }

  async sortedSetRangeByScore(key: string, min: number, max: number): Promise<ScoredMember[]> {
    const flat = await this.client.zrangebyscore(this.key(key), scoreArgument(min), scoreArgument(max), "WITHSCORES");
    const result: ScoredMember[] = [];
    for (let index = 0; index < flat.length; index += 2) {
      result.push({ member: flat[index]!, score: Number(flat[index + 1]) });
    }
    return result;
  }

  async sortedSetRemoveRangeByScore(key: string, min: number, max: number): Promise<number> {
    return this.client.zremrangebyscore(this.key(key), scoreArgument(min), scoreArgument(max));
  }

  async sortedSetSize(key: string): Promise<number> {
    return this.client.zcard(this.key(key));
  }

  // Scripts

  async runScript(script: AtomicScript, keys: string[], args: number[]): Promise<number> {
    const command = `script_${script.name}`;
    const client = this.client as unknown as Record<string, (...values: (string | number)[]) => Promise<unknown>>;
    // defineCommand sends EVALSHA and loads the script with EVAL when Redis does not know it yet.
    if (typeof client[command] !== "function") this.client.defineCommand(command, { lua: script.lua });
    const result = await client[command]!.call(this.client, keys.length, ...keys.map((key) => this.key(key)), ...args);
    return Number(result);
  }

  async close(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.close();
    this.subscriptions.clear();
    for (const connection of this.blockingConnections) this.disconnect(connection);
    if (this.client.status === "ready") await this.client.quit().catch(() => this.client.disconnect());
    else this.client.disconnect();
  }

  // Internals

  private key(name: string): string {
    return this.prefix + name;
  }

  private connect(): Redis {
    const connection = new (loadRedis())({
      host: this.options.host,
      port: this.options.port,
      db: this.options.db ?? 0,
      maxRetriesPerRequest: 3,
    });
    connection.on("error", (error: Error) => this.reportConnectionError(error));
    if (this.client) this.blockingConnections.add(connection);
    return connection;
  }

  private disconnect(connection: Redis): void {
    this.blockingConnections.delete(connection);
    connection.disconnect();
  }

  private reportConnectionError(error: Error): void {
    if (this.options.onConnectionError) return this.options.onConnectionError(error);
    const now = Date.now();
    if (now - this.lastWarning < WARNING_INTERVAL_MS) return;
    this.lastWarning = now;
    console.warn(`message bus: redis ${this.options.host}:${this.options.port}: ${error.message}`);
  }

  private async lastStreamId(stream: string): Promise<StreamId> {
    const last = await this.client.xrevrange(this.key(stream), "+", "-", "COUNT", 1);
    return last[0]?.[0] ?? FROM_START;
  }

  private async readOn(
    connection: Redis,
    stream: string,
    after: StreamPosition,
    count: number,
    blockMs?: number,
    signal?: AbortSignal,
  ): Promise<StreamEntry[]> {
    const block = blockMs === undefined ? [] : ["BLOCK", String(blockMs)];
    const abort = (): void => connection.disconnect();
    signal?.addEventListener("abort", abort, { once: true });
    try {
      const args = ["COUNT", String(count), ...block, "STREAMS", this.key(stream), after];
      const reply = (await connection.call("XREAD", ...args)) as RawStreamReply;
      return (reply?.[0]?.[1] ?? []).map(([id, flat]) => ({ id, fields: pairsToRecord(flat) }));
    } catch (error) {
      if (signal?.aborted) return [];
      throw error;
    } finally {
      signal?.removeEventListener("abort", abort);
    }
  }
}

function pairsToRecord(flat: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let index = 0; index < flat.length; index += 2) record[flat[index]!] = flat[index + 1]!;
  return record;
}

function scoreArgument(score: number): string {
  if (score === Infinity) return "+inf";
  if (score === -Infinity) return "-inf";
  return String(score);
}

function toMilliseconds(seconds: number): number {
  return Math.max(1, Math.round(seconds * 1000));
}
