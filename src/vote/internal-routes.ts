// Upstream's internal protocol of the vote service (spec icc-vote 2.1, 2.4, 2.8), served on the
// vote port only, for upstream services running beside ours: the backend's start / stop / clear /
// clear_all and the live_votes stream that upstream's autoupdate and projector open. Our own
// poll actions call the store (store.ts) inside their transactions instead. As upstream, these
// routes have no authentication (network isolation) and answer errors with their real text.
import type { AppContext } from "../app.js";
import type { HttpRequest, HttpResponse, Route } from "../http/types.js";
import { openJsonLineStream } from "../http/stream.js";
import { clearAllPolls, clearPoll, startPoll, stopPoll } from "./store.js";
import { readLiveVotes, type LiveVotes } from "./live-votes.js";
import { isPossiblePollId, pollIdOf, VoteError } from "./routes.js";

/** Upstream checks for new live votes every second. */
const LIVE_VOTES_INTERVAL_MS = 1000;

const JSON_TYPE = "application/json";

async function pollOf(app: AppContext, pollId: number) {
  const poll = isPossiblePollId(pollId) ? await app.db.get(`poll/${pollId}`, ["type"]) : undefined;
  if (!poll) throw new VoteError("not-exist", `Poll ${pollId} does not exist`);
  return poll;
}

function internal(app: AppContext, handler: (req: HttpRequest, res: HttpResponse) => Promise<void>): Route["handler"] {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.sent) return;
      app.log.error("vote service (internal)", error);
      const voteError = error instanceof VoteError ? error : new VoteError("internal", (error as Error).message ?? String(error));
      res.send(voteError.body(), JSON_TYPE, voteError.status);
    }
  };
}

/** Poll id → user id → vote, for every poll the store knows (votes only for named polls with live voting). */
async function currentLiveVotes(app: AppContext): Promise<Map<number, LiveVotes>> {
  const pollIds = (await app.db.query<{ id: number }>("SELECT id FROM vote.poll")).map((row) => Number(row.id));
  if (pollIds.length === 0) return new Map();
  const polls = await app.db.getMany("poll", pollIds, ["type", "live_voting_enabled"]);
  const withBallots = (id: number) => polls.get(id)?.type === "named" && polls.get(id)?.live_voting_enabled === true;
  return readLiveVotes(app.db, pollIds, withBallots);
}

/**
 * What changed since `sent` (which is updated): new polls in full, new voters of known polls,
 * null for polls that are gone. Like upstream, voters are only ever added.
 */
export function liveVotesDiff(sent: Map<number, LiveVotes>, current: Map<number, LiveVotes>): Record<string, LiveVotes | null> {
  const diff: Record<string, LiveVotes | null> = {};
  for (const [pollId, votes] of current) {
    const known = sent.get(pollId);
    if (!known) {
      sent.set(pollId, { ...votes });
      diff[pollId] = votes;
      continue;
    }
    for (const [userId, vote] of Object.entries(votes)) {
      if (userId in known) continue;
      known[userId] = vote;
      (diff[pollId] ??= {})![userId] = vote;
    }
  }
  for (const pollId of [...sent.keys()]) {
    if (current.has(pollId)) continue;
    sent.delete(pollId);
    diff[pollId] = null;
  }
  return diff;
}

/** The live_votes stream: all live votes at once, then every second what changed (never closed by us unless a read fails). */
async function streamLiveVotes(app: AppContext, req: HttpRequest, res: HttpResponse): Promise<void> {
  // Read before opening the stream: a failing first read answers an error instead of a stream.
  const sent = new Map<number, LiveVotes>();
  const first = liveVotesDiff(sent, await currentLiveVotes(app));
  const stream = openJsonLineStream(req, res, { headers: { "Content-Type": JSON_TYPE } });
  stream.send(first);
  let timer: NodeJS.Timeout | undefined;
  const next = async () => {
    try {
      const diff = liveVotesDiff(sent, await currentLiveVotes(app));
      if (Object.keys(diff).length > 0) stream.send(diff);
    } catch (error) {
      // The client reconnects and starts again from a full first line.
      app.log.error("vote service: reading live votes failed", error);
      stream.close();
      return;
    }
    if (!stream.isClosed) timer = setTimeout(() => void next(), LIVE_VOTES_INTERVAL_MS);
  };
  stream.onClose(() => clearTimeout(timer));
  timer = setTimeout(() => void next(), LIVE_VOTES_INTERVAL_MS);
}

export function internalVoteRoutes(app: AppContext): Route[] {
  const start = internal(app, async (req, res) => {
    const pollId = pollIdOf(req);
    const poll = await pollOf(app, pollId);
    if (poll.type === "analog") throw new VoteError("invalid", "Analog poll can not be started");
    await startPoll(app.db, pollId);
    res.send("", JSON_TYPE, 200);
  });

  const stop = internal(app, async (req, res) => {
    const pollId = pollIdOf(req);
    await pollOf(app, pollId);
    const result = await app.db.transaction((tx) => stopPoll(tx, pollId));
    if (!result) throw new VoteError("not-exist", `Poll ${pollId} does not exist in the backend`);
    res.send(`${JSON.stringify({ votes: result.votes, user_ids: result.user_ids })}\n`, JSON_TYPE, 200);
  });

  const clear = internal(app, async (req, res) => {
    const pollId = pollIdOf(req);
    if (isPossiblePollId(pollId)) await clearPoll(app.db, pollId);
    res.send("", JSON_TYPE, 200);
  });

  const clearAll = internal(app, async (_req, res) => {
    await clearAllPolls(app.db);
    res.send("", JSON_TYPE, 200);
  });

  const route = (path: string, handler: Route["handler"]): Route => ({ method: "*", path: `/internal/vote/${path}`, component: "vote", handler, portOnly: true });
  return [
    route("start", start),
    route("stop", stop),
    route("clear", clear),
    route("clear_all", clearAll),
    route("live_votes", internal(app, (req, res) => streamLiveVotes(app, req, res))),
  ];
}
