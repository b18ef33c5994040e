// projector_countdown.create: without default_time the meeting's
// projector_countdown_default_time is used; the countdown starts at its default time.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function startAtDefaultTime(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (instance.default_time === undefined || instance.default_time === null) {
    const meeting = await ctx.db.get(fqidOf("meeting", Number(instance.meeting_id)), ["projector_countdown_default_time"]);
    instance.default_time = meeting.projector_countdown_default_time;
  }
  instance.countdown_time = instance.default_time;
  return instance;
}

export default defineAction({
  name: "projector_countdown.create",
  collection: "projector_countdown",
  kind: "create",
  schema: createSchema("projector_countdown", { required: ["meeting_id", "title"], optional: ["description", "default_time"] }),
  permission: "projector.can_manage",
  updateInstance: startAtDefaultTime,
});
