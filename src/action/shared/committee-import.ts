// What committee.json_upload and committee.import share (upstream CommitteeImportMixin): a meeting
// row needs an admin (named or from its template) and new parent links must not form circles.
import type { ActionContext } from "../framework/types.js";
import { ImportState, type ImportRow } from "./import-preview.js";

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

/** Upstream check_admin_groups_for_meeting. */
export async function checkAdminGroupsForMeeting(ctx: ActionContext, row: ImportRow): Promise<void> {
  const entry = row.data;
  if (!entry.meeting_name) return;
  if (((entry.meeting_admins ?? []) as Record<string, any>[]).some((admin) => admin.info === ImportState.DONE)) return;
  let adminIds: number[] = [];
  const template = entry.meeting_template ?? {};
  if (template.id && template.info === ImportState.DONE) {
    const groups = await ctx.db.filter("group", { field: "admin_group_for_meeting_id", operator: "=", value: template.id }, ["meeting_user_ids"]);
    adminIds = [...groups.values()].flatMap((group) => ids(group.meeting_user_ids));
  }
  if (adminIds.length === 0) {
    row.state = ImportState.ERROR;
    entry.meeting_admins = [...(entry.meeting_admins ?? []), { value: "", info: ImportState.ERROR }];
    row.messages.push("Error: Meeting cannot be created without admins");
  }
}

/** Upstream detect_circles on a child-to-parent map of names: the names that lie on a circle. */
function detectCircles(checkList: Set<string>, tree: Map<string, string | null | undefined>): Set<string> {
  const related = new Set<string>();
  const free = new Set<string>();
  const circles = new Set<string>();
  const pending = new Set(checkList);
  while (pending.size > 0) {
    let entry = pending.values().next().value as string;
    pending.delete(entry);
    const descendants = [entry];
    let parent = tree.get(entry);
    while (parent) {
      if (related.has(parent)) {
        descendants.forEach((name) => related.add(name));
        break;
      }
      if (free.has(parent)) {
        descendants.forEach((name) => free.add(name));
        break;
      }
      const index = descendants.indexOf(parent);
      if (index >= 0) {
        descendants.forEach((name) => related.add(name));
        descendants.slice(index).forEach((name) => circles.add(name));
        break;
      }
      descendants.push(parent);
      entry = parent;
      parent = tree.get(entry);
    }
    descendants.forEach((name) => pending.delete(name));
  }
  return circles;
}

const linksParent = (row: ImportRow, infos: string[]) => row.data.name.info !== ImportState.ERROR && row.data.parent && infos.includes(row.data.parent.info);

/** Upstream check_parents_for_circles: marks rows whose new parent closes a circle; true if any. */
export async function checkParentsForCircles(ctx: ActionContext, rows: ImportRow[]): Promise<boolean> {
  const relations = new Map<string, string | null | undefined>();
  for (const row of rows) if (linksParent(row, [ImportState.NEW, ImportState.DONE])) relations.set(row.data.name.value, row.data.parent.value);
  if (relations.size === 0) return false;
  const childIds = new Set(rows.filter((row) => "id" in row.data && linksParent(row, [ImportState.NEW, ImportState.DONE])).map((row) => row.data.id as number));
  const parentIds = new Set(rows.filter((row) => linksParent(row, [ImportState.DONE])).map((row) => row.data.parent.id as number));
  for (const id of childIds) parentIds.delete(id);
  const instances = new Map<number, Record<string, any>>();
  for (const [id, model] of await ctx.db.getMany("committee", [...childIds], ["name", "all_child_ids", "parent_id"])) instances.set(id, model);
  for (const [id, model] of await ctx.db.getMany("committee", [...parentIds], ["name", "parent_id", "all_parent_ids"])) instances.set(id, model);
  const others = new Set([...instances.values()].flatMap((model) => [...ids(model.all_child_ids), ...ids(model.all_parent_ids)]));
  for (const id of [...childIds, ...parentIds]) others.delete(id);
  for (const [id, model] of await ctx.db.getMany("committee", [...others], ["name", "parent_id"])) instances.set(id, model);
  const idToName = new Map([...instances.entries()].map(([id, model]) => [id, model.name as string]));
  for (const row of rows) {
    if (!relations.has(row.data.name.value)) continue;
    if ("id" in row.data && idToName.has(row.data.id)) idToName.set(row.data.id, row.data.name.value);
    const parent = row.data.parent;
    if (parent && "id" in parent && idToName.has(parent.id)) idToName.set(parent.id, parent.value);
  }
  for (const model of instances.values()) {
    const name = model.name as string;
    if (!relations.has(name) || relations.get(name) === null || relations.get(name) === undefined) {
      relations.set(name, model.parent_id ? idToName.get(model.parent_id) : null);
    }
  }
  const checkList = new Set<string>([...idToName.values(), ...relations.keys(), ...[...relations.values()].filter((value): value is string => !!value)]);
  for (const parent of [...relations.values()]) if (parent && !relations.has(parent)) relations.set(parent, null);
  const circles = detectCircles(checkList, relations);
  let hasError = false;
  for (const row of rows) {
    if (!circles.has(row.data.name.value)) continue;
    hasError = true;
    row.data.parent = { value: row.data.parent.value, info: ImportState.ERROR };
    row.state = ImportState.ERROR;
    row.messages.push("Error: The parents are forming circles, please rework the hierarchy");
  }
  return hasError;
}
