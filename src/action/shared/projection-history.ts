// Moving projections off a projector: unstable ones go to the projector's history (appended by
// weight), stable ones are deleted. Shared by projector.project, toggle, next and previous.
import type { ActionContext } from "../framework/types.js";
import projectionDelete from "../actions/projection/delete.js";
import projectionUpdate from "../actions/projection/update.js";
import { nextWeight } from "./weight.js";

export async function nextHistoryWeight(ctx: ActionContext, meetingId: number, projectorId: number): Promise<number> {
  return nextWeight(ctx, "projection", {
    and_filter: [
      { field: "meeting_id", operator: "=", value: meetingId },
      { field: "history_projector_id", operator: "=", value: projectorId },
    ],
  });
}

/** Moves the projections to the history of the projector, in the given order. */
export async function moveToHistory(ctx: ActionContext, meetingId: number, projectorId: number, projectionIds: number[]): Promise<void> {
  if (projectionIds.length === 0) return;
  const weight = await nextHistoryWeight(ctx, meetingId, projectorId);
  await ctx.execute(
    projectionUpdate,
    projectionIds.map((id, index) => ({ id, current_projector_id: null, history_projector_id: projectorId, weight: weight + index })),
  );
}

/** The ids of the projector's current unstable projections. */
export async function currentUnstableProjections(ctx: ActionContext, meetingId: number, projectorId: number): Promise<number[]> {
  const found = await ctx.db.filter(
    "projection",
    {
      and_filter: [
        { field: "meeting_id", operator: "=", value: meetingId },
        { field: "current_projector_id", operator: "=", value: projectorId },
        { field: "stable", operator: "=", value: false },
      ],
    },
    ["id"],
  );
  return [...found.keys()];
}

export async function deleteProjections(ctx: ActionContext, projectionIds: number[]): Promise<void> {
  if (projectionIds.length > 0) await ctx.execute(projectionDelete, projectionIds.map((id) => ({ id })));
}
