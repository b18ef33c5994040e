// poll/live_votes, the calculated field with the votes of a running electronic poll (upstream:
// the vote service's /internal/vote/live_votes stream, merged into the autoupdate's data). The
// official client counts its keys for "votes received" and, with live voting, shows each vote.
//
// Value, per poll the vote store knows (from poll.start until the store forgets the poll at
// stop / publish / reset / delete): an object user id → vote. The vote is the ballot as the vote
// service stored it (a JSON text with request_user_id, vote_user_id, value and weight) when the
// poll is named and live_voting_enabled is true, else null. A poll the store does not know has no
// value (the key is absent). Who may read it is restriction mode C of poll.
//
// The ballots are in PostgreSQL, shared by all processes. Every process with a state keeps the
// value of each known poll and re-reads a poll's voters (and, for live voting, its ballots):
//  - when a ballot was cast on any process: the casting process announces the poll on the
//    message bus stream LIVE_VOTES_STREAM after the commit;
//  - when the poll's state, type or live_voting_enabled changed (the change feed; start, stop,
//    reset and delete write the vote store in the same transaction as the poll);
//  - completely at start and every few seconds, so that a lost announcement is repaired.
// Re-reads run one after the other and read committed data, so a later read never loses to an
// earlier one. Announcements that arrive during a read are coalesced into the next one.
import type { MessageBus, Subscription } from "../bus/bus.js";
import { FROM_NOW } from "../bus/bus.js";
import type { CalculatedField, LiveState, StateChange } from "../state/state.js";
import type { Queryable } from "./store.js";

/** Bus stream with one entry `{ poll_id }` per cast ballot. */
export const LIVE_VOTES_STREAM = "vote-live-votes";
const STREAM_MAX_LENGTH = 1000;

/** Wait after an announcement before reading, so that a burst of ballots is read once. */
const DEFAULT_DELAY_MS = 50;
/** Complete re-read (repairs announcements lost on the bus). */
const DEFAULT_RESYNC_MS = 5000;

export type LiveVotes = Record<string, string | null>;

/** Tells every process that a ballot for the poll was committed; failures are only logged. */
export async function announceBallot(bus: MessageBus, pollId: number, log?: (message: string, error?: unknown) => void): Promise<void> {
  try {
    await bus.publish(LIVE_VOTES_STREAM, { poll_id: String(pollId) }, { maxLength: STREAM_MAX_LENGTH });
  } catch (error) {
    log?.("announcing a ballot failed", error);
  }
}

/**
 * The live votes of the given polls (all that the store knows when `pollIds` is undefined).
 * `withBallots` tells for which polls the votes themselves are shown (named, live voting on).
 */
export async function readLiveVotes(db: Queryable, pollIds: number[] | undefined, withBallots: (pollId: number) => boolean): Promise<Map<number, LiveVotes>> {
  const filter = pollIds === undefined ? "" : " WHERE id = ANY($1::int[])";
  const params = pollIds === undefined ? [] : [pollIds];
  const polls = await db.query<{ id: number }>(`SELECT id FROM vote.poll${filter}`, params);
  const result = new Map<number, LiveVotes>();
  for (const row of polls) result.set(Number(row.id), {});
  if (result.size === 0) return result;
  const known = [...result.keys()];
  const voters = await db.query<{ poll_id: number; user_id: number }>(
    "SELECT poll_id, user_id FROM vote.voter WHERE poll_id = ANY($1::int[]) ORDER BY poll_id, user_id",
    [known],
  );
  for (const row of voters) result.get(Number(row.poll_id))![String(row.user_id)] = null;
  const live = known.filter(withBallots);
  if (live.length > 0) {
    const ballots = await db.query<{ poll_id: number; ballot: string }>("SELECT poll_id, ballot FROM vote.ballot WHERE poll_id = ANY($1::int[])", [live]);
    for (const row of ballots) {
      const votes = result.get(Number(row.poll_id))!;
      let voteUserId: unknown;
      try {
        voteUserId = (JSON.parse(row.ballot) as { vote_user_id?: unknown }).vote_user_id;
      } catch {
        continue;
      }
      const key = String(voteUserId);
      if (Number.isInteger(voteUserId) && key in votes) votes[key] = row.ballot;
    }
  }
  return result;
}

export interface LiveVotesOptions {
  db: Queryable;
  bus: MessageBus;
  state: LiveState;
  log: (message: string, error?: unknown) => void;
  delayMs?: number;
  resyncMs?: number;
}

const WATCHED_KEY = /^poll\/(\d+)\/(state|type|live_voting_enabled)$/;

/** Keeps poll/live_votes of one state up to date. */
export class LiveVotesProvider {
  private readonly field: CalculatedField;
  /** Polls with a value in the state. */
  private readonly known = new Set<number>();
  /** Polls to re-read; "all": everything. */
  private pending = new Set<number>();
  private pendingAll = false;
  private timer?: NodeJS.Timeout;
  private resyncTimer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private subscription?: Subscription;
  private unsubscribeState?: () => void;
  private closed = false;

  constructor(private readonly options: LiveVotesOptions) {
    this.field = options.state.registerCalculatedField("poll", "live_votes");
  }

  /** Listens to the bus and the state, then reads every poll of the store. */
  async start(): Promise<void> {
    this.subscription = this.options.bus.subscribe(
      LIVE_VOTES_STREAM,
      FROM_NOW,
      (entries) => {
        for (const entry of entries) {
          const pollId = Number(entry.fields.poll_id);
          if (Number.isInteger(pollId) && pollId > 0) this.schedule(pollId);
        }
      },
      { onError: (error) => this.options.log("reading the live votes stream failed", error) },
    );
    this.unsubscribeState = this.options.state.subscribe((change) => this.onStateChange(change));
    // Not waiting for the subscription: without the bus the values still come from the reads.
    this.scheduleAll();
    await this.settled();
    const resyncMs = this.options.resyncMs ?? DEFAULT_RESYNC_MS;
    if (resyncMs > 0) {
      this.resyncTimer = setInterval(() => this.scheduleAll(), resyncMs);
      this.resyncTimer.unref();
    }
  }

  /** Resolves when no re-read is scheduled or running. */
  async settled(): Promise<void> {
    while (this.running || this.timer) {
      if (this.running) await this.running;
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscription?.close();
    this.unsubscribeState?.();
    clearTimeout(this.timer);
    clearInterval(this.resyncTimer);
    this.timer = undefined;
    await this.running;
  }

  private onStateChange(change: StateChange): void {
    for (const key of change.keys) {
      const match = WATCHED_KEY.exec(key);
      if (match) this.schedule(Number(match[1]));
    }
  }

  private schedule(pollId: number): void {
    this.pending.add(pollId);
    this.arm();
  }

  private scheduleAll(): void {
    this.pendingAll = true;
    this.arm();
  }

  private arm(): void {
    if (this.closed || this.timer || this.running) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.run().finally(() => {
        this.running = undefined;
        if (this.pendingAll || this.pending.size > 0) this.arm();
      });
    }, this.options.delayMs ?? DEFAULT_DELAY_MS);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    const all = this.pendingAll;
    const pollIds = [...this.pending];
    this.pendingAll = false;
    this.pending = new Set();
    const { state } = this.options;
    const withBallots = (id: number) => state.getField("poll", id, "type") === "named" && state.getField("poll", id, "live_voting_enabled") === true;
    let values: Map<number, LiveVotes>;
    try {
      values = await readLiveVotes(this.options.db, all ? undefined : pollIds, withBallots);
    } catch (error) {
      if (this.closed) return;
      this.options.log("reading the live votes failed", error);
      // Try again with the next resync (or announcement).
      if (all) this.pendingAll = true;
      else for (const id of pollIds) this.pending.add(id);
      return;
    }
    if (this.closed) return;
    const gone = all ? [...this.known] : pollIds;
    for (const id of gone) {
      if (values.has(id)) continue;
      this.known.delete(id);
      this.field.set(id, undefined);
    }
    for (const [id, votes] of values) {
      this.known.add(id);
      this.field.set(id, votes);
    }
  }
}

/**
 * Starts the provider on the autoupdate's state once it is loaded; stops it at shutdown (before
 * the database closes).
 */
export function attachLiveVotes(
  app: { db: Queryable; buses: { messageBus: MessageBus }; log: { error(message: string, error?: unknown): void }; shutdownHooks: Array<() => void | Promise<void>> },
  service: { ready: Promise<void>; readonly state: LiveState },
  options: { delayMs?: number; resyncMs?: number } = {},
): void {
  let provider: LiveVotesProvider | undefined;
  const log = (message: string, error?: unknown) => app.log.error(`live votes: ${message}`, error);
  const started = service.ready.then(async () => {
    provider = new LiveVotesProvider({ db: app.db, bus: app.buses.messageBus, state: service.state, log, ...options });
    await provider.start();
  });
  started.catch((error) => log("could not start", error));
  // First of the hooks: stop reading before the state (and later the database) closes.
  app.shutdownHooks.unshift(async () => {
    await started.catch(() => undefined);
    await provider?.close();
  });
}
