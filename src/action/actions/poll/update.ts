// poll.update: after the poll left "created" its method, amounts, global options, backend and live
// voting are locked; entitled groups only for created non-analog polls; totals and
// publish_immediately only for analog polls (missing totals "-2.000000"; totals on a created
// analog poll finish it). entitled_users_at_stop only internally, and only non-essential changes.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { collectionOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { updateSchema } from "../../validation/schemas.js";
import {
  checkAnonymousGroupNotIn,
  checkOnehundredPercentBase,
  checkPollPermission,
  checkVoteAmounts,
  NOT_ENTERED,
  pollHistory,
} from "../../shared/poll-rules.js";

const INTERNAL_FIELDS = ["entitled_users_at_stop"];
const LOCKED_AFTER_CREATED = [
  "pollmethod", "type", "min_votes_amount", "max_votes_amount", "max_votes_per_option", "global_yes", "global_no", "global_abstain", "backend",
  "live_voting_enabled",
];

function pythonSet(values: string[]): string {
  return `{${values.map((value) => `'${value}'`).join(", ")}}`;
}

function checkEntitledUsersAtStop(instance: Instance, poll: Instance): void {
  const field = "entitled_users_at_stop";
  if (!(field in instance)) return;
  if (!(field in poll) || poll[field] === null || poll[field] === undefined) throw new ActionError("Can not set 'entitled_users_at_stop' via poll.update");
  const given = instance[field];
  if (!Array.isArray(given) || given.some((entry) => entry === null || typeof entry !== "object" || Array.isArray(entry) || !entry.user_id)) {
    throw new ActionError("'entitled_users_at_stop' has the wrong format");
  }
  const original = new Map((poll[field] as Instance[]).map((entry) => [entry.user_id, entry]));
  const updated = new Map((given as Instance[]).map((entry) => [entry.user_id, entry]));
  const essential = "Can not change essential 'entitled_users_at_stop' data via poll.update";
  if (original.size !== updated.size || [...original.keys()].some((id) => !updated.has(id))) throw new ActionError(essential);
  for (const [userId, entry] of original) {
    for (const key of ["voted", "present", "user_id", "vote_delegated_to_user_id"]) {
      if (JSON.stringify(entry[key] ?? null) !== JSON.stringify(updated.get(userId)![key] ?? null)) throw new ActionError(essential);
    }
  }
}

async function preparePollUpdate(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const poll = await ctx.db.get(`poll/${instance.id}`, [
    "state", "type", "entitled_users_at_stop", "content_object_id", "pollmethod", "max_votes_amount", "global_yes", "option_ids", "meeting_id",
  ]);
  checkEntitledUsersAtStop(instance, poll);
  const stateChange =
    poll.type === "analog" && poll.state === "created" && ["votesvalid", "votesinvalid", "votescast"].some((field) => instance[field]);
  checkOnehundredPercentBase("pollmethod" in instance ? instance.pollmethod : poll.pollmethod, instance.onehundred_percent_base);

  const notAllowed: string[] = [];
  if (poll.state !== "created") notAllowed.push(...LOCKED_AFTER_CREATED.filter((key) => key in instance));
  if ((poll.state !== "created" || poll.type === "analog") && "entitled_group_ids" in instance) notAllowed.push("entitled_group_ids");
  if (poll.type !== "analog") notAllowed.push(...["votesvalid", "votesinvalid", "votescast", "publish_immediately"].filter((key) => key in instance));
  if (notAllowed.length > 0) throw new ActionError(`Following options are not allowed in this state and type: ${notAllowed.join(", ")}`);

  const optionIds = (poll.option_ids as number[] | undefined) ?? [];
  const globalYes = instance.global_yes || poll.global_yes;
  const pollmethod = instance.pollmethod || poll.pollmethod;
  const maxVotes = instance.max_votes_amount || poll.max_votes_amount;
  const firstContent = optionIds.length > 0 ? ((await ctx.db.get(`option/${optionIds[0]}`, ["content_object_id"])).content_object_id as string | undefined) : undefined;
  const isListPoll = firstContent ? collectionOf(firstContent) === "poll_candidate_list" : false;
  const contentCollection = collectionOf(String(poll.content_object_id ?? ""));
  // Upstream's operator precedence: the list / one-option conditions apply to any named poll.
  if (
    instance.live_voting_enabled &&
    !(
      poll.type === "named" &&
      (contentCollection === "motion" ||
        (contentCollection === "assignment" && !globalYes && pollmethod === "Y" && maxVotes === 1) ||
        isListPoll ||
        ((pollmethod === "YNA" || pollmethod === "YN") && optionIds.length === 1))
    )
  ) {
    throw new ActionError("live_voting_enabled only allowed for named motion polls and some named assignment polls.");
  }
  const base = instance.onehundred_percent_base;
  if (poll.type === "analog" && (base === "entitled" || base === "entitled_present")) {
    throw new ActionError(`onehundred_percent_base: value ${base} is not allowed for analog.`);
  }
  if (stateChange) instance.state = "finished";
  if (poll.type === "analog" && (instance.state === "finished" || poll.state === "finished") && instance.publish_immediately) instance.state = "published";
  if (poll.type === "analog") {
    for (const field of ["votescast", "votesvalid", "votesinvalid"]) if (!(field in instance)) instance[field] = NOT_ENTERED;
  }
  delete instance.publish_immediately;
  await checkAnonymousGroupNotIn(ctx, Number(poll.meeting_id), instance, ["entitled_group_ids"]);
  return instance;
}

export default defineAction({
  name: "poll.update",
  collection: "poll",
  kind: "update",
  schema: updateSchema("poll", {
    optional: [
      "pollmethod", "min_votes_amount", "max_votes_amount", "max_votes_per_option", "global_yes", "global_no", "global_abstain", "entitled_group_ids",
      "title", "description", "onehundred_percent_base", "votesvalid", "votesinvalid", "votescast", "backend", "live_voting_enabled", ...INTERNAL_FIELDS,
    ],
    additionalOptional: { publish_immediately: { type: "boolean" } },
  }),
  validate: checkVoteAmounts,
  checkPermissions: async (ctx, item) => {
    const forbidden = INTERNAL_FIELDS.filter((field) => field in item);
    if (forbidden.length > 0) throw new ActionError(`data must not contain ${pythonSet(forbidden)} properties`);
    await checkPollPermission(ctx, item);
  },
  updateInstance: preparePollUpdate,
  historyInformation: pollHistory("updated"),
});
