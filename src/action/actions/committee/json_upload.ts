// committee.json_upload: first step of the committee CSV import. Finds committees by name (new,
// existing, duplicated), parents, forwardings, managers, organization tags (new ones are created
// at import) and an optional meeting per row (time zone, dates, admins, template, duplicates).
import { defineAction } from "../../framework/define.js";
import { modelFieldSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkAdminGroupsForMeeting, checkParentsForCircles } from "../../shared/committee-import.js";
import {
  convertUploadCells,
  generateStatistics,
  ImportState,
  isValidTimeZone,
  jsonUploadSchema,
  Lookup,
  LookupResult,
  storeImportPreview,
  type HeaderEntry,
  type ImportRow,
  assertSingularData,
} from "../../shared/import-preview.js";

const strListSchema = { type: "array", uniqueItems: true, items: { type: "string" } };

export const committeeHeaders: HeaderEntry[] = [
  { property: "name", type: "string", is_object: true },
  { property: "description", type: "string" },
  { property: "forward_to_committees", type: "string", is_object: true, is_list: true },
  { property: "organization_tags", type: "string", is_object: true, is_list: true },
  { property: "managers", type: "string", is_object: true, is_list: true },
  { property: "meeting_name", type: "string" },
  { property: "meeting_start_time", type: "date" },
  { property: "meeting_end_time", type: "date" },
  { property: "meeting_time_zone", type: "string", is_object: true },
  { property: "meeting_admins", type: "string", is_object: true, is_list: true },
  { property: "meeting_template", type: "string", is_object: true },
  { property: "parent", type: "string", is_object: true },
];

class CommitteeUpload {
  committeeLookup!: Lookup;
  usernameLookup!: Lookup;
  tagLookup!: Lookup;
  names = new Set<string>();
  created: Record<string, Set<string>> = {};

  constructor(readonly ctx: ActionContext) {}

  async setupLookups(data: Record<string, any>[]): Promise<void> {
    const committeeNames = new Set<string>();
    const tuples: Array<[string, Record<string, any>]> = [];
    const usernames = new Set<string>();
    const tags = new Set<string>();
    const others = new Set<string>();
    for (const entry of data) {
      committeeNames.add(entry.name);
      tuples.push([entry.name, entry]);
      for (const name of entry.forward_to_committees ?? []) others.add(name);
      if (entry.parent) others.add(entry.parent);
      for (const name of [...(entry.managers ?? []), ...(entry.meeting_admins ?? [])]) usernames.add(name);
      for (const name of entry.organization_tags ?? []) tags.add(name);
    }
    this.committeeLookup = await Lookup.create(this.ctx, "committee", [
      ...tuples,
      ...[...others].filter((name) => !committeeNames.has(name)).map((name): [string, Record<string, any>] => [name, {}]),
    ]);
    this.usernameLookup = await Lookup.create(this.ctx, "user", [...usernames].map((name): [string, Record<string, any>] => [name, {}]), "username");
    this.tagLookup = await Lookup.create(this.ctx, "organization_tag", [...tags].map((name): [string, Record<string, any>] => [name, {}]));
  }

  private lookupList(entry: Record<string, any>, field: string, lookup: Lookup, messages: string[], create = false): void {
    const names = (entry[field] ?? []) as string[];
    const objects: Record<string, any>[] = [];
    const missing: string[] = [];
    const duplicates: string[] = [];
    for (const name of names) {
      const obj: Record<string, any> = { value: name, info: ImportState.DONE };
      const result = lookup.checkDuplicate(name);
      if (result === LookupResult.FOUND_ID) obj.id = lookup.getFieldByName(name, "id");
      else if (result === LookupResult.NOT_FOUND) {
        const first = lookup.nameToIds.get(name)?.[0];
        if (first && Object.keys(first).length > 0) {
          // the committee is being imported itself and has no id yet
        } else if (create) {
          if (!this.created[field]?.has(name)) {
            obj.info = ImportState.NEW;
            (this.created[field] ??= new Set()).add(name);
          }
        } else {
          obj.info = ImportState.WARNING;
          missing.push(name);
        }
      } else if (result === LookupResult.FOUND_MORE_IDS) duplicates.push(name);
      objects.push(obj);
    }
    if (missing.length > 0) messages.push(`Following values of ${field} were not found: '${missing.join(", ")}'`);
    if (duplicates.length > 0) messages.push(`Following values of ${field} could not be uniquely matched: '${duplicates.join(", ")}'`);
    if (names.length > 0) entry[field] = objects;
  }

  async validateEntry(entry: Record<string, any>): Promise<ImportRow> {
    const messages: string[] = [];
    let state: string = ImportState.DONE;
    const name = entry.name as string;
    const result = this.committeeLookup.checkDuplicate(name);
    if (result === LookupResult.FOUND_ID) {
      const id = this.committeeLookup.getFieldByName(name, "id");
      entry.name = { value: name, info: ImportState.DONE, id };
      entry.id = id;
    } else if (result === LookupResult.NOT_FOUND) {
      state = ImportState.NEW;
      entry.name = { value: name, info: ImportState.NEW };
    } else if (result === LookupResult.FOUND_MORE_IDS) {
      state = ImportState.ERROR;
      entry.name = { value: name, info: ImportState.ERROR };
      messages.push("Error: Found multiple committees with the same name.");
    }

    const parent = entry.parent;
    if (parent) {
      const parentResult = this.committeeLookup.checkDuplicate(parent);
      if (parentResult === LookupResult.FOUND_ID) {
        entry.parent = { value: parent, info: ImportState.DONE, id: this.committeeLookup.getFieldByName(parent, "id") };
      } else if (parentResult === LookupResult.NOT_FOUND) {
        if (this.names.has(parent)) entry.parent = { value: parent, info: ImportState.NEW };
        else {
          entry.parent = { value: "", info: ImportState.WARNING };
          messages.push(`Could not identify parent: Name '${parent}' not found, the field will therefore be ignored.`);
        }
      } else if (parentResult === LookupResult.FOUND_MORE_IDS) {
        entry.parent = { value: "", info: ImportState.WARNING };
        messages.push(`Could not identify parent: Name '${parent}' found multiple times, the field will therefore be ignored.`);
      }
    }

    if (!entry.meeting_name) {
      if (["meeting_start_time", "meeting_end_time", "meeting_time_zone", "meeting_admins", "meeting_template"].some((field) => entry[field])) {
        messages.push("No meeting will be created without meeting_name");
      }
    } else {
      const tz = entry.meeting_time_zone;
      if (tz) {
        if (!isValidTimeZone(tz)) {
          state = ImportState.ERROR;
          entry.meeting_time_zone = { value: tz, info: ImportState.ERROR };
          messages.push(`Error: Invalid timezone format: '${tz}' (expected valid timezone name)`);
        } else entry.meeting_time_zone = { value: tz, info: ImportState.DONE };
      } else if (entry.meeting_start_time || entry.meeting_end_time) {
        entry.meeting_time_zone = { info: ImportState.WARNING, value: null };
        const organization = await this.ctx.db.get("organization/1", ["time_zone"]);
        messages.push(`Since no timezone was given, the dates will be interpreted as being in the '${(organization.time_zone as string) || "UTC"}' zone.`);
      }
      this.lookupList(entry, "meeting_admins", this.usernameLookup, messages);
      const start = entry.meeting_start_time;
      const end = entry.meeting_end_time;
      if ("meeting_start_time" in entry || "meeting_end_time" in entry) {
        let error: string | undefined;
        if ((start && !end) || (!start && end)) error = "Only one of start_time and end_time is not allowed.";
        else if (start && end && start > end) error = "start_time must be before end_time.";
        if (error) {
          messages.push(`Error: ${error}`);
          state = ImportState.ERROR;
        }
      }
    }
    this.lookupList(entry, "managers", this.usernameLookup, messages);
    this.lookupList(entry, "forward_to_committees", this.committeeLookup, messages);
    this.lookupList(entry, "organization_tags", this.tagLookup, messages, true);
    return { state, messages, data: entry };
  }

  /** Upstream check_meetings: duplicate meetings (same name and days) and template meetings. */
  async checkMeetings(rows: ImportRow[]): Promise<void> {
    const filters: any[] = [];
    for (const row of rows) {
      const entry = row.data;
      const committeeId = entry.name.id;
      if (!committeeId || !entry.meeting_name) continue;
      const parts: any[] = [
        { field: "committee_id", operator: "=", value: committeeId },
        { field: "name", operator: "=", value: entry.meeting_name },
      ];
      for (const field of ["start_time", "end_time"]) {
        const time = entry[`meeting_${field}`];
        if (time) parts.push({ field, operator: ">=", value: time }, { field, operator: "<", value: time + 86400 });
        else parts.push({ field, operator: "=", value: null });
      }
      filters.push({ and_filter: parts });
      if (entry.meeting_template) {
        filters.push({
          and_filter: [
            { field: "name", operator: "=", value: entry.meeting_template },
            { field: "committee_id", operator: "=", value: committeeId },
          ],
        });
      }
    }
    const found = filters.length > 0 ? await this.ctx.db.filter("meeting", { or_filter: filters }, ["id", "name", "committee_id", "start_time", "end_time"], {}) : new Map();
    const meetingMap = new Map<string, Record<string, any>[]>();
    for (const meeting of found.values()) {
      const key = JSON.stringify([meeting.name, meeting.committee_id]);
      meetingMap.set(key, [...(meetingMap.get(key) ?? []), meeting]);
    }
    const day = (seconds: unknown) => (typeof seconds === "number" ? new Date(seconds * 1000).toISOString().slice(0, 10) : null);
    for (const row of rows) {
      const entry = row.data;
      const committeeId = entry.name.id;
      if (committeeId && entry.meeting_name) {
        for (const meeting of meetingMap.get(JSON.stringify([entry.meeting_name, committeeId])) ?? []) {
          if (["start_time", "end_time"].every((field) => day(entry[`meeting_${field}`]) === day(meeting[field]))) {
            row.messages.push("Error: A meeting with this name and dates already exists.");
            row.state = ImportState.ERROR;
            break;
          }
        }
      }
      const template = entry.meeting_template;
      delete entry.meeting_template;
      if (template) {
        entry.meeting_template = { value: template, info: ImportState.WARNING };
        if (!committeeId) row.messages.push("Template meetings can only be used for existing committees.");
        else if (entry.meeting_name) {
          const meetings = meetingMap.get(JSON.stringify([template, committeeId])) ?? [];
          if (meetings.length > 1) row.messages.push("Found multiple meetings with given template name, the meeting will be created without a template.");
          else if (meetings.length === 1) Object.assign(entry.meeting_template, { id: meetings[0]!.id, info: ImportState.DONE });
          else row.messages.push(`The meeting template ${template} was not found, the meeting will be created without a template.`);
        }
      }
      await checkAdminGroupsForMeeting(this.ctx, row);
    }
  }
}

export default defineAction({
  name: "committee.json_upload",
  collection: "import_preview",
  kind: "custom",
  singular: true,
  schema: jsonUploadSchema({
    type: "object",
    properties: {
      name: modelFieldSchema("committee", "name"),
      description: modelFieldSchema("committee", "description"),
      forward_to_committees: strListSchema,
      organization_tags: strListSchema,
      managers: strListSchema,
      meeting_name: modelFieldSchema("meeting", "name"),
      meeting_start_time: modelFieldSchema("meeting", "start_time"),
      meeting_end_time: modelFieldSchema("meeting", "end_time"),
      meeting_time_zone: modelFieldSchema("meeting", "time_zone"),
      meeting_admins: strListSchema,
      meeting_template: { type: "string" },
      parent: { type: "string" },
    },
    required: ["name"],
    additionalProperties: false,
  }),
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
  prefetch: async (ctx, data) => {
    assertSingularData(data);
    for (const item of data) await convertUploadCells(ctx, item, committeeHeaders, { timezoneField: "meeting_time_zone" });
  },
  updateInstance: async (ctx, instance) => {
    const data = instance.data as Record<string, any>[];
    const upload = new CommitteeUpload(ctx);
    await upload.setupLookups(data);
    upload.names = new Set(data.map((entry) => entry.name as string));
    const rows: ImportRow[] = [];
    for (const entry of data) rows.push(await upload.validateEntry(entry));
    await upload.checkMeetings(rows);
    await checkParentsForCircles(ctx, rows);
    const { statistics, state } = generateStatistics(rows);
    const counts = { meetings_created: 0, meetings_cloned: 0, organization_tags_created: 0 };
    for (const row of rows) {
      if (row.state === ImportState.ERROR) continue;
      const entry = row.data;
      if (entry.meeting_name) {
        if (entry.meeting_template && entry.meeting_template.info === ImportState.DONE) counts.meetings_cloned++;
        else counts.meetings_created++;
      }
      for (const tag of entry.organization_tags ?? []) if (tag.info === ImportState.NEW) counts.organization_tags_created++;
    }
    statistics.push(...Object.entries(counts).map(([name, value]) => ({ name, value })));
    const id = await storeImportPreview(ctx, "committee", rows, state);
    return { __result: { id, headers: committeeHeaders, rows, statistics, state } } as Instance;
  },
  result: (_ctx, instance) => instance.__result as Record<string, unknown>,
});
