// Numbering locks (Transaction.lockNumbering): "highest number + 1" chosen by concurrent
// transactions must queue, not collide on a unique index and start again.
//
// A lock only helps if the transaction sees what the previous holder committed. Under
// REPEATABLE READ the snapshot is taken at the first statement, usually long before the number
// is chosen, and `SELECT pg_advisory_xact_lock(..)` as first statement would not help either:
// its own statement takes the snapshot before it waits. So:
//
// 1. The first time a transaction asks for a lock it takes pg_advisory_xact_lock and then checks
//    whether any transaction committed after its snapshot was taken
//    (pg_xact_status of the xids its snapshot saw running or not yet started). If none did, the snapshot is current and the
//    transaction goes on; this is the case without concurrency.
// 2. Otherwise (or when another transaction of this process holds or waits for the same lock) the
//    attempt ends with RestartWithLocks and the database starts the transaction again, this time
//    taking the lock as a session lock before BEGIN (released after COMMIT/ROLLBACK): the new
//    snapshot is taken after the previous holder's commit, and everything the transaction reads
//    (numbers, but also e.g. motions with the same text) is current. Inside the process the
//    waiters queue in memory (LocalLocks), so they do not hold pool connections while waiting.
// 3. Beyond MAX_PRELOCKS keys per transaction, or when the check cannot run, the transaction
//    keeps its snapshot and reads the committed state outside of it (engine.outside).
//
// The unique-violation retry of SqlDatabase.transaction stays as the safety net.
import type { SqlSession } from "./engine/engine.js";

export type LockKey = [number, number];

/** Locks a transaction may learn before it gives up restarting and reads outside its snapshot. */
export const MAX_PRELOCKS = 4;

/** The two int4 keys of pg_advisory_(xact_)lock(int, int): a hash of the kind (FNV-1a) and the key. */
export function numberingLockKeys(kind: string, key: number): LockKey {
  let hash = 0x811c9dc5;
  for (const char of kind) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return [hash | 0, key | 0];
}

export const lockId = (key: LockKey): string => `${key[0]}:${key[1]}`;

/** Ends an attempt: the transaction starts again with these locks taken before its snapshot. */
export class RestartWithLocks extends Error {
  constructor(readonly key: LockKey) {
    super(`restart with numbering lock ${lockId(key)} taken first`);
  }
}

/** In-process FIFO locks by id: the process's share of the queue for an advisory lock. */
export class LocalLocks {
  /** Present while held; the array holds the waiters. */
  private readonly queues = new Map<string, Array<() => void>>();

  isFree(id: string): boolean {
    return !this.queues.has(id);
  }

  tryAcquire(id: string): (() => void) | undefined {
    if (this.queues.has(id)) return undefined;
    this.queues.set(id, []);
    return this.releaser(id);
  }

  async acquire(id: string): Promise<() => void> {
    const waiters = this.queues.get(id);
    if (!waiters) {
      this.queues.set(id, []);
    } else {
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
    return this.releaser(id);
  }

  /** All ids in sorted order (no deadlock between two acquireAll); returns one release for all. */
  async acquireAll(ids: string[]): Promise<() => void> {
    const releases: Array<() => void> = [];
    for (const id of [...new Set(ids)].sort()) releases.push(await this.acquire(id));
    return () => releases.reverse().forEach((release) => release());
  }

  private releaser(id: string): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const waiters = this.queues.get(id);
      const next = waiters?.shift();
      // Ownership passes to the next waiter; the entry stays.
      if (next) next();
      else this.queues.delete(id);
    };
  }
}

/** What one attempt of a transaction knows about its numbering locks. */
export class LockAttempt {
  /** Ids whose lock was taken before the snapshot, or checked after the snapshot: reads are current. */
  readonly current = new Set<string>();
  readonly localReleases: Array<() => void> = [];
  /** Set when the attempt must end; thrown again after fn if someone swallowed it. */
  restart: RestartWithLocks | undefined;

  constructor(readonly preLocks: LockKey[]) {
    for (const key of preLocks) this.current.add(lockId(key));
  }

  restartWith(key: LockKey): RestartWithLocks {
    this.restart ??= new RestartWithLocks(key);
    return this.restart;
  }

  releaseLocal(): void {
    for (const release of this.localReleases.splice(0)) release();
  }
}

/**
 * Waits for the transaction-scoped advisory lock, then tells whether a transaction committed
 * after this transaction's snapshot was taken: one the snapshot saw running, or one that started
 * later. The check assigns this transaction its xid (the upper end of "started later") once the
 * lock is held; if it had one already, transactions after it cannot be told apart, and the answer
 * is true. Two statements: the lock with the question whether an xid is assigned (in either
 * order), then the check; PostgreSQL does not promise to evaluate a check in the same statement
 * after the lock (stable functions may be evaluated early).
 */
export async function lockAndCheckSnapshot(session: SqlSession, lock: LockKey): Promise<boolean> {
  const { rows: locked } = await session.query<{ assigned: boolean }>(
    "SELECT pg_advisory_xact_lock($1::int4, $2::int4)::text AS lock, pg_current_xact_id_if_assigned() IS NOT NULL AS assigned",
    [...lock],
  );
  if (locked[0]?.assigned !== false) return true;
  const { rows } = await session.query<{ stale: boolean }>(
    `WITH s AS (SELECT pg_current_snapshot() AS snap, pg_current_xact_id() AS own)
     SELECT EXISTS (
       SELECT 1 FROM s, LATERAL (
         SELECT pg_snapshot_xip(s.snap) AS xid
         UNION ALL
         SELECT g::text::xid8 FROM generate_series(pg_snapshot_xmax(s.snap)::text::bigint, s.own::text::bigint - 1) AS g
       ) AS candidates
       WHERE pg_xact_status(candidates.xid) = 'committed'
     ) AS stale`,
  );
  return rows[0]?.stale !== false;
}
