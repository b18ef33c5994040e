// The ballot store of the vote service (spec icc-vote 2.4): polls open for votes and their
// ballots, kept in PostgreSQL (schema `vote`, outside the models schema) so that several
// processes share them. Voters and ballots are separate tables and ballots carry a random key,
// so neither the order of voting nor (for non-named polls) who cast which ballot can be read back.
//
// Concurrency (issue 14, "Meeting day"): a ballot is one INSERT statement outside any
// transaction, so ballots of one poll never conflict with each other. It takes a shared lock on
// the poll row (FOR SHARE NOWAIT) and the poll's shared advisory lock (BALLOT_LOCK_KIND, without
// waiting) and only inserts while the poll is open and both are free of a stop; the unique key
// (poll_id, user_id) of vote.voter rejects a second ballot of the same user. Stopping takes the
// advisory lock exclusively (before its snapshot when ballots committed after it, so that the
// poll.stop action's clear, which deletes the ballots, never meets ballots its snapshot cannot
// see) and updates the poll row: that waits for the ballots in flight, and ballots arriving
// meanwhile are refused without waiting (never queue behind the stop). The set of ballots is
// then final; the stop reads it outside its snapshot all the same.

import { numberingLockKeys } from "../db/numbering-lock.js";

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** A transaction that can also read what was committed after its snapshot. */
export interface StoreTransaction extends Queryable {
  queryCommitted<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  lockNumbering(kind: string, key: number): Promise<unknown>;
}

/**
 * The advisory lock of a poll's ballots: each ballot holds it shared (try, never waits), a stop
 * exclusively; the transaction layer takes it before the stop's snapshot when ballots committed
 * after that snapshot (numbering-lock.ts), so that the stop's snapshot holds every ballot and its
 * clear (which deletes them) does not fail on ballots it cannot see.
 */
const BALLOT_LOCK_KIND = "vote.ballots";

export interface StopResult {
  votes: Array<Record<string, unknown>>;
  user_ids: number[];
}

export type StoreVoteOutcome = "ok" | "not-exist" | "stopped" | "double-vote";

/** Opens the poll for votes; idempotent, and a stopped poll stays stopped. */
export async function startPoll(db: Queryable, pollId: number): Promise<void> {
  await db.query("INSERT INTO vote.poll (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", [pollId]);
}

/**
 * Closes the poll and returns its ballots and the sorted voter ids; undefined when the store does
 * not know the poll. Idempotent until the poll is cleared. Ballots that name their voter (named
 * polls) come in the order of the voters' ids, so the vote ids poll.stop creates are repeatable
 * (upstream's follow the voting order, which is the same in its tests); anonymous ballots come in
 * random order.
 */
export async function stopPoll(tx: StoreTransaction, pollId: number): Promise<StopResult | undefined> {
  await tx.lockNumbering(BALLOT_LOCK_KIND, pollId);
  const updated = await tx.query("UPDATE vote.poll SET stopped = true WHERE id = $1 RETURNING id", [pollId]);
  if (updated.length === 0) return undefined;
  const ballots = await tx.queryCommitted<{ ballot: string }>("SELECT ballot FROM vote.ballot WHERE poll_id = $1 ORDER BY key", [pollId]);
  const voters = await tx.queryCommitted<{ user_id: number }>("SELECT user_id FROM vote.voter WHERE poll_id = $1 ORDER BY user_id", [pollId]);
  const votes = ballots.map((row) => JSON.parse(row.ballot) as Record<string, unknown>);
  return { votes: inVoterOrder(votes), user_ids: voters.map((row) => Number(row.user_id)) };
}

/** Named ballots by voter id (each voter has one), anonymous ones after them as they are. */
function inVoterOrder(votes: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const voterOf = (ballot: Record<string, unknown>) => (typeof ballot.vote_user_id === "number" ? ballot.vote_user_id : Infinity);
  return [...votes].sort((a, b) => {
    const [left, right] = [voterOf(a), voterOf(b)];
    return left === right ? 0 : left < right ? -1 : 1;
  });
}

/** Forgets the poll and its ballots; unknown polls are fine. */
export async function clearPoll(db: Queryable, pollId: number): Promise<void> {
  await db.query("DELETE FROM vote.poll WHERE id = $1", [pollId]);
}

export async function clearAllPolls(db: Queryable): Promise<void> {
  await db.query("DELETE FROM vote.poll");
}

const INSERT_BALLOT = `
  WITH open_poll AS (
    SELECT id FROM vote.poll WHERE id = $1 AND NOT stopped AND pg_try_advisory_xact_lock_shared($4::int4, $5::int4) FOR SHARE NOWAIT
  ), voter AS (
    INSERT INTO vote.voter (poll_id, user_id) SELECT id, $2 FROM open_poll RETURNING poll_id
  )
  INSERT INTO vote.ballot (key, poll_id, ballot) SELECT gen_random_uuid()::text, poll_id, $3 FROM voter
  RETURNING poll_id`;

/** SQLSTATEs of a ballot's INSERT and what they mean for the voter. */
const OUTCOME_OF_SQLSTATE: Record<string, StoreVoteOutcome> = {
  // unique (poll_id, user_id): this user voted already
  "23505": "double-vote",
  // FOR SHARE NOWAIT: a stop (or clear) holds the poll row
  "55P03": "stopped",
  // the poll row was deleted (cleared) while the ballot was inserted
  "23503": "not-exist",
};

/**
 * Stores one ballot of the vote user, if the poll is open and the user has not voted yet. `db`
 * must run the statement on its own (outside a transaction), so that the insert takes no
 * snapshot-wide conflicts with other ballots.
 */
export async function storeBallot(db: Queryable, pollId: number, voteUserId: number, ballot: string): Promise<StoreVoteOutcome> {
  let inserted: unknown[];
  try {
    inserted = await db.query(INSERT_BALLOT, [pollId, voteUserId, ballot, ...numberingLockKeys(BALLOT_LOCK_KIND, pollId)]);
  } catch (error) {
    const outcome = OUTCOME_OF_SQLSTATE[(error as { sqlState?: string }).sqlState ?? ""];
    if (outcome) return outcome;
    throw error;
  }
  if (inserted.length > 0) return "ok";
  const [poll] = await db.query<{ stopped: boolean }>("SELECT stopped FROM vote.poll WHERE id = $1", [pollId]);
  return poll ? "stopped" : "not-exist";
}

/** Poll id → the given users that voted in it. */
export async function votersOf(db: Queryable, pollIds: number[], userIds: number[]): Promise<Map<number, number[]>> {
  const rows = await db.query<{ poll_id: number; user_id: number }>(
    "SELECT poll_id, user_id FROM vote.voter WHERE poll_id = ANY($1::int[]) AND user_id = ANY($2::int[])",
    [pollIds, userIds],
  );
  const result = new Map<number, number[]>();
  for (const row of rows) {
    const list = result.get(Number(row.poll_id)) ?? [];
    list.push(Number(row.user_id));
    result.set(Number(row.poll_id), list);
  }
  return result;
}
