// The ballot store of the vote service (spec icc-vote 2.4): polls open for votes and their
// ballots, kept in PostgreSQL (schema `vote`, outside the models schema) so that several
// processes share them. Every function takes something with `query` (the database, or the
// transaction of an action: then start / stop / clear commit or roll back with the action).
//
// Concurrency: casting a ballot and stopping both *update* the poll row, so in REPEATABLE READ one
// of two overlapping transactions fails with a serialization error and is retried (no ballot can
// slip in after a stop has read the ballots). Voters and ballots are separate tables and ballots
// carry a random key, so neither the order of voting nor (for non-named polls) who cast which
// ballot can be read back.


export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface StopResult {
  votes: Array<Record<string, unknown>>;
  user_ids: number[];
}

export type StoreVoteOutcome = "ok" | "not-exist" | "stopped" | "double-vote";

/** Opens the poll for votes; idempotent, and a stopped poll stays stopped. */
export async function startPoll(db: Queryable, pollId: number): Promise<void> {
  await db.query("INSERT INTO vote.poll (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", [pollId]);
}

/** Closes the poll and returns its ballots (in random order) and the sorted voter ids; undefined when the store does not know the poll. */
export async function stopPoll(db: Queryable, pollId: number): Promise<StopResult | undefined> {
  const updated = await db.query("UPDATE vote.poll SET stopped = true WHERE id = $1 RETURNING id", [pollId]);
  if (updated.length === 0) return undefined;
  const ballots = await db.query<{ ballot: string }>("SELECT ballot FROM vote.ballot WHERE poll_id = $1 ORDER BY key", [pollId]);
  const voters = await db.query<{ user_id: number }>("SELECT user_id FROM vote.voter WHERE poll_id = $1 ORDER BY user_id", [pollId]);
  return { votes: ballots.map((row) => JSON.parse(row.ballot) as Record<string, unknown>), user_ids: voters.map((row) => Number(row.user_id)) };
}

/** Forgets the poll and its ballots; unknown polls are fine. */
export async function clearPoll(db: Queryable, pollId: number): Promise<void> {
  await db.query("DELETE FROM vote.poll WHERE id = $1", [pollId]);
}

export async function clearAllPolls(db: Queryable): Promise<void> {
  await db.query("DELETE FROM vote.poll");
}

/** Stores one ballot of the vote user, if the poll is open and the user has not voted yet. */
export async function storeBallot(db: Queryable, pollId: number, voteUserId: number, ballot: string): Promise<StoreVoteOutcome> {
  const [poll] = await db.query<{ stopped: boolean }>("SELECT stopped FROM vote.poll WHERE id = $1", [pollId]);
  if (!poll) return "not-exist";
  if (poll.stopped) return "stopped";
  // A real update of the poll row: conflicts with a concurrent stop (and a concurrent ballot).
  const open = await db.query("UPDATE vote.poll SET ballot_count = ballot_count + 1 WHERE id = $1 AND NOT stopped RETURNING id", [pollId]);
  if (open.length === 0) return "stopped";
  const inserted = await db.query("INSERT INTO vote.voter (poll_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id", [pollId, voteUserId]);
  if (inserted.length === 0) return "double-vote";
  await db.query("INSERT INTO vote.ballot (key, poll_id, ballot) VALUES (md5(random()::text || clock_timestamp()::text), $1, $2)", [pollId, ballot]);
  return "ok";
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
