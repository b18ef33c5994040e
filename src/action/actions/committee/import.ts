// committee.import: second step of the committee CSV import. Re-checks the preview rows against
// the current committees, users, tags and template meetings, then creates organization tags and
// committees, updates every committee (description, forwardings, managers, tags, parent) and
// creates or clones the rows' meetings; the preview is deleted unless the import ends in error.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkAdminGroupsForMeeting, checkParentsForCircles } from "../../shared/committee-import.js";
import {
  deleteImportPreview,
  flattenRows,
  ImportState,
  importSchema,
  loadImportPreview,
  Lookup,
  validateReferenceField,
  validateWithLookup,
  type ImportRow,
  assertSingularData,
} from "../../shared/import-preview.js";

const DEFAULT_TAG_COLOR = "#2196f3";
const FIELD_MAP: Record<string, string> = {
  forward_to_committees: "forward_to_committee_ids",
  managers: "manager_ids",
  meeting_admins: "meeting_admin_ids",
  organization_tags: "organization_tag_ids",
  parent: "parent_id",
};

async function nameMap(ctx: ActionContext, collection: string, ids: number[], field: string): Promise<Map<number, string>> {
  const models = await ctx.db.getMany(collection, [...new Set(ids)], [field], { useChanges: false });
  return new Map([...models.entries()].map(([id, model]) => [id, model[field] as string]));
}

function handleRelationFields(entry: Record<string, any>): Record<string, any> {
  for (const field of ["managers", "meeting_admins"]) {
    if (field in entry) entry[field] = (entry[field] as Record<string, any>[]).filter((user) => user.id && user.info === ImportState.DONE).map((user) => user.id);
  }
  for (const field of ["organization_tags", "forward_to_committees"]) {
    if (field in entry) entry[field] = (entry[field] as Record<string, any>[]).filter((obj) => obj.info === ImportState.DONE || obj.info === ImportState.NEW);
  }
  const template = entry.meeting_template;
  if (template) {
    if (template.info !== ImportState.DONE) delete entry.meeting_template;
    else entry.meeting_template = template.id;
  }
  const parent = entry.parent;
  if (parent) {
    if (parent.value === "" || parent.value === null || parent.value === undefined) delete entry.parent;
    else {
      entry.parent = parent.value;
      if (parent.id) {
        entry.parent_id = parent.id;
        delete entry.parent;
      }
    }
  }
  return entry;
}

function updateRowsFromResults(rows: ImportRow[], data: Instance[], results: unknown[] | null, field: string, updateIds = false): void {
  const names = new Map<string, number>();
  data.forEach((item, i) => {
    const result = results?.[i] as Record<string, unknown> | null | undefined;
    if (result) names.set(item.name as string, result.id as number);
  });
  for (const row of rows) {
    const entry = row.data;
    if (updateIds && !("id" in entry)) entry.id = names.get(entry.name);
    const value = entry[field];
    delete entry[field];
    if (!value) continue;
    const target = FIELD_MAP[field] ?? field;
    if (Array.isArray(value)) {
      entry[target] = value.map((item) => (typeof item === "string" ? (names.get(item) ?? null) : item)).filter((item) => item);
    } else entry[target] = typeof value === "string" ? (names.get(value) ?? null) : value;
  }
}

async function createModels(ctx: ActionContext, rows: ImportRow[]): Promise<void> {
  const tagData = new Map<string, Instance>();
  for (const row of rows) {
    for (const tag of row.data.organization_tags ?? []) {
      if (typeof tag === "string" && !tagData.has(tag)) tagData.set(tag, { name: tag, color: DEFAULT_TAG_COLOR, organization_id: 1 });
    }
  }
  if (tagData.size > 0) {
    const payload = [...tagData.values()];
    updateRowsFromResults(rows, payload, await ctx.execute("organization_tag.create", payload), "organization_tags");
  }
  const committeeData: Instance[] = rows.filter((row) => !("id" in row.data)).map((row) => ({ name: row.data.name, organization_id: 1 }));
  if (committeeData.length > 0) {
    const results = await ctx.execute("committee.create", committeeData);
    updateRowsFromResults(rows, committeeData, results, "forward_to_committees", true);
    updateRowsFromResults(rows, committeeData, results, "parent", true);
  }
  for (const row of rows) {
    for (const [old, renamed] of Object.entries(FIELD_MAP)) {
      if (old in row.data) {
        row.data[renamed] = row.data[old];
        delete row.data[old];
      }
    }
  }
  const updates = rows.map((row) =>
    Object.fromEntries(
      ["id", "description", "forward_to_committee_ids", "manager_ids", "organization_tag_ids", "parent_id"]
        .filter((field) => field in row.data)
        .map((field) => [field, row.data[field]]),
    ),
  );
  if (updates.length > 0) await ctx.execute("committee.update", updates);

  const organization = await ctx.db.get("organization/1", ["default_language"], { useChanges: false });
  const creates: Instance[] = [];
  const clones: Instance[] = [];
  for (const row of rows) {
    const entry = row.data;
    if (!("meeting_name" in entry)) continue;
    const data: Instance = {};
    for (const field of ["name", "start_time", "end_time", "admin_ids", "time_zone"]) {
      if (`meeting_${field}` in entry) data[field] = entry[`meeting_${field}`];
    }
    data.committee_id = entry.id;
    if (entry.meeting_template) {
      data.meeting_id = entry.meeting_template;
      clones.push(data);
    } else {
      data.language = organization.default_language;
      creates.push(data);
    }
  }
  if (creates.length > 0) await ctx.execute("meeting.create", creates);
  if (clones.length > 0) await ctx.execute("meeting.clone", clones);
}

export default defineAction({
  name: "committee.import",
  collection: "import_preview",
  kind: "custom",
  singular: true,
  schema: importSchema,
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
  prefetch: async (ctx, data) => {
    assertSingularData(data);
    const id = data[0]?.id;
    if (typeof id === "number") await loadImportPreview(ctx, id, "committee");
  },
  updateInstance: async (ctx, instance) => {
    const id = instance.id as number;
    const { rows } = await loadImportPreview(ctx, id, "committee");
    let state: string = ImportState.DONE;
    if (instance.import) {
      const committeeLookup = await Lookup.create(
        ctx,
        "committee",
        rows.map((row) => [row.data.name.value, row.data]),
      );
      const idsOf = (pick: (row: ImportRow) => Record<string, any>[]) => rows.flatMap((row) => pick(row).map((obj) => obj?.id).filter((value) => value)) as number[];
      const committeeMap = await nameMap(ctx, "committee", idsOf((row) => [row.data.parent ?? {}, ...(row.data.forward_to_committees ?? [])]), "name");
      const userMap = await nameMap(ctx, "user", idsOf((row) => [...(row.data.managers ?? []), ...(row.data.meeting_admins ?? [])]), "username");
      const tagMap = await nameMap(ctx, "organization_tag", idsOf((row) => row.data.organization_tags ?? []), "name");
      const meetingMap = await nameMap(ctx, "meeting", idsOf((row) => [row.data.meeting_template ?? {}]), "name");
      for (const row of rows) {
        validateWithLookup("committee", row, committeeLookup);
        validateReferenceField(row, meetingMap, "meeting_template", false);
        validateReferenceField(row, committeeMap, "parent", false);
        validateReferenceField(row, committeeMap, "forward_to_committees");
        validateReferenceField(row, userMap, "managers");
        validateReferenceField(row, userMap, "meeting_admins");
        await checkAdminGroupsForMeeting(ctx, row);
        if (row.state === ImportState.ERROR) state = ImportState.ERROR;
        validateReferenceField(row, tagMap, "organization_tags");
      }
      if (await checkParentsForCircles(ctx, rows)) state = ImportState.ERROR;
      if (state !== ImportState.ERROR) await createModels(ctx, flattenRows(rows, handleRelationFields));
    }
    if (state !== ImportState.ERROR) deleteImportPreview(ctx, id);
    return { __result: { rows, state } } as Instance;
  },
  result: (_ctx, instance) => instance.__result as Record<string, unknown>,
});
