// The vote component (spec icc-vote section 2, 4.3 main branch): ballots of electronic polls.
// Public routes: cast a ballot (/system/vote?id=P), which polls the caller (and the users who
// delegated to them) voted in, health. Our poll actions start, stop and clear polls through
// src/vote/store.ts inside their own transaction; upstream's /internal/vote/* routes are in
// internal-routes.ts (vote port only). Errors are `{"error", "message"}` plus a newline.
import type { AppContext } from "../app.js";
import { RequestAuthenticationError } from "../auth/authenticate-request.js";
import { HttpError, type HttpRequest, type HttpResponse, type Route } from "../http/types.js";
import { decodeBallotValue, validateBallot, type BallotPoll } from "./ballot.js";
import { storeBallot, votersOf } from "./store.js";
import { announceBallot } from "./live-votes.js";
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from "../http/json-depth.js";
import { SMALL_BODY_BYTES } from "../http/body-limits.js";

type VoteErrorType = "exist" | "not-exist" | "invalid" | "double-vote" | "not-allowed" | "stopped" | "internal" | "auth";

const BASE_TEXT: Record<VoteErrorType, string> = {
  exist: "Poll does already exist with differet config",
  "not-exist": "Poll does not exist",
  invalid: "The input data is invalid",
  "double-vote": "Not the first vote",
  "not-allowed": "You are not allowed to vote",
  stopped: "The vote is not open for votes",
  internal: "Ups, something went wrong!",
  auth: "Authentication failed",
};

export class VoteError extends Error {
  constructor(
    readonly type: VoteErrorType,
    /** undefined: the bare type (upstream puts the type's own JSON into `message`). */
    readonly text?: string,
    readonly status = type === "internal" ? 500 : 400,
  ) {
    super(text ?? BASE_TEXT[type]);
  }

  body(): string {
    const message = this.text ?? JSON.stringify({ error: this.type, message: BASE_TEXT[this.type] });
    return `${JSON.stringify({ error: this.type, message })}\n`;
  }
}

const fail = (type: VoteErrorType, text?: string, status?: number) => new VoteError(type, text, status);

/** The ballot's text; past SMALL_BODY_BYTES an `invalid` error with 413 (a ballot is a few KiB at most). */
async function ballotBody(req: HttpRequest): Promise<string> {
  try {
    return (await req.body(SMALL_BODY_BYTES)).toString("utf8");
  } catch (error) {
    if (error instanceof HttpError && error.status === 413) throw fail("invalid", `request body is larger than ${SMALL_BODY_BYTES} bytes`, 413);
    throw error;
  }
}

/** An integer as Go's strconv.Atoi reads it (here: within the safe integers), or undefined. */
function parseInteger(raw: string): number | undefined {
  if (!/^[-+]?\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Poll ids are int4 in the database: outside 1..2^31-1 no poll exists. */
export const isPossiblePollId = (id: number) => id >= 1 && id <= 2 ** 31 - 1;

export function pollIdOf(req: HttpRequest): number {
  const raw = req.query.get("id");
  if (raw === null) throw fail("invalid", "no id argument provided");
  const id = parseInteger(raw);
  if (id === undefined) throw fail("invalid", `id invalid. Expected int, got ${raw}`);
  return id;
}

function pollIdsOf(req: HttpRequest): number[] {
  const raw = req.query.get("ids") ?? "";
  return raw.split(",").map((part, index) => {
    const id = parseInteger(part);
    if (id === undefined) throw fail("invalid", `${index + 1}th id invalid. Expected int, got ${part}`);
    return id;
  });
}

async function requestUser(app: AppContext, req: HttpRequest, res: HttpResponse): Promise<number> {
  try {
    return (await app.auth.authenticator("go").authenticate(req, res)).userId;
  } catch (error) {
    if (error instanceof RequestAuthenticationError) throw fail("auth", error.message);
    throw error;
  }
}

/** The meeting_user of a user in a meeting, if any. */
async function meetingUserOf(app: AppContext, userId: number, meetingId: number) {
  const found = await app.db.filter(
    "meeting_user",
    { and_filter: [{ field: "user_id", operator: "=", value: userId }, { field: "meeting_id", operator: "=", value: meetingId }] },
    ["id", "group_ids", "vote_weight", "vote_delegated_to_id"],
  );
  return [...found.values()][0];
}

/** Steps 2-11 of spec 2.5: who may vote for whom, the ballot's value and weight, then the store. */
async function castBallot(app: AppContext, pollId: number, userId: number, rawBody: string): Promise<void> {
  if (!isPossiblePollId(pollId)) throw fail("not-exist", `Poll ${pollId} does not exist`);
  const poll = await app.db.get(`poll/${pollId}`, [
    "meeting_id", "type", "pollmethod", "global_yes", "global_no", "global_abstain", "option_ids",
    "min_votes_amount", "max_votes_amount", "max_votes_per_option", "entitled_group_ids",
  ]);
  if (!poll) throw fail("not-exist", `Poll ${pollId} does not exist`);
  const meetingId = Number(poll.meeting_id);
  const present = ((await app.db.get(`user/${userId}`, ["is_present_in_meeting_ids"]))?.is_present_in_meeting_ids as number[] | undefined) ?? [];
  if (!present.includes(meetingId)) throw fail("not-allowed", `You have to be present in meeting ${meetingId}`);

  let body: unknown;
  if (jsonNestsDeeperThan(rawBody)) throw fail("invalid", `decoding payload: nested deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    body = JSON.parse(rawBody);
  } catch (error) {
    throw fail("invalid", `decoding payload: ${(error as Error).message}`);
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw fail("invalid", "decoding payload: json: cannot unmarshal into Go value of type vote.ballot");
  const payload = body as { value?: unknown; user_id?: unknown };
  const value = decodeBallotValue(payload.value);
  if ("error" in value) throw fail("invalid", `decoding payload: ${value.error}`);
  let voteUserId = userId;
  if ("user_id" in payload) {
    if (payload.user_id !== null && !Number.isInteger(payload.user_id)) throw fail("invalid", "decoding payload: json: cannot unmarshal user_id into Go value of type int");
    voteUserId = payload.user_id === null ? 0 : Number(payload.user_id);
  }
  if (voteUserId === 0) throw fail("not-allowed", "Votes for anonymous user are not allowed");

  const voteMeetingUser = await meetingUserOf(app, voteUserId, meetingId);
  if (!voteMeetingUser) throw fail("not-allowed", "You are not in the right meeting");
  const entitled = new Set((poll.entitled_group_ids as number[] | undefined) ?? []);
  if (!((voteMeetingUser.group_ids as number[] | undefined) ?? []).some((id) => entitled.has(id))) {
    throw fail("not-allowed", `User ${voteUserId} is not allowed to vote. He is not in an entitled group`);
  }
  const meeting = (await app.db.get(`meeting/${meetingId}`, ["users_enable_vote_delegations", "users_forbid_delegator_to_vote", "users_enable_vote_weight"])) ?? {};
  const delegatedTo = voteMeetingUser.vote_delegated_to_id as number | undefined;
  if (meeting.users_enable_vote_delegations && meeting.users_forbid_delegator_to_vote && delegatedTo && voteUserId === userId) {
    throw fail("not-allowed", "You have delegated your vote and therefore can not vote for your self");
  }
  if (voteUserId !== userId) {
    if (!meeting.users_enable_vote_delegations) throw fail("not-allowed", `Vote delegation is not activated in meeting ${meetingId}`);
    const requestMeetingUser = await meetingUserOf(app, userId, meetingId);
    if (!requestMeetingUser) throw fail("not-allowed", "You are not in the right meeting");
    if (delegatedTo !== requestMeetingUser.id) throw fail("not-allowed", `You can not vote for user ${voteUserId}`);
  }

  const problem = validateBallot(poll as BallotPoll, value);
  if (problem) throw fail("invalid", problem);

  let weight = "1.000000";
  if (meeting.users_enable_vote_weight) {
    const own = voteMeetingUser.vote_weight as string | undefined;
    const fallback = (await app.db.get(`user/${voteUserId}`, ["default_vote_weight"]))?.default_vote_weight as string | undefined;
    if (own && Number(own) !== 0) weight = sixDecimals(own);
    else if (fallback && Number(fallback) !== 0) weight = sixDecimals(fallback);
  }
  const ballot =
    poll.type === "named"
      ? { request_user_id: userId, vote_user_id: voteUserId, value: payload.value, weight }
      : { value: payload.value, weight };
  // One INSERT on its own (store.ts): ballots of one poll never conflict with each other.
  const outcome = await storeBallot(app.db, pollId, voteUserId, JSON.stringify(ballot));
  if (outcome !== "ok") throw fail(outcome);
  // Committed: every process re-reads the poll's live votes (poll/live_votes).
  await announceBallot(app.buses.messageBus, pollId, (message, error) => app.log.error(`vote service: ${message}`, error));
}

/** A decimal string with exactly six places ("2.5" → "2.500000"). */
export function sixDecimals(value: string): string {
  const negative = value.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? value.slice(1) : value).split(".");
  return `${negative ? "-" : ""}${whole}.${(fraction + "000000").slice(0, 6)}`;
}

/** The request user and every user who delegated their vote to one of the request user's meeting users. */
async function candidateUsers(app: AppContext, userId: number): Promise<number[]> {
  const user = await app.db.get(`user/${userId}`, ["meeting_user_ids"]);
  const meetingUsers = await app.db.getMany("meeting_user", (user?.meeting_user_ids as number[] | undefined) ?? [], ["vote_delegations_from_ids"]);
  const fromIds = [...meetingUsers.values()].flatMap((mu) => (mu.vote_delegations_from_ids as number[] | undefined) ?? []);
  const delegators = await app.db.getMany("meeting_user", fromIds, ["user_id"]);
  return [userId, ...[...delegators.values()].map((mu) => Number(mu.user_id))];
}

function answer(app: AppContext, handler: (req: HttpRequest, res: HttpResponse) => Promise<void>): Route["handler"] {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.sent) return;
      // Internal causes are logged, never shown.
      const voteError = error instanceof VoteError ? error : fail("internal");
      if (!(error instanceof VoteError)) app.log.error("vote service", error);
      res.send(voteError.body(), "application/json", voteError.status);
    }
  };
}

export function voteRoutes(app: AppContext): Route[] {
  const vote = answer(app, async (req, res) => {
    const userId = await requestUser(app, req, res);
    if (userId === 0) throw fail("not-allowed", "Anonymous user can not vote", 401);
    const pollId = pollIdOf(req);
    await castBallot(app, pollId, userId, await ballotBody(req));
    res.send("", "application/json", 200);
  });

  const voted = answer(app, async (req, res) => {
    const userId = await requestUser(app, req, res);
    if (userId === 0) throw fail("not-allowed", "Anonymous user can not vote", 401);
    const pollIds = pollIdsOf(req);
    const found = await votersOf(app.db, pollIds.filter(isPossiblePollId), await candidateUsers(app, userId));
    res.send(JSON.stringify(Object.fromEntries(pollIds.map((id) => [String(id), found.get(id) ?? null]))), "application/json", 200);
  });

  const health: Route["handler"] = (_req, res) => res.send(JSON.stringify({ healthy: true, service: "vote" }), "application/json", 200);

  const route = (path: string, handler: Route["handler"]): Route => ({ method: "*", path, component: "vote", handler });
  return [
    route("/system/vote", vote),
    route("/system/vote/voted", voted),
    route("/system/vote/health", health),
  ];
}
