// In-process message bus: the default when no Redis is configured. Same semantics as the
// Redis backend (auto stream ids, blocking reads, expiry), for one process only.
import {
  FROM_NOW,
  WrongTypeError,
  type AtomicScript,
  type AtomicStrings,
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
import { compareStreamIds, formatStreamId, parseStreamId, type ParsedStreamId } from "./stream-id.js";
import { startSubscription } from "./subscription.js";

interface StoredEntry extends StreamEntry {
  parsedId: ParsedStreamId;
}

interface Stream {
  entries: StoredEntry[];
  lastId: ParsedStreamId;
}

type Value =
  | { type: "string"; data: string }
  | { type: "hash"; data: Map<string, string> }
  | { type: "set"; data: Set<string> }
  | { type: "zset"; data: Map<string, number> }
  | { type: "stream"; data: Stream };

interface Slot {
  value: Value;
  expiresAt?: number;
}

const SWEEP_INTERVAL_MS = 60_000;

function restoredValue(type: unknown, data: unknown): Value | undefined {
  const pairs = Array.isArray(data) ? (data as unknown[]).filter((pair): pair is [string, unknown] => Array.isArray(pair) && typeof pair[0] === "string") : [];
  switch (type) {
    case "string":
      return typeof data === "string" ? { type, data } : undefined;
    case "hash":
      return { type, data: new Map(pairs.filter((pair): pair is [string, string] => typeof pair[1] === "string")) };
    case "set":
      return Array.isArray(data) ? { type, data: new Set((data as unknown[]).filter((member): member is string => typeof member === "string")) } : undefined;
    case "zset":
      return { type, data: new Map(pairs.filter((pair): pair is [string, number] => typeof pair[1] === "number")) };
    default:
      return undefined;
  }
}
const DEFAULT_COUNT = 100;

export class MemoryBus implements MessageBus {
  readonly kind = "memory";
  private readonly slots = new Map<string, Slot>();
  private readonly streamWaiters = new Map<string, Set<() => void>>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly sweeper: NodeJS.Timeout;

  constructor() {
    this.sweeper = setInterval(() => this.sweepExpired(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  /**
   * The keys other than streams (sessions, used tokens, counters) with their expiry, as JSON:
   * what a restart of a single process should keep. Streams are live traffic and stay behind.
   */
  exportKeys(): string {
    const now = Date.now();
    const keys: Array<[string, string, unknown, number | undefined]> = [];
    for (const [key, { value, expiresAt }] of this.slots) {
      if (value.type === "stream" || (expiresAt !== undefined && expiresAt <= now)) continue;
      const data = value.type === "string" ? value.data : [...value.data];
      keys.push([key, value.type, data, expiresAt]);
    }
    return JSON.stringify(keys);
  }

  /** Restores keys of exportKeys; expired and malformed entries are skipped. */
  importKeys(json: string): number {
    const now = Date.now();
    let restored = 0;
    for (const entry of JSON.parse(json) as unknown[]) {
      if (!Array.isArray(entry)) continue;
      const [key, type, data, expiresAt] = entry as [unknown, unknown, unknown, unknown];
      if (typeof key !== "string" || (typeof expiresAt === "number" && expiresAt <= now)) continue;
      const value = restoredValue(type, data);
      if (!value) continue;
      this.slots.set(key, { value, expiresAt: typeof expiresAt === "number" ? expiresAt : undefined });
      restored++;
    }
    return restored;
  }

  // Streams

  async publish(stream: string, fields: Record<string, string>, options: PublishOptions = {}): Promise<StreamId> {
    const data = this.streamFor(stream, true)!;
    const now = Date.now();
    const parsedId = now > data.lastId.ms ? { ms: now, seq: 0 } : { ms: data.lastId.ms, seq: data.lastId.seq + 1 };
    const id = formatStreamId(parsedId);
    data.entries.push({ id, parsedId, fields: { ...fields } });
    data.lastId = parsedId;
    if (options.maxLength !== undefined && data.entries.length > options.maxLength) {
      data.entries.splice(0, data.entries.length - options.maxLength);
    }
    this.wakeReaders(stream);
    return id;
  }

  async read(stream: string, after: StreamPosition, options: ReadOptions = {}): Promise<StreamEntry[]> {
    const start = after === FROM_NOW ? this.lastStreamId(stream) : parseStreamId(after);
    const count = options.count ?? DEFAULT_COUNT;
    const found = this.entriesAfter(stream, start, count);
    if (found.length > 0 || options.blockMs === undefined || options.signal?.aborted) return found;
    await this.waitForEntries(stream, options.blockMs, options.signal);
    return this.entriesAfter(stream, start, count);
  }

  subscribe(stream: string, from: StreamPosition, listener: StreamListener, options: SubscribeOptions = {}): Subscription {
    const subscription = startSubscription(
      {
        resolveStart: async () => (from === FROM_NOW ? formatStreamId(this.lastStreamId(stream)) : from),
        read: (after, count, wait, signal) => this.read(stream, after, { count, signal, blockMs: wait ? 0 : undefined }),
        release: () => this.subscriptions.delete(subscription),
      },
      listener,
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  // Strings

  async get(key: string): Promise<string | undefined> {
    const value = this.valueOf(key, "string");
    return value?.data;
  }

  async set(key: string, value: string, options: { ttlSeconds?: number } = {}): Promise<void> {
    this.slots.set(key, { value: { type: "string", data: value }, expiresAt: expiryFrom(options.ttlSeconds) });
  }

  async increment(key: string, options: { ttlSeconds?: number } = {}): Promise<number> {
    const current = this.valueOf(key, "string");
    if (!current) {
      this.slots.set(key, { value: { type: "string", data: "1" }, expiresAt: expiryFrom(options.ttlSeconds) });
      return 1;
    }
    const next = Number(current.data) + 1;
    if (!Number.isInteger(next)) throw new Error("ERR value is not an integer or out of range");
    current.data = String(next);
    return next;
  }

  // Any key

  async delete(...keys: string[]): Promise<number> {
    let removed = 0;
    for (const key of keys) {
      if (this.slotOf(key)) removed++;
      this.slots.delete(key);
    }
    return removed;
  }

  async expire(key: string, seconds: number): Promise<void> {
    const slot = this.slotOf(key);
    if (slot) slot.expiresAt = expiryFrom(seconds);
    if (slot && seconds <= 0) this.slots.delete(key);
  }

  async timeToLive(key: string): Promise<number | undefined> {
    const slot = this.slotOf(key);
    return slot?.expiresAt === undefined ? undefined : Math.max(0, slot.expiresAt - Date.now());
  }

  // Hashes

  async hashGet(key: string, field: string): Promise<string | undefined> {
    return this.valueOf(key, "hash")?.data.get(field);
  }

  async hashSet(key: string, field: string, value: string): Promise<void> {
    this.valueOf(key, "hash", () => new Map())!.data.set(field, value);
  }

  async hashDelete(key: string, ...fields: string[]): Promise<number> {
    const hash = this.valueOf(key, "hash");
    if (!hash) return 0;
    const removed = fields.filter((field) => hash.data.delete(field)).length;
    this.dropIfEmpty(key, hash.data.size);
    return removed;
  }

  async hashGetAll(key: string): Promise<Record<string, string>> {
    return Object.fromEntries(this.valueOf(key, "hash")?.data ?? []);
  }

  async hashLength(key: string): Promise<number> {
    return this.valueOf(key, "hash")?.data.size ?? 0;
  }

  // Sets

  async setAdd(key: string, ...members: string[]): Promise<number> {
    const set = this.valueOf(key, "set", () => new Set())!.data;
    const before = set.size;
    for (const member of members) set.add(member);
    return set.size - before;
  }

  async setRemove(key: string, ...members: string[]): Promise<number> {
    const set = this.valueOf(key, "set");
    if (!set) return 0;
    const removed = members.filter((member) => set.data.delete(member)).length;
    this.dropIfEmpty(key, set.data.size);
    return removed;
  }

  async setMembers(key: string): Promise<string[]> {
    return [...(this.valueOf(key, "set")?.data ?? [])];
  }

  async setHas(key: string, member: string): Promise<boolean> {
    return this.valueOf(key, "set")?.data.has(member) ?? false;
  }

  async setSize(key: string): Promise<number> {
    return this.valueOf(key, "set")?.data.size ?? 0;
  }

  // Sorted sets

  async sortedSetAdd(key: string, score: number, member: string): Promise<void> {
    this.valueOf(key, "zset", () => new Map())!.data.set(member, score);
  }

  async sortedSetRemove(key: string, ...members: string[]): Promise<number> {
    const zset = this.valueOf(key, "zset");
    if (!zset) return 0;
    const removed = members.filter((member) => zset.data.delete(member)).length;
    this.dropIfEmpty(key, zset.data.size);
    return removed;
  }

  async sortedSetRangeByScore(key: string, min: number, max: number): Promise<ScoredMember[]> {
    const zset = this.valueOf(key, "zset");
    if (!zset) return [];
    return [...zset.data]
      .filter(([, score]) => score >= min && score <= max)
      .map(([member, score]) => ({ member, score }))
      .sort((a, b) => a.score - b.score || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
  }

  async sortedSetRemoveRangeByScore(key: string, min: number, max: number): Promise<number> {
    const zset = this.valueOf(key, "zset");
    if (!zset) return 0;
    let removed = 0;
    for (const [member, score] of zset.data) {
      if (score >= min && score <= max && zset.data.delete(member)) removed++;
    }
    this.dropIfEmpty(key, zset.data.size);
    return removed;
  }

  async sortedSetSize(key: string): Promise<number> {
    return this.valueOf(key, "zset")?.data.size ?? 0;
  }

  // Scripts

  async runScript(script: AtomicScript, keys: string[], args: number[]): Promise<number> {
    return script.local(this.atomicStrings, keys, args);
  }

  private readonly atomicStrings: AtomicStrings = {
    get: (key) => this.valueOf(key, "string")?.data,
    set: (key, value, ttlMs) => {
      this.slots.set(key, { value: { type: "string", data: value }, expiresAt: ttlMs === undefined ? undefined : Date.now() + ttlMs });
    },
    delete: (key) => {
      this.slots.delete(key);
    },
    ttlMs: (key) => {
      const slot = this.slotOf(key);
      if (!slot) return -2;
      return slot.expiresAt === undefined ? -1 : Math.max(0, slot.expiresAt - Date.now());
    },
  };

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const subscription of this.subscriptions) subscription.close();
    this.subscriptions.clear();
    for (const stream of [...this.streamWaiters.keys()]) this.wakeReaders(stream);
  }

  // Internals

  private slotOf(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (slot?.expiresAt !== undefined && slot.expiresAt <= Date.now()) {
      this.slots.delete(key);
      return undefined;
    }
    return slot;
  }

  /** The value of the key if it has the type; creates it with `create` when missing and given. */
  private valueOf<T extends Value["type"]>(
    key: string,
    type: T,
    create?: () => Extract<Value, { type: T }>["data"],
  ): Extract<Value, { type: T }> | undefined {
    const slot = this.slotOf(key);
    if (slot) {
      if (slot.value.type !== type) throw new WrongTypeError(key);
      return slot.value as Extract<Value, { type: T }>;
    }
    if (!create) return undefined;
    const value = { type, data: create() } as unknown as Extract<Value, { type: T }>;
    this.slots.set(key, { value });
    return value;
  }

  private dropIfEmpty(key: string, size: number): void {
    if (size === 0) this.slots.delete(key);
  }

  private streamFor(stream: string, create: boolean): Stream | undefined {
    return this.valueOf(stream, "stream", create ? () => ({ entries: [], lastId: { ms: 0, seq: 0 } }) : undefined)?.data;
  }

  private lastStreamId(stream: string): ParsedStreamId {
    return this.streamFor(stream, false)?.lastId ?? { ms: 0, seq: 0 };
  }

  private entriesAfter(stream: string, after: ParsedStreamId, count: number): StreamEntry[] {
    const entries = this.streamFor(stream, false)?.entries ?? [];
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compareStreamIds(entries[middle]!.parsedId, after) <= 0) low = middle + 1;
      else high = middle;
    }
    return entries.slice(low, low + count).map(({ id, fields }) => ({ id, fields: { ...fields } }));
  }

  private waitForEntries(stream: string, blockMs: number, signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      let waiters = this.streamWaiters.get(stream);
      if (!waiters) this.streamWaiters.set(stream, (waiters = new Set()));
      const timer = blockMs > 0 ? setTimeout(done, blockMs) : undefined;
      signal?.addEventListener("abort", done, { once: true });
      waiters.add(done);
      const registered = waiters;
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener("abort", done);
        registered.delete(done);
        resolve();
      }
    });
  }

  private wakeReaders(stream: string): void {
    const waiters = this.streamWaiters.get(stream);
    if (!waiters) return;
    this.streamWaiters.delete(stream);
    for (const wake of waiters) wake();
  }

  private sweepExpired(): void {
    for (const key of this.slots.keys()) this.slotOf(key);
  }
}

function expiryFrom(ttlSeconds: number | undefined): number | undefined {
  return ttlSeconds === undefined ? undefined : Date.now() + ttlSeconds * 1000;
}
