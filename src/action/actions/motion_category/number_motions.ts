// motion_category.number_motions: renumbers every motion of the category and its subcategories
// (categories breadth first by weight, motions by category_weight): main motions get the inherited
// prefix, an optional blank and a zero-padded running counter; amendments get their lead's new
// number, the amendments prefix and a counter per lead. An amendment whose lead is outside the
// subtree is refused; number clashes are refused by the database (as upstream). History "Number set".
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { itemSchema } from "../../validation/schemas.js";
import { nowTimestamp } from "../../shared/clock.js";

/** The models' default weights, for rows stored without one. */
const DEFAULT_WEIGHT = 10000;

type Row = Record<string, unknown>;

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

/** Python's sort of (weight, id) tuples. */
function byWeight(idList: number[], rows: Map<number, Row>, weightField: string): number[] {
  const weightOf = (id: number) => (rows.get(id)?.[weightField] as number | undefined) ?? DEFAULT_WEIGHT;
  return [...idList].sort((a, b) => weightOf(a) - weightOf(b) || a - b);
}

async function numberMotions(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (const item of data) {
    const mainId = Number(item.id);
    const category = await ctx.db.get(fqidOf("motion_category", mainId), ["meeting_id"]);
    const meeting = await ctx.db.get(fqidOf("meeting", Number(category.meeting_id)), [
      "motion_ids",
      "motion_category_ids",
      "motions_number_with_blank",
      "motions_number_min_digits",
      "motions_amendments_prefix",
    ]);
    const categories = await ctx.db.getMany("motion_category", ids(meeting.motion_category_ids), ["prefix", "parent_id", "child_ids", "weight", "motion_ids"]);
    const motions = await ctx.db.getMany("motion", ids(meeting.motion_ids), ["lead_motion_id", "category_weight", "category_id", "number"]);

    // Breadth first from the main category, children by weight.
    const affectedCategories: number[] = [];
    const queue = [mainId];
    while (queue.length > 0) {
      const categoryId = queue.shift()!;
      affectedCategories.push(categoryId);
      queue.push(...byWeight(ids(categories.get(categoryId)?.child_ids), categories, "weight"));
    }
    const affectedMotions = affectedCategories.flatMap((categoryId) => byWeight(ids(categories.get(categoryId)?.motion_ids), motions, "category_weight"));
    const affected = new Set(affectedMotions);
    const leadOf = (motionId: number) => (motions.get(motionId)?.lead_motion_id as number | undefined) || undefined;

    for (const motionId of affectedMotions) {
      const leadId = leadOf(motionId);
      if (leadId && !affected.has(leadId)) {
        throw new ActionError(`Amendment "${motionId}" cannot be numbered, because it's lead motion (${leadId}) is not in category ${mainId} or any subcategory.`);
      }
    }

    let mainCounter = 1;
    const leadCounters = new Map<number, number>();
    const numberValues = new Map<number, number>();
    for (const motionId of affectedMotions) {
      const leadId = leadOf(motionId);
      if (leadId) {
        const counter = leadCounters.get(leadId) ?? 1;
        numberValues.set(motionId, counter);
        leadCounters.set(leadId, counter + 1);
      } else {
        numberValues.set(motionId, mainCounter++);
      }
    }

    const blank = meeting.motions_number_with_blank ? " " : "";
    const minDigits = (meeting.motions_number_min_digits as number | undefined) ?? 0;
    const amendmentsPrefix = (meeting.motions_amendments_prefix as string | undefined) ?? "";
    const padded = (motionId: number) => String(numberValues.get(motionId)).padStart(minDigits, "0");
    const prefixOf = (categoryId: number): string => {
      const row = categories.get(categoryId);
      if (row?.prefix) return row.prefix as string;
      if (!row?.parent_id || categoryId === mainId) return "";
      return prefixOf(row.parent_id as number);
    };
    const numberOf = (motionId: number): string => {
      const leadId = leadOf(motionId);
      if (leadId) return `${numberOf(leadId)}${blank}${amendmentsPrefix}${blank}${padded(motionId)}`;
      const categoryId = motions.get(motionId)?.category_id as number | undefined;
      return `${categoryId ? prefixOf(categoryId) : ""}${blank}${padded(motionId)}`;
    };

    const timestamp = nowTimestamp();
    for (const motionId of affectedMotions) {
      instances.push({ id: motionId, number: numberOf(motionId), number_value: numberValues.get(motionId), last_modified: timestamp });
    }
  }
  return instances;
}

export default defineAction({
  name: "motion_category.number_motions",
  collection: "motion",
  kind: "update",
  schema: itemSchema(
    "motion_category",
    { required: ["id"] },
    "Number motions of a motion category.",
    "An object containing an array of main category id.",
  ),
  permission: "motion.can_manage",
  meetingOf: { collection: "motion_category", idField: "id" },
  instances: numberMotions,
  history: "Number set",
});
