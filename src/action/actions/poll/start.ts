// poll.start: only non-analog polls in state created; sets "started", restarts the coupled poll
// countdown and opens the poll in the vote store (same transaction: a failed request leaves it closed).
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { updateSchema } from "../../validation/schemas.js";
import { checkPollPermission, controlPollCountdown, pollHistory } from "../../shared/poll-rules.js";
import { startPoll } from "../../../vote/store.js";

async function start(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const poll = await ctx.db.get(`poll/${instance.id}`, ["state", "meeting_id", "type"]);
  if (poll.type === "analog") throw new ActionError("Analog polls cannot be started. Please use poll.update instead to give votes.");
  if (poll.state !== "created") throw new ActionError(`Cannot start poll ${instance.id}, because it is not in state created.`);
  instance.state = "started";
  await controlPollCountdown(ctx, Number(poll.meeting_id), "restart");
  await startPoll(ctx.request.tx, Number(instance.id));
  return instance;
}

export default defineAction({
  name: "poll.start",
  collection: "poll",
  kind: "update",
  schema: updateSchema("poll"),
  checkPermissions: checkPollPermission,
  updateInstance: start,
  historyInformation: pollHistory("started"),
});
