// The change feed: every committed transaction that wrote models sends NOTIFY os_notify with its
// transaction id (generated triggers); we read what it changed from os_notify_log_t and tell the
// listeners. Works across processes because NOTIFY is delivered to every listening connection.
//
// Catching up (read-your-writes across processes): PostgreSQL delivers the notifications of all
// channels a connection listens to in commit order. A barrier is a NOTIFY of our own on a second
// channel, sent after the writes one wants to see committed: when it comes back, every change
// committed before it has come back too, and once the queue has delivered those, they are applied.
//
// Catching up after a lost LISTEN connection: transaction ids are handed out at a transaction's
// first write, not at its commit, so a transaction may commit after one with a higher id. The
// notifications lost while the connection was down are found again from a horizon: the xmin of a
// snapshot taken while the connection was known to be alive (a message arrived on it after the
// snapshot). Every transaction that committed after the loss has an id of at least that xmin, so
// the catch-up reads every logged transaction from there on and skips the ones already delivered.
//
// A transaction that wants its own writes seen (an action) sends its barrier with its COMMIT, in the
// same round trip (commitBarrier): no statement after the commit, and no wait for a later barrier.
import { randomUUID } from "node:crypto";
import type { SqlEngine } from "./engine/engine.js";
import type { ChangeEntry, ChangeListener, ChangeSet } from "./types.js";

interface LogRow {
  operation: string;
  fqid: string;
  updated_fields: string[] | null;
  /** xmin of the snapshot the row was read in. */
  horizon: string;
}

/** A transaction's own log rows, read in its COMMIT message (its snapshot's xmin is an older, so safe, horizon). */
interface OwnLogRow extends LogRow {
  xact_id: string | null;
}
const OWN_LOG_SQL =
  "SELECT pg_current_xact_id_if_assigned()::text AS xact_id, operation, fqid, updated_fields::text[] AS updated_fields, " +
  "pg_snapshot_xmin(pg_current_snapshot())::text AS horizon FROM os_notify_log_t WHERE xact_id = pg_current_xact_id_if_assigned() ORDER BY id";
/** Log rows of own commits whose notification has not been handled yet, at most. */
const MAX_PREFETCHED = 1_000;

const CHANGE_CHANNEL = "os_notify";
/** Our own channel: upstream's services listen to os_notify only and never see barriers. */
const BARRIER_CHANNEL = "openslides_ts_barrier";
/** Pauses between attempts to read a transaction's changes while the database is away. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** How long a notification waits for this process's COMMITs in flight before it reads the log itself. */
const IN_FLIGHT_WAIT_MS = 50;

/** Resolves when the promise does or after ms, whichever comes first. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** A barrier to send with a transaction's COMMIT (ChangeFeed.commitBarrier). */
export interface CommitBarrier {
  /** The statements to run right before COMMIT, in the same message; called when the COMMIT is sent. */
  sql(): string;
  /**
   * The COMMIT succeeded, with the rows of the last statement of sql() (the transaction's log):
   * ownCommitsDelivered waits for this barrier until it comes back.
   */
  committed(logRows: Record<string, unknown>[]): void;
  /** The transaction did not commit: the barrier was never sent. */
  abandoned(): void;
}

export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  /** Barriers sent and not yet come back, by token. */
  private readonly barriers = new Map<string, () => void>();
  /** Barriers of committed transactions of this process that have not come back yet. */
  private readonly committedBarriers = new Set<Promise<void>>();
  /** The barrier the next callers of caughtUp share, until it is sent. */
  private nextBarrier?: Promise<void>;
  private barrierInFlight?: Promise<void>;
  private closed = false;
  private stop?: () => Promise<void>;
  /** Notifications are handled one after the other, in arrival (= commit) order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly engine: SqlEngine,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** xmin of a snapshot taken before a message came on the listening connection (decimal string). */
  private horizon?: string;
  /** xmin of the newest snapshot that no message has followed yet: it becomes the horizon with the next message. */
  private pendingHorizon?: string;
  /** Transactions delivered at or above the horizon before last: a catch-up must not deliver them again. */
  private readonly delivered = new Set<string>();
  /** Log rows of this process's commits, by transaction id, until their notification comes. */
  private readonly prefetched = new Map<string, LogRow[]>();
  /** COMMIT messages of this process sent and not answered yet (their log rows may be on the way). */
  private readonly commitsInFlight = new Set<Promise<void>>();

  async start(): Promise<void> {
    // Taken before LISTEN, so before any loss of the listening connection.
    this.horizon = await this.sampleHorizon();
    this.stop = await this.engine.listen(
      [CHANGE_CHANNEL, BARRIER_CHANNEL],
      (channel, payload) => {
        this.messageArrived();
        if (channel === BARRIER_CHANNEL) return this.barrierReturned(payload);
        const xactId = parseXactId(payload);
        if (xactId !== undefined) this.enqueue(() => this.deliver(xactId));
      },
      () => this.enqueue(() => this.catchUp()),
    );
  }

  /**
   * Resolves once every change committed before the call has been delivered to the listeners;
   * rejects when the database cannot be reached.
   */
  caughtUp(): Promise<void> {
    // Callers share a barrier that is not sent yet: one round trip for a burst of requests (2,000
    // streams opening at once) instead of one each. A barrier already sent may have passed the
    // database before a caller's own change was committed, so later callers wait for the next one.
    this.nextBarrier ??= (async () => {
      await this.barrierInFlight;
      this.nextBarrier = undefined;
      const sent = this.barrier();
      this.barrierInFlight = sent.catch(() => undefined);
      return sent;
    })();
    return this.nextBarrier;
  }

  /**
   * A barrier for a transaction's COMMIT: when it comes back, the transaction's changes and those
   * of every transaction committed before it have been delivered.
   */
  commitBarrier(): CommitBarrier {
    const token = randomUUID();
    let returned: Promise<void> | undefined;
    let settle: (() => void) | undefined;
    const settled = () => {
      settle?.();
      settle = undefined;
    };
    return {
      // Registered only when the COMMIT goes out: a catch-up after a lost connection resolves the
      // barriers registered before it, which must not include one of a transaction still running.
      sql: () => {
        returned = new Promise<void>((resolve) => this.barriers.set(token, resolve));
        const inFlight = new Promise<void>((resolve) => (settle = resolve));
        this.commitsInFlight.add(inFlight);
        void inFlight.then(() => this.commitsInFlight.delete(inFlight));
        // The os_notify of the transaction comes from deferred triggers, which would run at
        // COMMIT, after this barrier: running them first keeps the barrier behind the
        // transaction's changes (their errors are COMMIT's errors, raised one statement earlier).
        // The channel is our constant and the token a UUID: nothing to escape.
        // The transaction's own log rows come back in the same message, so its notification
        // needs no read of them (prefetched).
        return `SET CONSTRAINTS ALL IMMEDIATE; SELECT pg_notify('${BARRIER_CHANNEL}', '${token}'); ${OWN_LOG_SQL}`;
      },
      committed: (logRows) => {
        this.prefetch(logRows as unknown as OwnLogRow[]);
        settled();
        const sent = returned;
        if (!sent) return;
        this.committedBarriers.add(sent);
        void sent.then(() => this.committedBarriers.delete(sent));
      },
      abandoned: () => {
        settled();
        this.barriers.get(token)?.();
        this.barriers.delete(token);
      },
    };
  }

  /** Keeps a committed transaction's log rows for its notification, unless that was handled already. */
  private prefetch(rows: OwnLogRow[]): void {
    const xactId = rows[0]?.xact_id;
    if (xactId === undefined || xactId === null || this.delivered.has(xactId)) return;
    // A notification handled before its COMMIT's answer arrived reads the rows itself and drops
    // the entry; the bound only guards against entries that would never be taken.
    if (this.prefetched.size >= MAX_PREFETCHED) this.prefetched.clear();
    this.prefetched.set(xactId, rows);
  }

  /**
   * Resolves once the changes of every transaction of this process that committed with a
   * commitBarrier before the call have been delivered to the listeners.
   */
  async ownCommitsDelivered(): Promise<void> {
    await Promise.all([...this.committedBarriers]);
  }

  private async barrier(): Promise<void> {
    const token = randomUUID();
    const returned = new Promise<void>((resolve) => this.barriers.set(token, resolve));
    try {
      await this.engine.query("SELECT pg_notify($1, $2)", [BARRIER_CHANNEL, token]);
    } catch (error) {
      this.barriers.delete(token);
      throw error;
    }
    await returned;
  }

  private async sampleHorizon(): Promise<string | undefined> {
    const { rows } = await this.engine.query<{ xmin: string }>("SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin");
    return rows[0]?.xmin;
  }

  /** The listening connection was alive after the pending snapshot was taken: it becomes the horizon. */
  private messageArrived(): void {
    if (this.pendingHorizon === undefined) return;
    // Pruned below the previous horizon, not the new one: a notification that was on its way while
    // a catch-up delivered the same transaction still finds it here.
    const previous = this.horizon;
    this.horizon = this.pendingHorizon;
    this.pendingHorizon = undefined;
    if (previous === undefined) return;
    const bound = BigInt(previous);
    for (const xactId of this.delivered) if (BigInt(xactId) < bound) this.delivered.delete(xactId);
  }

  private barrierReturned(token: string): void {
    const resolve = this.barriers.get(token);
    if (!resolve) return; // another process's barrier
    this.barriers.delete(token);
    // Behind every change that arrived before it.
    this.enqueue(async () => resolve());
  }

  /** Runs a read until it succeeds: a change must not be skipped because the database was away for a moment. */
  private async persistently<T>(read: () => Promise<T>): Promise<T | undefined> {
    for (let pauseMs = RETRY_FIRST_MS; ; pauseMs = Math.min(RETRY_MAX_MS, pauseMs * 2)) {
      try {
        return await read();
      } catch (error) {
        if (this.closed) return undefined;
        this.onError(error);
        await sleep(pauseMs);
      }
    }
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch(this.onError);
  }

  /** After a lost LISTEN connection: deliver every transaction logged since the horizon that was not delivered yet. */
  private async catchUp(): Promise<void> {
    // Barriers sent before this point wait for changes that the read below finds.
    const waiting = [...this.barriers.entries()];
    const since = this.horizon;
    if (since !== undefined) {
      const result = await this.persistently(() =>
        this.engine.query<{ xact_id: string }>("SELECT DISTINCT xact_id::text AS xact_id FROM os_notify_log_t WHERE xact_id >= $1::xid8", [since]),
      );
      const rows = result?.rows ?? [];
      for (const row of rows.sort((a, b) => (BigInt(a.xact_id) < BigInt(b.xact_id) ? -1 : 1))) await this.deliver(row.xact_id);
    }
    for (const [token, resolve] of waiting) {
      this.barriers.delete(token);
      resolve();
    }
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when every notification received so far has been delivered. */
  async idle(): Promise<void> {
    await this.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const resolve of this.barriers.values()) resolve();
    this.barriers.clear();
    await this.stop?.();
    await this.queue.catch(() => undefined);
  }

  private async deliver(xactId: string): Promise<void> {
    if (this.delivered.has(xactId)) return;
    // The notification may overtake the answer to its own COMMIT (another socket): a moment's
    // wait for the COMMITs in flight saves the read when it is one of ours. Bounded: a COMMIT
    // message can wait for a row lock (its deferred foreign-key checks), and the feed must not.
    if (!this.prefetched.has(xactId) && this.commitsInFlight.size > 0) await settledWithin(Promise.all([...this.commitsInFlight]), IN_FLIGHT_WAIT_MS);
    const rows = this.prefetched.get(xactId) ?? (await this.readLog(xactId));
    this.prefetched.delete(xactId);
    if (!rows) return;
    this.delivered.add(xactId);
    if (rows[0]) this.pendingHorizon = rows[0].horizon;
    const change: ChangeSet = { xactId, entries: rows.map(toEntry) };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        this.onError(error);
      }
    }
  }

  private async readLog(xactId: string): Promise<LogRow[] | undefined> {
    const result = await this.persistently(() =>
      this.engine.query<LogRow>(
        "SELECT operation, fqid, updated_fields::text[] AS updated_fields, pg_snapshot_xmin(pg_current_snapshot())::text AS horizon " +
          "FROM os_notify_log_t WHERE xact_id = $1::xid8 ORDER BY id",
        [xactId],
      ),
    );
    return result?.rows;
  }
}

// Transaction ids are 64-bit: keep the digits as text rather than going through a JS number.
function parseXactId(payload: string): string | undefined {
  return /"xactId"\s*:\s*"?(\d+)"?/.exec(payload)?.[1];
}

function toEntry(row: LogRow): ChangeEntry {
  const operation = row.operation === "insert" || row.operation === "delete" ? row.operation : "update";
  return { operation, fqid: row.fqid, fields: row.updated_fields ?? null };
}
