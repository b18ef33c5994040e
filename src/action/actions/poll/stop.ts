// poll.stop: only started polls; resets the coupled countdown, turns the vote store's ballots into
// votes, option sums, totals, voted_ids and entitled_users_at_stop, sets "finished" and clears the
// poll in the vote store (same transaction).
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { updateSchema } from "../../validation/schemas.js";
import { checkPollPermission, pollHistory, stopAndCount } from "../../shared/poll-rules.js";
import { clearPoll } from "../../../vote/store.js";

async function stop(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const poll = await ctx.db.get(`poll/${instance.id}`, ["state"]);
  if (poll.state !== "started") throw new ActionError(`Cannot stop poll ${instance.id}, because it is not in state started.`);
  instance.state = "finished";
  await stopAndCount(ctx, instance);
  await clearPoll(ctx.request.tx, Number(instance.id));
  return instance;
}

export default defineAction({
  name: "poll.stop",
  collection: "poll",
  kind: "update",
  schema: updateSchema("poll"),
  checkPermissions: checkPollPermission,
  updateInstance: stop,
  historyInformation: pollHistory("stopped"),
});
