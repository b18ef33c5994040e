// The three projection lists of a projector (current, preview, history) and the moves between
// them that projector.next, previous and project_preview make. The new lists are written as the
// projector's reverse fields; relation maintenance moves the projections accordingly.
import type { ActionContext, Instance } from "../framework/types.js";
import { fqidOf } from "../framework/fqid.js";
import projectionUpdate from "../actions/projection/update.js";
import { nextHistoryWeight } from "./projection-history.js";

export interface ProjectorLists {
  id: number;
  meetingId: number;
  current: number[];
  preview: number[];
  history: number[];
}

export async function readProjectorLists(ctx: ActionContext, projectorId: number): Promise<ProjectorLists> {
  const projector = await ctx.db.get(fqidOf("projector", projectorId), ["current_projection_ids", "preview_projection_ids", "history_projection_ids", "meeting_id"]);
  return {
    id: projectorId,
    meetingId: Number(projector.meeting_id),
    current: (projector.current_projection_ids as number[] | undefined) ?? [],
    preview: (projector.preview_projection_ids as number[] | undefined) ?? [],
    history: (projector.history_projection_ids as number[] | undefined) ?? [],
  };
}

/** Splits the current projections into stable ones (they stay) and unstable ones (they move). */
export async function splitCurrent(ctx: ActionContext, lists: ProjectorLists): Promise<{ stable: number[]; unstable: number[] }> {
  const projections = await ctx.db.getMany("projection", lists.current, ["stable"]);
  const stable: number[] = [];
  const unstable: number[] = [];
  for (const [id, projection] of projections) (projection.stable ? stable : unstable).push(id);
  return { stable, unstable };
}

/** Gives the projections the next history weights of the projector, in order. */
export async function weighForHistory(ctx: ActionContext, lists: ProjectorLists, projectionIds: number[]): Promise<void> {
  if (projectionIds.length === 0) return;
  const weight = await nextHistoryWeight(ctx, lists.meetingId, lists.id);
  await ctx.execute(projectionUpdate, projectionIds.map((id, index) => ({ id, weight: weight + index })));
}

/** The projector update that makes `projectionId` current and sends the unstable current ones to the history. */
export async function showFromPreview(ctx: ActionContext, lists: ProjectorLists, projectionId: number): Promise<Instance> {
  const { stable, unstable } = await splitCurrent(ctx, lists);
  await weighForHistory(ctx, lists, unstable);
  return {
    id: lists.id,
    current_projection_ids: [...stable, projectionId],
    preview_projection_ids: lists.preview.filter((id) => id !== projectionId),
    history_projection_ids: [...lists.history, ...unstable],
  };
}

/** The id of the projection with the lowest (or highest) weight; a missing weight counts as 10000. */
export async function projectionByWeight(ctx: ActionContext, ids: number[], pick: "lowest" | "highest"): Promise<number> {
  const projections = [...(await ctx.db.getMany("projection", ids, ["weight"])).entries()];
  let [pivotId, pivot] = projections[0]!;
  for (const [id, projection] of projections) {
    const weight = Number(projection.weight ?? 10000);
    const pivotWeight = Number(pivot.weight ?? 10000);
    if (pick === "lowest" ? weight < pivotWeight : weight > pivotWeight) [pivotId, pivot] = [id, projection];
  }
  return pivotId;
}
