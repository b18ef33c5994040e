// motion_category.create: gets a sequential number and always the weight max+1 among the
// meeting's categories (level is not computed here, as upstream; motion_category.sort sets it).
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inMeeting, nextWeight } from "../../shared/weight.js";
import { createSchema } from "../../validation/schemas.js";

async function lastWeight(ctx: ActionContext, instance: Instance): Promise<Instance> {
  instance.weight = await nextWeight(ctx, "motion_category", inMeeting(Number(instance.meeting_id)));
  return instance;
}

export default defineAction({
  name: "motion_category.create",
  collection: "motion_category",
  kind: "create",
  schema: createSchema("motion_category", { required: ["name", "meeting_id"], optional: ["parent_id", "prefix"] }),
  permission: "motion.can_manage",
  updateInstance: lastWeight,
});
