// poll.reset: back to "created": all votes deleted, option sums "0.000000", voted_ids [], totals
// and entitled_users_at_stop cleared, is_pseudoanonymized = (type pseudoanonymous); the poll is
// cleared in the vote store.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { updateSchema } from "../../validation/schemas.js";
import { checkPollPermission, pollHistory } from "../../shared/poll-rules.js";
import { clearPoll } from "../../../vote/store.js";
import voteDelete from "../vote/delete.js";
import optionSetAutoFields from "../option/set_auto_fields.js";

async function reset(ctx: ActionContext, instance: Instance): Promise<Instance> {
  instance.state = "created";
  const poll = await ctx.db.get(`poll/${instance.id}`, ["type", "option_ids", "global_option_id"]);
  const optionIds = [...((poll.option_ids as number[] | undefined) ?? [])];
  if (poll.global_option_id) optionIds.push(Number(poll.global_option_id));
  const options = await ctx.db.getMany("option", optionIds, ["vote_ids"]);
  for (const [optionId, option] of options) {
    const voteIds = (option.vote_ids as number[] | undefined) ?? [];
    if (voteIds.length === 0) continue;
    await ctx.execute(voteDelete, voteIds.map((id) => ({ id })));
    await ctx.execute(optionSetAutoFields, [{ id: optionId, yes: "0.000000", no: "0.000000", abstain: "0.000000" }]);
  }
  instance.is_pseudoanonymized = poll.type === "pseudoanonymous";
  instance.voted_ids = [];
  instance.entitled_users_at_stop = null;
  instance.votesvalid = null;
  instance.votesinvalid = null;
  instance.votescast = null;
  await clearPoll(ctx.request.tx, Number(instance.id));
  return instance;
}

export default defineAction({
  name: "poll.reset",
  collection: "poll",
  kind: "update",
  schema: updateSchema("poll"),
  checkPermissions: checkPollPermission,
  updateInstance: reset,
  historyInformation: pollHistory("reset"),
});
