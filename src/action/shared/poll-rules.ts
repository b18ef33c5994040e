// Rules shared by the poll and option actions (upstream poll/mixins.py, poll/base.py,
// poll/functions.py): the permission by content object, the vote-amount and 100%-base checks,
// the history on the content object, the coupled poll countdown, the anonymous group, and the
// stop: ballots from the vote store become votes, option sums and poll totals.
import { randomBytes } from "node:crypto";
import { controlCountdown } from "./countdown-control.js";
import voteCreate from "../actions/vote/create.js";
import optionSetAutoFields from "../actions/option/set_auto_fields.js";
import { ActionError, BadRequestError } from "../errors.js";
import { collectionOf } from "../framework/fqid.js";
import { hasPerm, missingPermission } from "../framework/permissions.js";
import type { ActionContext, HistoryInformation, Instance } from "../framework/types.js";
import { stopPoll } from "../../vote/store.js";

export const NOT_ENTERED = "-2.000000";

/** check_poll_or_option_perms: motion → motion.can_manage_polls, assignment → assignment.can_manage_polls, topic → poll.can_manage. */
export async function checkPollOrOptionPermission(ctx: ActionContext, contentObjectId: string, meetingId: number): Promise<void> {
  const collection = collectionOf(contentObjectId);
  const permission =
    collection === "motion" ? "motion.can_manage_polls" : collection === "assignment" ? "assignment.can_manage_polls" : collection === "topic" ? "poll.can_manage" : undefined;
  if (!permission) throw new ActionError(`'${collection}' is not a valid poll collection.`);
  if (!(await hasPerm(ctx.db, ctx.userId, permission, meetingId))) throw missingPermission(permission);
}

/** PollPermissionMixin: from the payload (create) or the stored poll. */
export async function checkPollPermission(ctx: ActionContext, item: Instance): Promise<void> {
  let contentObjectId: string;
  let meetingId: number;
  if ("meeting_id" in item) {
    contentObjectId = String(item.content_object_id ?? "");
    meetingId = Number(item.meeting_id);
  } else {
    const poll = await ctx.db.get(`poll/${item.id}`, ["content_object_id", "meeting_id"]);
    contentObjectId = String(poll.content_object_id ?? "");
    meetingId = Number(poll.meeting_id);
  }
  if (!contentObjectId) throw new ActionError("No 'content_object_id' was given");
  await checkPollOrOptionPermission(ctx, contentObjectId, meetingId);
}

/** PollValidationMixin: min ≤ max votes, max per option ≤ max votes (defaults 1, else the stored poll). */
export async function checkVoteAmounts(ctx: ActionContext, instance: Instance): Promise<void> {
  const poll: Instance =
    ctx.action.kind === "create"
      ? { max_votes_amount: 1, min_votes_amount: 1, max_votes_per_option: 1 }
      : await ctx.db.get(`poll/${instance.id}`, ["max_votes_amount", "min_votes_amount", "max_votes_per_option"]);
  const pick = (field: string) => Number(instance[field] ?? poll[field] ?? 0);
  const max = pick("max_votes_amount");
  const min = pick("min_votes_amount");
  const perOption = pick("max_votes_per_option");
  if (max < perOption) throw new ActionError("The maximum votes per option cannot be higher than the maximum amount of votes in total.");
  if (max < min) throw new ActionError("The minimum amount of votes cannot be higher than the maximum amount of votes.");
}

/** base_check_onehundred_percent_base. */
export function checkOnehundredPercentBase(pollmethod: unknown, base: unknown): void {
  const refused =
    (pollmethod === "Y" && ["N", "YN", "YNA"].includes(base as string)) ||
    (pollmethod === "N" && ["Y", "YN", "YNA"].includes(base as string)) ||
    (pollmethod === "YN" && base === "YNA");
  if (refused) throw new ActionError("This onehundred_percent_base not allowed in this pollmethod.");
}

/** ForbidAnonymousGroupMixin.check_anonymous_not_in_list_fields. */
export async function checkAnonymousGroupNotIn(ctx: ActionContext, meetingId: number, instance: Instance, fields: string[]): Promise<void> {
  const anonymousGroupId = (await ctx.db.get(`meeting/${meetingId}`, ["anonymous_group_id"])).anonymous_group_id;
  if (!anonymousGroupId) return;
  for (const field of fields) {
    if (((instance[field] as number[] | undefined) ?? []).includes(anonymousGroupId as number)) {
      throw new ActionError(`Anonymous group is not allowed in ${field}.`);
    }
  }
}

export function historyTitle(contentObjectId: string): string {
  return collectionOf(contentObjectId) === "assignment" ? "Ballot" : "Voting";
}

/** PollHistoryMixin: "<Voting|Ballot> <text>" on each poll's content object; a text function gets the poll as stored before the request. */
export function pollHistory(text: string | ((poll: Instance) => string)) {
  return async (ctx: ActionContext): Promise<HistoryInformation> => {
    const information: HistoryInformation = {};
    for (const instance of ctx.instances) {
      const stored = await ctx.db.get(`poll/${instance.id}`, ["content_object_id", "state"], { useChanges: false, optional: true });
      const contentObjectId = (instance.content_object_id ?? stored?.content_object_id) as string | undefined;
      if (!contentObjectId) continue;
      const entry = `${historyTitle(contentObjectId)} ${typeof text === "string" ? text : text(stored ?? {})}`;
      information[contentObjectId] = [...(information[contentObjectId] ?? []), entry];
    }
    return information;
  };
}

/** The meeting's poll countdown, when coupled: restart at start, reset at stop. */
export async function controlPollCountdown(ctx: ActionContext, meetingId: number, command: "restart" | "reset"): Promise<void> {
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["poll_couple_countdown", "poll_countdown_id"]);
  if (!meeting.poll_couple_countdown || !meeting.poll_countdown_id) return;
  await controlCountdown(ctx, Number(meeting.poll_countdown_id), command);
}

/** get_user_token: 16 random letters and digits. */
export function userToken(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

// Decimals with six places as integers of millionths.
const SCALE = 1_000_000n;
export function toMicro(value: unknown): bigint {
  const text = String(value ?? "0");
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const micro = BigInt(whole || "0") * SCALE + BigInt((fraction + "000000").slice(0, 6));
  return negative ? -micro : micro;
}
export function fromMicro(micro: bigint): string {
  const negative = micro < 0n;
  const abs = negative ? -micro : micro;
  return `${negative ? "-" : ""}${abs / SCALE}.${String(abs % SCALE).padStart(6, "0")}`;
}

/** The vote service's answer to a failed call, as upstream's adapter reports it. */
function voteServiceError(status: number, body: Record<string, unknown>): BadRequestError {
  const content = `${JSON.stringify(body)}\n`.replaceAll("\\", "\\\\").replaceAll("'", "\\'").replaceAll("\n", "\\n");
  return new BadRequestError(`Vote service sends HTTP ${status} with the following content: b'${content}'.`);
}

/**
 * StopControl.on_stop: resets the coupled countdown, takes the ballots from the vote store, creates
 * the votes, sets the option sums and the poll's totals, voted_ids and entitled_users_at_stop.
 */
export async function stopAndCount(ctx: ActionContext, instance: Instance): Promise<void> {
  const pollId = Number(instance.id);
  const poll = await ctx.db.get(`poll/${pollId}`, ["state", "meeting_id", "pollmethod", "global_option_id", "entitled_group_ids"]);
  const meetingId = Number(poll.meeting_id);
  await controlPollCountdown(ctx, meetingId, "reset");
  const results = await stopPoll(ctx.request.tx, pollId);
  if (!results) throw voteServiceError(400, { error: "not-exist", message: `Poll ${pollId} does not exist in the backend` });

  const votes: Instance[] = [];
  let votesValid = 0n;
  const sums = new Map<number, Record<string, bigint>>();
  const add = (optionId: number, letter: string, weight: bigint) => {
    const sum = sums.get(optionId) ?? { Y: 0n, N: 0n, A: 0n };
    sum[letter] = (sum[letter] ?? 0n) + weight;
    sums.set(optionId, sum);
  };
  for (const ballot of results.votes) {
    const weight = toMicro(ballot.weight);
    votesValid += weight;
    const template: Instance = { user_token: userToken() };
    if ("vote_user_id" in ballot) template.user_id = ballot.vote_user_id;
    if ("request_user_id" in ballot) template.delegated_user_id = ballot.request_user_id;
    const value = ballot.value;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [optionKey, entry] of Object.entries(value as Record<string, unknown>)) {
        const optionId = Number(optionKey);
        let letter = String(entry);
        let weighted = weight;
        if (poll.pollmethod === "Y" || poll.pollmethod === "N") {
          if (entry === 0) continue;
          letter = String(poll.pollmethod);
          weighted = weight * BigInt(Number(entry));
        }
        add(optionId, letter, weighted);
        votes.push({ value: letter, option_id: optionId, weight: fromMicro(weighted), ...template });
      }
    } else if (typeof value === "string") {
      const optionId = Number(poll.global_option_id);
      add(optionId, value, weight);
      votes.push({ value, option_id: optionId, weight: fromMicro(weight), ...template });
    } else {
      throw new BadRequestError("Invalid response from vote service");
    }
  }
  if (votes.length > 0) await ctx.execute(voteCreate, votes);
  const sumData = [...sums].map(([id, sum]) => ({ id, yes: fromMicro(sum.Y ?? 0n), no: fromMicro(sum.N ?? 0n), abstain: fromMicro(sum.A ?? 0n) }));
  if (sumData.length > 0) await ctx.execute(optionSetAutoFields, sumData);

  instance.voted_ids = results.user_ids;
  instance.votesvalid = fromMicro(votesValid);
  instance.votescast = fromMicro(BigInt(results.user_ids.length) * SCALE);
  instance.votesinvalid = "0.000000";
  instance.entitled_users_at_stop = await entitledUsers(ctx, meetingId, (poll.entitled_group_ids as number[] | undefined) ?? [], results.user_ids);
}

async function entitledUsers(ctx: ActionContext, meetingId: number, groupIds: number[], votedIds: number[]): Promise<Instance[]> {
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["users_enable_vote_delegations"]);
  const groups = await ctx.db.getMany("group", groupIds, ["meeting_user_ids"]);
  const meetingUserIds = new Set<number>();
  for (const group of groups.values()) for (const id of (group.meeting_user_ids as number[] | undefined) ?? []) meetingUserIds.add(id);
  const meetingUsers = await ctx.db.getMany("meeting_user", [...meetingUserIds], ["user_id", "vote_delegated_to_id"]);
  const delegations = meeting.users_enable_vote_delegations
    ? await ctx.db.getMany(
        "meeting_user",
        [...new Set([...meetingUsers.values()].map((mu) => mu.vote_delegated_to_id as number | undefined).filter((id): id is number => !!id))],
        ["user_id"],
      )
    : new Map<number, Instance>();
  const users = await ctx.db.getMany("user", [...meetingUsers.values()].map((mu) => Number(mu.user_id)), ["is_present_in_meeting_ids"]);
  const voted = new Set(votedIds);
  // By meeting user id: the order upstream's unordered read gives on a freshly written table.
  return [...meetingUserIds]
    .filter((id) => meetingUsers.has(id))
    .sort((a, b) => a - b)
    .map((id) => {
      const mu = meetingUsers.get(id)!;
      const userId = Number(mu.user_id);
      const delegatedTo = mu.vote_delegated_to_id as number | undefined;
      return {
        voted: voted.has(userId),
        present: ((users.get(userId)?.is_present_in_meeting_ids as number[] | undefined) ?? []).includes(meetingId),
        user_id: userId,
        vote_delegated_to_user_id: delegatedTo && meeting.users_enable_vote_delegations ? (delegations.get(delegatedTo)?.user_id ?? null) : null,
      };
    });
}
