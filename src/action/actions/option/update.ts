// option.update: analog results of one option (Y / N / A per the poll method, "-2.000000" when
// not given; the global option only for its enabled global_* with method Y or N) are written as
// votes of the option (created or updated). Values on a created analog poll finish it, and with
// publish_immediately a finished analog poll is published.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { decimalSchema, updateSchema } from "../../validation/schemas.js";
import { checkPollOrOptionPermission, NOT_ENTERED, userToken } from "../../shared/poll-rules.js";
import voteCreate from "../vote/create.js";
import voteUpdate from "../vote/update.js";
import pollSetState from "../poll/set_state.js";

const LETTERS = [
  ["Y", "yes"],
  ["N", "no"],
  ["A", "abstain"],
] as const;

async function optionAndPoll(ctx: ActionContext, optionId: number) {
  const option = await ctx.db.get(`option/${optionId}`, ["poll_id", "used_as_global_option_in_poll_id", "vote_ids", "meeting_id"]);
  const poll = await ctx.db.get(`poll/${option.poll_id ?? option.used_as_global_option_in_poll_id}`, [
    "id", "state", "type", "pollmethod", "global_yes", "global_no", "global_abstain", "meeting_id", "content_object_id",
  ]);
  return { option, poll };
}

async function writeVotes(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const { option, poll } = await optionAndPoll(ctx, Number(instance.id));
  const stateChange = poll.type === "analog" && poll.state === "created" && LETTERS.some(([letter]) => letter in instance);
  const data: Record<string, unknown> = {};
  for (const [letter, field] of LETTERS) {
    if (letter in instance) data[field] = instance[letter];
    delete instance[letter];
  }
  if (poll.type === "analog") {
    const pollmethod = String(poll.pollmethod);
    if (option.used_as_global_option_in_poll_id) {
      for (const [, field] of LETTERS) {
        if (poll[`global_${field}`] && (pollmethod === "Y" || pollmethod === "N")) instance[field] = data[field] ?? NOT_ENTERED;
        else if (field in data) throw new ActionError(`Global ${field} votes are not allowed for this poll`);
      }
    } else {
      for (const [letter, field] of LETTERS) {
        if (pollmethod.includes(letter)) instance[field] = data[field] ?? NOT_ENTERED;
        else if (data[field] !== undefined && data[field] !== null) throw new ActionError(`Pollmethod ${pollmethod} does not support ${field} votes`);
      }
    }
  }

  const votes = await ctx.db.getMany("vote", (option.vote_ids as number[] | undefined) ?? [], ["value"]);
  const token = userToken();
  const creates: Instance[] = [];
  const updates: Instance[] = [];
  for (const [letter, field] of LETTERS) {
    if (!(field in instance)) continue;
    const existing = [...votes].find(([, vote]) => vote.value === letter);
    if (existing) updates.push({ id: existing[0], weight: instance[field] });
    else creates.push({ option_id: instance.id, value: letter, weight: instance[field], user_token: token });
  }
  if (creates.length > 0) await ctx.execute(voteCreate, creates);
  if (updates.length > 0) await ctx.execute(voteUpdate, updates);

  let state: string | undefined = stateChange ? "finished" : undefined;
  if ((stateChange || (poll.state === "finished" && poll.type === "analog")) && instance.publish_immediately) state = "published";
  if (state) await ctx.execute(pollSetState, [{ id: poll.id, state }]);
  delete instance.publish_immediately;
  return instance;
}

export default defineAction({
  name: "option.update",
  collection: "option",
  kind: "update",
  schema: updateSchema("option", {
    additionalOptional: { Y: decimalSchema, N: decimalSchema, A: decimalSchema, publish_immediately: { type: "boolean" } },
  }),
  checkPermissions: async (ctx, item) => {
    const { poll } = await optionAndPoll(ctx, Number(item.id));
    await checkPollOrOptionPermission(ctx, String(poll.content_object_id ?? ""), Number(poll.meeting_id));
  },
  updateInstance: writeVotes,
});
