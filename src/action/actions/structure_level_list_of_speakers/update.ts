// structure_level_list_of_speakers.update: current_start_time, spoken_time and additional_time only
// on internal requests. initial_time resets remaining_time (and excludes current_start_time,
// spoken_time, remaining_time); spoken_time (payload only) is subtracted from the stored remaining_time
// and excludes remaining_time.
import { hasPerm, MissingPermissionError } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { updateSchema } from "../../validation/schemas.js";

const INTERNAL_ONLY = ["current_start_time", "spoken_time", "additional_time"];
const PERMISSION = "list_of_speakers.can_manage";

/** Upstream rejects the internal-only fields in validate_instance, before the permission check. */
async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  for (const field of INTERNAL_ONLY) if (field in item) throw new ActionError(`${field} is not allowed to be set.`);
  if (!(await hasPerm(ctx.db, ctx.userId, PERMISSION, await ctx.meetingIdOf(item)))) throw MissingPermissionError.single(PERMISSION);
}

async function applyTimes(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if ("initial_time" in instance) {
    for (const field of ["current_start_time", "spoken_time", "remaining_time"]) {
      if (field in instance) throw new ActionError(`Cannot set initial_time and ${field} at the same time.`);
    }
    instance.remaining_time = instance.initial_time;
  } else if ("remaining_time" in instance && "spoken_time" in instance) {
    throw new ActionError("Cannot set remaining_time and spoken_time at the same time.");
  }
  const spokenTime = instance.spoken_time;
  delete instance.spoken_time;
  if (spokenTime) {
    const stored = await ctx.db.get(fqidOf("structure_level_list_of_speakers", Number(instance.id)), ["remaining_time"]);
    instance.remaining_time = Number(stored.remaining_time) - Number(spokenTime);
  }
  return instance;
}

export default defineAction({
  name: "structure_level_list_of_speakers.update",
  collection: "structure_level_list_of_speakers",
  kind: "update",
  schema: updateSchema("structure_level_list_of_speakers", {
    optional: ["initial_time", "current_start_time", "remaining_time", "additional_time"],
    additionalOptional: { spoken_time: { type: "integer", minimum: 0 } },
  }),
  checkPermissions,
  updateInstance: applyTimes,
});
