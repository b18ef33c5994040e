// Upstream's weight helper: the highest weight among the models matching the filter, plus one.
import type { Filter } from "../../db/types.js";
import type { ActionContext } from "../framework/types.js";

export async function nextWeight(ctx: ActionContext, collection: string, filter: Filter): Promise<number> {
  const max = await ctx.db.max(collection, filter, "weight");
  return (typeof max === "number" ? max : 0) + 1;
}

export const inMeeting = (meetingId: number): Filter => ({ field: "meeting_id", operator: "=", value: meetingId });
