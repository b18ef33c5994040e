// motion_change_recommendation.update: when line_from / line_to change, each new span must have
// from <= to and, per motion, all recommendations (stored ones plus the new spans of this request)
// must not intersect. History "Motion change recommendation updated" on the motion (touched too).
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { extendHistoryTo } from "../../shared/extend-history.js";
import { updateSchema } from "../../validation/schemas.js";

const LINE_FIELDS = ["line_from", "line_to"] as const;

type Span = { line_from: number; line_to: number };

/** The ids of all recommendations whose spans intersect another one (upstream's sweep over sorted spans). */
function intersections(spans: Map<number, Span>): number[] {
  const sorted = [...spans].map(([id, span]) => [span.line_from, span.line_to, id] as const);
  sorted.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const found = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    const [, toI, idI] = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const [fromJ, , idJ] = sorted[j]!;
      if (toI < fromJ) break;
      found.add(idI).add(idJ);
    }
  }
  return [...found].sort((a, b) => a - b);
}

async function checkLineChanges(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const changes = new Map<number, Instance>();
  for (const item of data) if (LINE_FIELDS.some((field) => field in item)) changes.set(Number(item.id), item);
  if (changes.size === 0) return data;
  const stored = await ctx.db.getMany("motion_change_recommendation", [...changes.keys()], ["motion_id", ...LINE_FIELDS]);
  const byMotion = new Map<number, Map<number, Span>>();
  for (const [id, item] of changes) {
    const model = stored.get(id);
    if (!model) await ctx.db.get(`motion_change_recommendation/${id}`, ["id"]);
    const merged = { ...model, ...item } as Instance;
    const motionId = Number(merged.motion_id);
    const spans = byMotion.get(motionId) ?? new Map<number, Span>();
    spans.set(id, { line_from: Number(merged.line_from), line_to: Number(merged.line_to) });
    byMotion.set(motionId, spans);
    if (Number(merged.line_from) > Number(merged.line_to)) {
      throw new ActionError(`Cannot edit motion_change_recommendation/${id}: New line span would have its from line after its to line.`);
    }
  }
  for (const [motionId, newSpans] of byMotion) {
    const others = await ctx.db.filter("motion_change_recommendation", { field: "motion_id", operator: "=", value: motionId }, [...LINE_FIELDS]);
    const spans = new Map<number, Span>();
    for (const [id, model] of others) spans.set(id, { line_from: Number(model.line_from), line_to: Number(model.line_to) });
    for (const [id, span] of newSpans) spans.set(id, span);
    const found = intersections(spans);
    if (found.length > 0) {
      throw new ActionError(`Cannot edit motion_change_recommendation: New line spans cause intersections concerning recommendations {${found.join(", ")}}.`);
    }
  }
  return data;
}

export default defineAction({
  name: "motion_change_recommendation.update",
  collection: "motion_change_recommendation",
  kind: "update",
  schema: updateSchema("motion_change_recommendation", {
    optional: ["text", "rejected", "internal", "type", "other_description", "line_from", "line_to"],
  }),
  permission: "motion.can_manage",
  instances: checkLineChanges,
  instancesAreOriginal: true,
  updateInstance: extendHistoryTo("motion_change_recommendation", "motion_id", "motion"),
  history: "Motion change recommendation updated",
  historyRelationField: "motion_id",
});
