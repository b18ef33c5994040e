// poll.publish: finished polls, or started ones which are stopped first (votes counted as in
// poll.stop); history "stopped/published" in that case.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { updateSchema } from "../../validation/schemas.js";
import { checkPollPermission, pollHistory, stopAndCount } from "../../shared/poll-rules.js";
import { clearPoll } from "../../../vote/store.js";

async function publish(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const poll = await ctx.db.get(`poll/${instance.id}`, ["state"]);
  if (poll.state !== "finished" && poll.state !== "started") {
    throw new ActionError(`Cannot publish poll ${instance.id}, because it is not in state finished or started.`);
  }
  if (poll.state === "started") {
    await stopAndCount(ctx, instance);
    await clearPoll(ctx.request.tx, Number(instance.id));
  }
  instance.state = "published";
  return instance;
}

export default defineAction({
  name: "poll.publish",
  collection: "poll",
  kind: "update",
  schema: updateSchema("poll"),
  checkPermissions: checkPollPermission,
  updateInstance: publish,
  historyInformation: pollHistory((poll) => `${poll.state === "finished" ? "" : "stopped/"}published`),
});
