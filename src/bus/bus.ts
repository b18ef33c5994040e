// The message bus: everything processes share besides the database. Two backends with
// identical behaviour: in-process (memory-bus.ts, the default) and Redis (redis-bus.ts).
//
// The semantics are Redis' own (streams with auto ids and blocking reads, strings with
// expiry, hashes, sets, sorted sets), and key and stream names are used exactly as given,
// so that upstream services sharing the same Redis see the same data (e.g. stream `logout`,
// hash `auth:session:sessions`).

/** A stream entry id "<ms>-<seq>", as Redis generates it. */
export type StreamId = string;

/**
 * Where a read starts: "$" = only entries added after now, "0" = from the beginning,
 * any other id = entries after that id (an id may be given as "<ms>" alone).
 */
export type StreamPosition = StreamId;

export const FROM_NOW = "$";
export const FROM_START = "0-0";

export interface StreamEntry {
  id: StreamId;
  fields: Record<string, string>;
}

export interface PublishOptions {
  /** Trim the stream to about this many entries (XADD MAXLEN ~). */
  maxLength?: number;
}

export interface ReadOptions {
  /** At most this many entries (default 100). */
  count?: number;
  /** Wait up to this many milliseconds for entries when none are there; 0 waits forever. Absent: no waiting. */
  blockMs?: number;
  /** Ends a blocking wait early; the read then resolves with []. */
  signal?: AbortSignal;
}

export type StreamListener = (entries: StreamEntry[]) => void | Promise<void>;

export interface SubscribeOptions {
  /** Entries per delivery (default 100). */
  count?: number;
  /** Called when reading fails; the subscription retries after a pause. */
  onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once the entries that existed at subscription time have been delivered. */
  readonly ready: Promise<void>;
  close(): void;
}

export interface ScoredMember {
  member: string;
  score: number;
}

export interface MessageBus {
  readonly kind: "memory" | "redis";

  // Streams
  /** Appends an entry with an auto id (XADD <stream> * field value ...); returns the id. */
  publish(stream: string, fields: Record<string, string>, options?: PublishOptions): Promise<StreamId>;
  /** Entries after `after` (XREAD [BLOCK] STREAMS <stream> <after>). */
  read(stream: string, after: StreamPosition, options?: ReadOptions): Promise<StreamEntry[]>;
  /** Calls listener with every batch of entries after `from`, in order, until closed. */
  subscribe(stream: string, from: StreamPosition, listener: StreamListener, options?: SubscribeOptions): Subscription;

  // Strings
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttlSeconds?: number }): Promise<void>;
  /** Adds 1 and returns the new value; a key created by this call expires after ttlSeconds. */
  increment(key: string, options?: { ttlSeconds?: number }): Promise<number>;

  // Any key
  /** Removes keys of any type; returns how many existed. */
  delete(...keys: string[]): Promise<number>;
  expire(key: string, seconds: number): Promise<void>;
  /** Milliseconds until the key expires; undefined when it does not exist or never expires. */
  timeToLive(key: string): Promise<number | undefined>;

  // Hashes
  hashGet(key: string, field: string): Promise<string | undefined>;
  hashSet(key: string, field: string, value: string): Promise<void>;
  /** Returns how many fields existed. */
  hashDelete(key: string, ...fields: string[]): Promise<number>;
  hashGetAll(key: string): Promise<Record<string, string>>;
  hashLength(key: string): Promise<number>;

  // Sets
  setAdd(key: string, ...members: string[]): Promise<number>;
  setRemove(key: string, ...members: string[]): Promise<number>;
  setMembers(key: string): Promise<string[]>;
  setHas(key: string, member: string): Promise<boolean>;
  setSize(key: string): Promise<number>;

  // Sorted sets
  sortedSetAdd(key: string, score: number, member: string): Promise<void>;
  sortedSetRemove(key: string, ...members: string[]): Promise<number>;
  /** Members with min <= score <= max, lowest score first. */
  sortedSetRangeByScore(key: string, min: number, max: number): Promise<ScoredMember[]>;
  /** Removes members with min <= score <= max; returns how many. */
  sortedSetRemoveRangeByScore(key: string, min: number, max: number): Promise<number>;
  sortedSetSize(key: string): Promise<number>;

  /**
   * Runs a script atomically on string keys: Redis runs its Lua text (EVALSHA), the memory bus
   * its `local` function, synchronously, so no other command comes in between. Returns the
   * script's integer.
   */
  runScript(script: AtomicScript, keys: string[], args: number[]): Promise<number>;

  /** Ends subscriptions and connections. */
  close(): Promise<void>;
}

/** Synchronous access to string keys inside an AtomicScript's `local` function (Redis semantics). */
export interface AtomicStrings {
  get(key: string): string | undefined;
  /** Sets the value with an expiry in milliseconds (> 0), or without expiry. */
  set(key: string, value: string, ttlMs?: number): void;
  delete(key: string): void;
  /** Milliseconds until expiry as Redis' PTTL: -2 when missing, -1 without expiry. */
  ttlMs(key: string): number;
}

/** One operation in two forms that must behave alike: Lua for Redis, a function for the memory bus. */
export interface AtomicScript {
  /** A unique name (ioredis registers the script under it). */
  name: string;
  /** Gets KEYS and ARGV; returns an integer. */
  lua: string;
  local(strings: AtomicStrings, keys: string[], args: number[]): number;
}

/** Raised by both backends when a key holds another type (Redis' WRONGTYPE). */
export class WrongTypeError extends Error {
  constructor(key: string) {
    super(`WRONGTYPE Operation against a key holding the wrong kind of value: ${key}`);
  }
}
