// The Database of src/db/types.ts on an engine: reads outside transactions, REPEATABLE READ
// transactions retried on serialization failures, and the change feed.
import type { Config } from "../config.js";
import type { SqlEngine, SqlSession } from "./engine/engine.js";
import { openEmbeddedEngine } from "./engine/embedded-engine.js";
import { PostgresEngine, postgresTarget } from "./engine/postgres-engine.js";
import { ChangeFeed } from "./change-feed.js";
import { isSerializationFailure, isUniqueViolation, mapDatabaseError } from "./errors.js";
import { SqlReader } from "./reader.js";
import { ensureSchema } from "./schema.js";
import { ensureServiceSchemas } from "./service-schemas.js";
import { SqlWriter } from "./writer.js";
import { IdBank } from "./id-bank.js";
import { LocalLocks, LockAttempt, lockId, MAX_PRELOCKS, numberingLockKeys, RestartWithLocks, lockAndCheckSnapshot, type LockKey } from "./numbering-lock.js";
import { DatabaseError, type ChangeListener, type CollectionRead, type Database, type Fqid, type Model, type ReadOptions, type Reader, type Transaction, type TransactionOptions, type WriteEvent } from "./types.js";

export interface DatabaseOptions {
  maxRetries: number;
  retryPauseMs: number;
  onFeedError?: (error: unknown) => void;
}

const CONFLICT_MESSAGE = "Database operation failed due to concurrent conflicting actions. Please try again later.";

class TransactionImpl extends SqlReader implements Transaction {
  private readonly writer: SqlWriter;
  private outsideReader: SqlReader | undefined;
  constructor(
    session: SqlSession,
    private readonly outside: SqlSession | undefined,
    private readonly locks: LockAttempt,
    private readonly localLocks: LocalLocks,
    private readonly ids: IdBank,
  ) {
    super(session, true);
    this.writer = new SqlWriter(session);
  }
  /** See numbering-lock.ts. */
  async lockNumbering(kind: string, key: number): Promise<Reader> {
    const lock = numberingLockKeys(kind, key);
    const id = lockId(lock);
    if (this.locks.current.has(id)) return this;
    if (this.locks.restart) throw this.locks.restart;
    // The two-int4 form: its lock space is apart from the bigint key of the schema lock.
    if (!this.outside) {
      // Engines with one connection run one transaction at a time: the snapshot is current.
      await this.run("SELECT pg_advisory_xact_lock($1::int4, $2::int4)", lock);
      this.locks.current.add(id);
      return this;
    }
    const mayRestart = this.locks.preLocks.length < MAX_PRELOCKS;
    if (mayRestart) {
      // Another transaction of this process has the lock or waits for it: this snapshot will be old.
      const release = this.localLocks.tryAcquire(id);
      if (!release) throw this.locks.restartWith(lock);
      this.locks.localReleases.push(release);
    }
    let stale: boolean;
    try {
      stale = await lockAndCheckSnapshot(this.session, lock);
    } catch (error) {
      throw mapDatabaseError(error);
    }
    if (!stale) {
      this.locks.current.add(id);
      return this;
    }
    if (mayRestart) throw this.locks.restartWith(lock);
    return (this.outsideReader ??= new SqlReader(this.outside, false));
  }
  override async getMany(collection: string, ids: number[], fields?: string[], options?: ReadOptions): Promise<Map<number, Model>> {
    const models = await super.getMany(collection, ids, fields, options);
    this.writer.foundByRead(collection, models.keys());
    return models;
  }
  override async getManyOfCollections(reads: readonly CollectionRead[]): Promise<Map<string, Map<number, Model>>> {
    const models = await super.getManyOfCollections(reads);
    for (const [collection, found] of models) this.writer.foundByRead(collection, found.keys());
    return models;
  }
  write(events: WriteEvent[]): Promise<Record<Fqid, Model>> {
    return this.writer.write(events);
  }
  reserveIds(collection: string, count: number): Promise<number[]> {
    if (!Number.isInteger(count) || count < 1) return this.writer.reserveIds(collection, count);
    return this.ids.take(collection, count, (fresh) => this.writer.reserveIds(collection, fresh));
  }
  async reserveIdsOfCollections(requests: ReadonlyArray<readonly [collection: string, count: number]>): Promise<number[][]> {
    if (requests.some(([, count]) => !Number.isInteger(count) || count < 1)) return this.writer.reserveIdsOfCollections(requests);
    // Spare ids of earlier attempts first (IdBank); what is still missing comes in one statement.
    const result = requests.map(([collection, count]) => this.ids.takeSpare(collection, count));
    const missing = requests.map(([collection, count], index) => ({ index, collection, count: count - result[index]!.length })).filter((request) => request.count > 0);
    if (missing.length === 0) return result;
    const fresh = await this.writer.reserveIdsOfCollections(missing.map(({ collection, count }) => [collection, count] as const));
    missing.forEach(({ index, collection }, at) => {
      this.ids.recordFresh(collection, fresh[at]!);
      result[index]!.push(...fresh[at]!);
    });
    return result;
  }
  query<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.run<Row>(sql, params);
  }
  async queryCommitted<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    // Engines with one connection run one transaction at a time: the snapshot is current.
    if (!this.outside) return this.run<Row>(sql, params);
    try {
      return (await this.outside.query<Row>(sql, params)).rows;
    } catch (error) {
      throw mapDatabaseError(error);
    }
  }
}

/** Errors raised by PostgreSQL carry an SQLSTATE code; everything else (e.g. an action's own error) passes through. */
function isEngineError(error: unknown): boolean {
  return !(error instanceof DatabaseError) && typeof (error as { code?: unknown } | null)?.code === "string" && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}

/** Attempts after unique violations (see transaction). */
const UNIQUE_VIOLATION_RETRIES = 8;

export class SqlDatabase extends SqlReader implements Database {
  private readonly localLocks = new LocalLocks();
  private readonly followers = new Set<() => Promise<void>>();
  /** The wait of the callers of caughtUpWithin that share the feed's next barrier. */
  private sharedCatchUp?: { barrier: Promise<void>; timeoutMs: number; result: Promise<boolean> };

  private constructor(
    readonly engine: SqlEngine,
    private readonly feed: ChangeFeed,
    private readonly options: DatabaseOptions,
  ) {
    super(engine, false);
  }

  /** Opens the engine, creates the schema when the database is new and starts the change feed. */
  static async open(engine: SqlEngine, options: DatabaseOptions): Promise<SqlDatabase> {
    try {
      await ensureSchema(engine);
      await ensureServiceSchemas(engine);
      const feed = new ChangeFeed(engine, options.onFeedError);
      await feed.start();
      return new SqlDatabase(engine, feed, options);
    } catch (error) {
      await engine.close().catch(() => undefined);
      throw error;
    }
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    // Numbering locks learned by earlier attempts, taken before the snapshot (numbering-lock.ts).
    const preLocks: LockKey[] = [];
    const ids = new IdBank();
    for (let attempt = 0, uniqueAttempt = 0; ; attempt++) {
      const locks = new LockAttempt([...preLocks]);
      ids.beginAttempt();
      const releaseLocal = preLocks.length > 0 ? await this.localLocks.acquireAll(preLocks.map(lockId)) : undefined;
      const barrier = options.readYourWrites ? this.feed.commitBarrier() : undefined;
      try {
        const value = await this.engine.withTransaction(
          async (session) => {
            const value = await fn(new TransactionImpl(session, this.engine.outside, locks, this.localLocks, ids));
            // A restart the callback caught and dropped still ends the attempt.
            if (locks.restart) throw locks.restart;
            return value;
          },
          { locks: preLocks, beforeCommit: barrier?.sql, committed: barrier?.committed },
        );
        return value;
      } catch (error) {
        barrier?.abandoned();
        const restart = locks.restart ?? (error instanceof RestartWithLocks ? error : undefined);
        if (restart) {
          // Not a conflict: start again at once, the lock taken first; not counted as a retry.
          if (!preLocks.some((key) => lockId(key) === lockId(restart.key))) preLocks.push(restart.key);
          attempt--;
          continue;
        }
        if (isUniqueViolation(error) && uniqueAttempt < UNIQUE_VIOLATION_RETRIES) {
          // Likely a concurrent twin (same number, same name) committed first: try again on a
          // fresh snapshot, after a short random pause that spreads the twins. A real duplicate
          // fails the same way every time and is reported after the last attempt.
          uniqueAttempt++;
          await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 45));
          continue;
        }
        if (!isSerializationFailure(error)) throw isEngineError(error) ? mapDatabaseError(error) : error;
        if (attempt >= this.options.maxRetries) throw new DatabaseError(CONFLICT_MESSAGE, "serialization");
        await new Promise((resolve) => setTimeout(resolve, this.options.retryPauseMs));
      } finally {
        locks.releaseLocal();
        releaseLocal?.();
      }
    }
  }

  query<Row = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return this.run<Row>(sql, params);
  }

  onChange(listener: ChangeListener): () => void {
    return this.feed.subscribe(listener);
  }

  addFollower(settled: () => Promise<void>): () => void {
    this.followers.add(settled);
    return () => this.followers.delete(settled);
  }

  /**
   * Resolves true once the state caught up with every commit made before the call, false after
   * `timeoutMs`. Callers that share the feed's barrier (a burst of requests) share one wait and
   * its timer, counted from the first of them.
   */
  caughtUpWithin(timeoutMs: number): Promise<boolean> {
    const barrier = this.feed.caughtUp();
    const shared = this.sharedCatchUp;
    if (shared?.barrier === barrier && shared.timeoutMs === timeoutMs) return shared.result;
    const result = this.raceCatchUp(barrier, timeoutMs);
    this.sharedCatchUp = { barrier, timeoutMs, result };
    return result;
  }

  private async raceCatchUp(barrier: Promise<void>, timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const caughtUp = (async () => {
      await barrier;
      await Promise.all([...this.followers].map((settled) => settled()));
      return true;
    })().catch(() => false);
    try {
      return await Promise.race([caughtUp, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  ownCommitsAppliedWithin(timeoutMs: number): Promise<boolean> {
    return this.raceCatchUp(this.feed.ownCommitsDelivered(), timeoutMs);
  }

  /** Resolves when every change notification received so far reached the listeners (tests, shutdown). */
  changesDelivered(): Promise<void> {
    return this.feed.idle();
  }

  async close(): Promise<void> {
    await this.feed.close();
    await this.engine.close();
  }
}

export async function openEngine(config: Config, log?: (message: string, error?: unknown) => void): Promise<SqlEngine> {
  if (config.database.kind === "external") return new PostgresEngine(postgresTarget(config.database));
  const { embeddedDir, name, user, password, poolMax } = config.database;
  return openEmbeddedEngine({ dataDir: embeddedDir, database: name, user, password, poolMax, log });
}

export async function createDatabase(config: Config, onFeedError?: (error: unknown) => void, log?: (message: string, error?: unknown) => void): Promise<SqlDatabase> {
  const engine = await openEngine(config, log);
  return SqlDatabase.open(engine, {
    maxRetries: config.actionMaxRetries,
    retryPauseMs: config.actionRetryTimeoutMs,
    onFeedError,
  });
}
