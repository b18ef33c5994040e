// structure_level_list_of_speakers.add_time: for a stopped level with negative remaining time, the
// overrun is added to additional_time and remaining_time of every level of the same list (so this
// one ends at 0). Needs structure level countdowns on. One data item only.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { updateSchema } from "../../validation/schemas.js";

async function addTime(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const item = data[0]!;
  const meetingId = await ctx.meetingIdOf(item);
  const entry = await ctx.db.get(fqidOf("structure_level_list_of_speakers", Number(item.id)), ["current_start_time", "remaining_time", "list_of_speakers_id"]);
  const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["list_of_speakers_default_structure_level_time"]);
  if (Number(meeting.list_of_speakers_default_structure_level_time ?? 0) <= 0) throw new ActionError("Structure level countdowns are deactivated");
  if (entry.current_start_time !== undefined && entry.current_start_time !== null) throw new ActionError("Stop the current speaker before adding time");
  const overrun = Number(entry.remaining_time);
  if (overrun >= 0) throw new ActionError("You can only add time if the remaining time is negative");
  const list = await ctx.db.get(fqidOf("list_of_speakers", Number(entry.list_of_speakers_id)), ["structure_level_list_of_speakers_ids"]);
  const ids = (list.structure_level_list_of_speakers_ids as number[] | undefined) ?? [];
  const entries = await ctx.db.getMany("structure_level_list_of_speakers", ids, ["id", "additional_time", "remaining_time"]);
  return [...entries.values()].map((other) => ({
    id: other.id,
    additional_time: Number(other.additional_time ?? 0) - overrun,
    remaining_time: Number(other.remaining_time) - overrun,
  }));
}

export default defineAction({
  name: "structure_level_list_of_speakers.add_time",
  collection: "structure_level_list_of_speakers",
  kind: "update",
  singular: true,
  schema: updateSchema("structure_level_list_of_speakers"),
  permission: "list_of_speakers.can_manage",
  instances: addTime,
});
