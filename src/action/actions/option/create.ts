// option.create (backend internal): exactly one of text / content_object_id /
// poll_candidate_user_ids; analog yes/no/abstain values become votes (one user token), candidate
// user ids become a poll_candidate_list that is the option's content object.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { createSchema, idListSchema } from "../../validation/schemas.js";
import { userToken } from "../../shared/poll-rules.js";
import voteCreate from "../vote/create.js";
import pollCandidateListCreate from "../poll_candidate_list/create.js";

export const OPTION_KEYS = ["text", "content_object_id", "poll_candidate_user_ids"] as const;

/** check_one_of_three_keywords. */
export function optionKeyword(option: Instance): (typeof OPTION_KEYS)[number] {
  const keys = OPTION_KEYS.filter((key) => key in option);
  if (keys.length !== 1) throw new ActionError("Need one of text, content_object_id or poll_candidate_user_ids.");
  return keys[0]!;
}

const candidates = new WeakMap<Instance, number[]>();

function checkKeyword(_ctx: ActionContext, instance: Instance): Instance {
  if (optionKeyword(instance) === "poll_candidate_user_ids") {
    candidates.set(instance, instance.poll_candidate_user_ids as number[]);
  }
  return instance;
}

async function createDependents(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const token = userToken();
  const votes = (
    [
      ["Y", "yes"],
      ["N", "no"],
      ["A", "abstain"],
    ] as const
  )
    .filter(([, field]) => instance[field])
    .map(([value, field]) => ({ value, weight: instance[field], option_id: instance.id, user_token: token }));
  if (votes.length > 0) await ctx.execute(voteCreate, votes);
  const userIds = candidates.get(instance) ?? (instance.poll_candidate_user_ids as number[] | undefined);
  if (userIds) {
    delete instance.poll_candidate_user_ids;
    const [result] = (await ctx.execute(pollCandidateListCreate, [
      { option_id: instance.id, meeting_id: instance.meeting_id, entries: userIds.map((user_id, index) => ({ user_id, weight: index + 1 })) },
    ])) ?? [];
    instance.content_object_id = `poll_candidate_list/${result?.id}`;
  }
  return instance;
}

export default defineAction({
  name: "option.create",
  collection: "option",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("option", {
    required: ["meeting_id"],
    optional: ["text", "poll_id", "used_as_global_option_in_poll_id", "content_object_id", "yes", "no", "abstain", "weight"],
    additionalOptional: { poll_candidate_user_ids: idListSchema },
  }),
  updateInstance: checkKeyword,
  afterCreate: [createDependents],
});
