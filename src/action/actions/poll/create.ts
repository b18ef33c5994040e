// poll.create: checks electronic voting, live voting, analog-only fields, the 100% base, the
// motion state's allow_create_poll; creates the options (weights 1..n, analog values as votes,
// candidate lists) and the global option; analog polls with results are finished (or published
// with publish_immediately); totals default to "-2.000000" (analog) / "0.000000".
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { collectionOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { createSchema, decimalSchema, idListSchema, optionalFqidSchema } from "../../validation/schemas.js";
import {
  checkAnonymousGroupNotIn,
  checkOnehundredPercentBase,
  checkPollPermission,
  checkVoteAmounts,
  NOT_ENTERED,
  pollHistory,
} from "../../shared/poll-rules.js";
import optionCreate, { optionKeyword } from "../option/create.js";

const optionsSchema = {
  description: "A option inside a poll create schema",
  type: "object",
  properties: {
    text: { type: "string", description: "the text of an option" },
    content_object_id: optionalFqidSchema,
    poll_candidate_user_ids: idListSchema,
    Y: decimalSchema,
    N: decimalSchema,
    A: decimalSchema,
  },
  additionalProperties: false,
};

const pending = new WeakMap<Instance, Instance[]>();

function hasResults(instance: Instance): boolean {
  if (instance.type !== "analog") return false;
  if (["votesvalid", "votesinvalid", "votescast"].some((field) => instance[field])) return true;
  return ((instance.options as Instance[] | undefined) ?? []).some((option) => option.Y || option.N || option.A);
}

async function preparePoll(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const contentObjectId = String(instance.content_object_id ?? "");
  const options = (instance.options as Instance[]) ?? [];
  const finished = hasResults(instance);
  const isMotionPoll = collectionOf(contentObjectId) === "motion";
  const isAssignmentPoll = collectionOf(contentObjectId) === "assignment";
  const isListPoll = "poll_candidate_user_ids" in (options[0] ?? {});
  const analog = instance.type === "analog";

  if (instance.type === "named" || instance.type === "pseudoanonymous") {
    const organization = await ctx.db.get("organization/1", ["enable_electronic_voting"]);
    if (!organization.enable_electronic_voting) throw new ActionError("Electronic voting is not allowed.");
  }
  if (instance.live_voting_enabled) {
    const assignmentAllowed =
      isAssignmentPoll &&
      ((!instance.global_yes && instance.pollmethod === "Y" && instance.max_votes_amount === 1) ||
        isListPoll ||
        ((instance.pollmethod === "YNA" || instance.pollmethod === "YN") && options.length === 1));
    if (!(instance.type === "named" && (isMotionPoll || assignmentAllowed))) {
      throw new ActionError("live_voting_enabled only allowed for named motion polls and some named assignment polls.");
    }
  }
  if (analog && "entitled_group_ids" in instance) throw new ActionError("entitled_group_ids is not allowed for analog.");
  const base = instance.onehundred_percent_base;
  if (analog && (base === "entitled" || base === "entitled_present")) throw new ActionError(`onehundred_percent_base: value ${base} is not allowed for analog.`);
  checkOnehundredPercentBase(instance.pollmethod, base);
  if (!analog && "publish_immediately" in instance) throw new ActionError("publish_immediately only allowed for analog polls.");
  if (isMotionPoll) {
    const motion = await ctx.db.get(contentObjectId, ["state_id"]);
    if (!motion.state_id) throw new ActionError("Motion doesn't have a state.");
    const state = await ctx.db.get(`motion_state/${motion.state_id}`, ["allow_create_poll"]);
    if (!state.allow_create_poll) throw new ActionError("Motion state doesn't allow to create poll.");
  }

  const optionData: Instance[] = [];
  const seen = new Set<string>();
  options.forEach((option, index) => {
    const key = optionKeyword(option);
    const data: Instance = { poll_id: instance.id, meeting_id: instance.meeting_id, weight: index + 1, [key]: option[key] };
    const identity = `${key},${pythonValue(option[key])}`;
    if (seen.has(identity)) throw new ActionError(`Duplicated option in poll.options: ${pythonValue(option[key])}`);
    seen.add(identity);
    if (analog) {
      if (instance.pollmethod === "N") data.no = option.N ?? NOT_ENTERED;
      else {
        data.yes = option.Y ?? NOT_ENTERED;
        if (instance.pollmethod === "YN" || instance.pollmethod === "YNA") data.no = option.N ?? NOT_ENTERED;
        if (instance.pollmethod === "YNA") data.abstain = option.A ?? NOT_ENTERED;
      }
    }
    optionData.push(data);
  });
  const globalData: Instance = { text: "global option", used_as_global_option_in_poll_id: instance.id, meeting_id: instance.meeting_id, weight: 1 };
  for (const field of ["yes", "no", "abstain"]) {
    if (analog && instance[`global_${field}`]) globalData[field] = instance[`amount_global_${field}`] ?? NOT_ENTERED;
    delete instance[`amount_global_${field}`];
  }
  optionData.push(globalData);
  pending.set(instance, optionData);

  instance.state = finished ? "finished" : "created";
  if (analog && finished && instance.publish_immediately) instance.state = "published";
  for (const field of ["votescast", "votesvalid", "votesinvalid"]) {
    instance[field] = analog ? (instance[field] ?? NOT_ENTERED) : (instance[field] ?? "0.000000");
  }
  instance.is_pseudoanonymized = instance.type === "pseudoanonymous";
  delete instance.options;
  delete instance.publish_immediately;
  await checkAnonymousGroupNotIn(ctx, Number(instance.meeting_id), instance, ["entitled_group_ids"]);
  return instance;
}

/** How Python prints the duplicated value (lists as [1, 2]). */
function pythonValue(value: unknown): string {
  return Array.isArray(value) ? `[${value.join(", ")}]` : String(value);
}

async function createOptions(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const data = pending.get(instance) ?? [];
  await ctx.execute(optionCreate, data);
  return instance;
}

export default defineAction({
  name: "poll.create",
  collection: "poll",
  kind: "create",
  schema: createSchema("poll", {
    required: ["title", "type", "pollmethod", "meeting_id"],
    optional: [
      "content_object_id", "description", "min_votes_amount", "max_votes_amount", "max_votes_per_option", "global_yes", "global_no",
      "global_abstain", "onehundred_percent_base", "votesvalid", "votesinvalid", "votescast", "entitled_group_ids", "backend", "live_voting_enabled",
    ],
    additionalRequired: { options: { type: "array", items: optionsSchema, minItems: 1 } },
    additionalOptional: {
      publish_immediately: { type: "boolean" },
      amount_global_yes: decimalSchema,
      amount_global_no: decimalSchema,
      amount_global_abstain: decimalSchema,
    },
  }),
  validate: checkVoteAmounts,
  checkPermissions: checkPollPermission,
  updateInstance: preparePoll,
  afterCreate: [createOptions],
  historyInformation: pollHistory("created"),
});
