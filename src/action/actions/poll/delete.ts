// poll.delete: options (with votes and candidate lists) and projections cascade; a started poll
// is cleared in the vote store (same transaction). History "<Voting|Ballot> deleted" on the content object.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../validation/schemas.js";
import { checkPollPermission, pollHistory } from "../../shared/poll-rules.js";
import { clearPoll } from "../../../vote/store.js";

export default defineAction({
  name: "poll.delete",
  collection: "poll",
  kind: "delete",
  schema: deleteSchema("poll"),
  checkPermissions: checkPollPermission,
  updateInstance: async (ctx, instance) => {
    const poll = await ctx.db.get(`poll/${instance.id}`, ["state"]);
    if (poll.state === "started") await clearPoll(ctx.request.tx, Number(instance.id));
    return instance;
  },
  historyInformation: pollHistory("deleted"),
});
