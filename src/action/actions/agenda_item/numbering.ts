// agenda_item.numbering: numbers the meeting's public agenda in tree order ("1", "1.1", ...; the
// root level in roman numerals if the meeting says so), prefixed with meeting.agenda_number_prefix.
// Manual numbers are overwritten; internal and hidden items and everything below them get "".
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

const COMMON = "common";

interface AgendaEntry {
  id: number;
  parentId: number | null;
  weight: number;
  type: string;
}

/** Like python's roman.toRoman: 1..4999 (4000 = MMMM), anything else as a plain number. */
export function toRoman(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 4999) return String(value);
  const numerals: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let rest = value;
  let result = "";
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      result += numeral;
      rest -= amount;
    }
  }
  return result;
}

/** Roots and children per parent, in weight order, optionally only items of one type. */
function treeOf(items: AgendaEntry[], onlyType?: string): { roots: AgendaEntry[]; children: Map<number, AgendaEntry[]> } {
  const roots: AgendaEntry[] = [];
  const children = new Map<number, AgendaEntry[]>();
  for (const item of items) {
    if (onlyType !== undefined && item.type !== onlyType) continue;
    if (item.parentId === null) roots.push(item);
    else children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  }
  return { roots, children };
}

export function numberAgenda(items: AgendaEntry[], numeralSystem: string, prefix: string | undefined): Map<number, string> {
  const ordered = [...items].sort((a, b) => a.weight - b.weight);
  const numbers = new Map<number, string>();

  const publicTree = treeOf(ordered, COMMON);
  const walk = (level: AgendaEntry[], parentNumber: string | null): void => {
    level.forEach((item, index) => {
      let number: string;
      if (numeralSystem === "roman" && parentNumber === null) number = toRoman(index + 1);
      else number = parentNumber === null ? String(index + 1) : `${parentNumber}.${index + 1}`;
      numbers.set(item.id, prefix ? `${prefix} ${number}` : number);
      walk(publicTree.children.get(item.id) ?? [], number);
    });
  };
  walk(publicTree.roots, null);

  const fullTree = treeOf(ordered);
  const resetNonPublic = (level: AgendaEntry[], parentNotPublic: boolean): void => {
    for (const item of level) {
      const notPublic = parentNotPublic || item.type === "internal" || item.type === "hidden";
      if (notPublic) numbers.set(item.id, "");
      resetNonPublic(fullTree.children.get(item.id) ?? [], notPublic);
    }
  };
  resetNonPublic(fullTree.roots, false);
  return numbers;
}

async function numberItems(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const [item] = data;
  const meeting = await ctx.db.get(fqidOf("meeting", Number(item!.meeting_id)), ["agenda_item_ids", "agenda_numeral_system", "agenda_number_prefix"]);
  const ids = (meeting.agenda_item_ids as number[] | undefined) ?? [];
  const models = await ctx.db.getMany("agenda_item", ids, ["id", "item_number", "parent_id", "weight", "type"]);
  const entries: AgendaEntry[] = ids
    .filter((id) => models.has(id))
    .map((id) => {
      const model = models.get(id)!;
      return {
        id,
        parentId: model.parent_id === undefined || model.parent_id === null ? null : Number(model.parent_id),
        weight: typeof model.weight === "number" ? model.weight : 0,
        type: typeof model.type === "string" ? model.type : COMMON,
      };
    });
  const numbers = numberAgenda(entries, String(meeting.agenda_numeral_system ?? "arabic"), (meeting.agenda_number_prefix as string | null | undefined) ?? undefined);
  return [...numbers].map(([id, itemNumber]) => ({ id, item_number: itemNumber }));
}

export default defineAction({
  name: "agenda_item.numbering",
  collection: "agenda_item",
  kind: "update",
  schema: itemSchema("agenda_item", { required: ["meeting_id"] }),
  singular: true,
  permission: "agenda_item.can_manage",
  instances: numberItems,
});
