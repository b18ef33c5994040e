// poll.anonymize: only finished / published named polls; every vote of its options (and the
// global option) loses user_id and delegated_user_id; is_pseudoanonymized = true.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { updateSchema } from "../../validation/schemas.js";
import { checkPollPermission, pollHistory } from "../../shared/poll-rules.js";
import voteAnonymize from "../vote/anonymize.js";

async function anonymize(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const poll = await ctx.db.get(`poll/${instance.id}`, ["type", "state", "option_ids", "global_option_id"]);
  if (poll.state !== "finished" && poll.state !== "published") throw new ActionError("Anonymizing can only be done after finishing a poll.");
  if (poll.type !== "named") throw new ActionError("You can only anonymize named polls.");
  const optionIds = [...((poll.option_ids as number[] | undefined) ?? [])];
  if (poll.global_option_id) optionIds.push(Number(poll.global_option_id));
  const options = await ctx.db.getMany("option", optionIds, ["vote_ids"]);
  for (const option of options.values()) {
    const voteIds = (option.vote_ids as number[] | undefined) ?? [];
    if (voteIds.length > 0) await ctx.execute(voteAnonymize, voteIds.map((id) => ({ id })));
  }
  instance.is_pseudoanonymized = true;
  return instance;
}

export default defineAction({
  name: "poll.anonymize",
  collection: "poll",
  kind: "update",
  schema: updateSchema("poll"),
  checkPermissions: checkPollPermission,
  updateInstance: anonymize,
  historyInformation: pollHistory("anonymized"),
});
