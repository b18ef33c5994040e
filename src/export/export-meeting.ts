// A meeting as a models map (the format meeting.import and organization.initial_import read):
// the meeting, every model its cascading relation lists hold, and the users involved, with
// history fields and back-relation views left out. Read from the stored state only.
import type { Filter, Model } from "../db/types.js";
import { MIGRATION_INDEX } from "../db/schema.js";
import { STORAGE } from "../meta/generated/storage.js";
import { fieldsOf, getField, relationTarget, type FieldDefinition } from "../meta/registry.js";

const FORBIDDEN_FIELDS = ["forwarded_motion_ids"];
const NON_CASCADING_MEETING_LISTS = ["poll_candidate_list_ids", "poll_candidate_ids"];
const HISTORY_FIELDS: Record<string, string[]> = {
  meeting: ["relevant_history_entry_ids"],
  user: ["history_entry_ids", "history_position_ids"],
  motion: ["history_entry_ids"],
  assignment: ["history_entry_ids"],
};
const USER_LIMITED_LISTS: Array<[collection: string, field: string]> = [
  ["meeting_user", "meeting_user_ids"],
  ["poll", "poll_voted_ids"],
  ["option", "option_ids"],
  ["vote", "vote_ids"],
  ["poll_candidate", "poll_candidate_ids"],
  ["vote", "delegated_vote_ids"],
];

/** What the export reads: the database, or an action's reader through its request's changes. */
export interface ExportReader {
  get(fqid: string, fields: string[]): Promise<Model | undefined>;
  getMany(collection: string, ids: number[], fields: string[]): Promise<Map<number, Model>>;
  filter(collection: string, filter: Filter | undefined, fields: string[]): Promise<Map<number, Model>>;
}

export type ExportData = { _migration_index: number } & Record<string, Record<string, Model> | number>;

export interface ExportOptions {
  /** The target is this organization: keep gender_id instead of the gender's name. */
  internalTarget?: boolean;
  /** Add published organization mediafiles (and their folders) the meeting uses. */
  updateMediafiles?: boolean;
  /** Timestamps as unix seconds instead of ISO strings. */
  unixTimestamps?: boolean;
}

/** Writable fields, without the database-computed relation lists that nobody writes. */
export function exportFields(collection: string): string[] {
  const storage = STORAGE[collection]?.fields ?? {};
  return fieldsOf(collection)
    .filter((field) => !field.calculated && !(field.type === "relation-list" && field.readOnly && ["sql", "reverse"].includes(storage[field.name]?.kind ?? "")))
    .map((field) => field.name);
}

/** The meeting's relation lists whose models belong to the export. */
function exportedRelationLists(): FieldDefinition[] {
  return fieldsOf("meeting").filter(
    (field) =>
      field.type === "relation-list" &&
      !HISTORY_FIELDS.meeting!.includes(field.name) &&
      ((field.relation?.onDelete === "CASCADE" && field.name.endsWith("_ids")) || NON_CASCADING_MEETING_LISTS.includes(field.name)),
  );
}

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

function withoutEmpty(model: Model, drop: string[] = []): Model {
  return Object.fromEntries(Object.entries(model).filter(([key, value]) => value !== null && value !== undefined && !drop.includes(key)));
}

function byId(models: Map<number, Model>, drop: string[] = []): Record<string, Model> {
  return Object.fromEntries([...models].sort(([a], [b]) => a - b).map(([id, model]) => [String(id), withoutEmpty(model, drop)]));
}

export async function exportMeeting(db: ExportReader, meetingId: number, options: ExportOptions = {}): Promise<ExportData> {
  const meetingFields = exportFields("meeting").filter((name) => !FORBIDDEN_FIELDS.includes(name));
  const meeting = await db.get(`meeting/${meetingId}`, meetingFields);
  if (!meeting) throw new Error(`Model 'meeting/${meetingId}' does not exist.`);
  const exported: ExportData = { _migration_index: MIGRATION_INDEX, meeting: byId(new Map([[meetingId, meeting]]), [...FORBIDDEN_FIELDS, ...HISTORY_FIELDS.meeting!]) };

  const loaded = new Map<string, Map<number, Model>>();
  for (const field of exportedRelationLists()) {
    const target = relationTarget(field)!;
    const wanted = ids(meeting[field.name]);
    const models = loaded.get(target) ?? new Map<number, Model>();
    if (wanted.length > 0) for (const [id, model] of await db.getMany(target, wanted, exportFields(target))) models.set(id, model);
    loaded.set(target, models);
  }
  if (options.updateMediafiles) await addPublishedMediafiles(db, loaded);
  for (const [collection, models] of loaded) exported[collection] = byId(models, HISTORY_FIELDS[collection] ?? []);

  await addUsers(db, exported, meetingId, collectUserIds(exported, meeting), Boolean(options.internalTarget));
  convertTimestamps(exported, Boolean(options.unixTimestamps));
  return exported;
}

/** Meeting mediafiles of published organization files point outside: bring those files and their folder trees. */
async function addPublishedMediafiles(db: ExportReader, loaded: Map<string, Map<number, Model>>): Promise<void> {
  const mediafiles = loaded.get("mediafile") ?? new Map<number, Model>();
  const meetingMediafiles = loaded.get("meeting_mediafile") ?? new Map<number, Model>();
  const foreign = [...meetingMediafiles].filter(([, model]) => !mediafiles.has(Number(model.mediafile_id)));
  if (foreign.length === 0) return;
  const known = new Map<number, Model>();
  let next = foreign.map(([, model]) => Number(model.mediafile_id));
  while (next.length > 0) {
    for (const [id, model] of await db.getMany("mediafile", next, ["id", "owner_id", "published_to_meetings_in_organization_id", "parent_id", "child_ids", "title"])) known.set(id, model);
    next = [...new Set([...known.values()].flatMap((model) => [...(model.parent_id ? [Number(model.parent_id)] : []), ...ids(model.child_ids)]))].filter((id) => !known.has(id));
  }
  for (const [meetingMediafileId, model] of foreign) {
    let mediafile = known.get(Number(model.mediafile_id));
    if (!mediafile || mediafile.owner_id !== "organization/1" || mediafile.published_to_meetings_in_organization_id !== 1) continue;
    mediafile.meeting_mediafile_ids = [meetingMediafileId];
    mediafiles.set(Number(model.mediafile_id), mediafile);
    while (mediafile?.parent_id && !mediafiles.has(Number(mediafile.parent_id))) {
      const parent: Model = known.get(Number(mediafile.parent_id))!;
      mediafiles.set(Number(mediafile.parent_id), parent);
      const descendants = [...ids(parent.child_ids)];
      while (descendants.length > 0) {
        const id = descendants.pop()!;
        if (mediafiles.has(id)) continue;
        const descendant = known.get(id)!;
        mediafiles.set(id, descendant);
        descendants.push(...ids(descendant.child_ids));
      }
      mediafile = parent;
    }
  }
  loaded.set("mediafile", mediafiles);
}

/** Every user the exported models point to, directly or through a meeting user. */
function collectUserIds(exported: ExportData, meeting: Model): Set<number> {
  const userIds = new Set(ids(meeting.user_ids));
  const meetingUsers = (exported.meeting_user ?? {}) as Record<string, Model>;
  const userOfMeetingUser = (id: unknown) => meetingUsers[String(id)]?.user_id as number | undefined;
  for (const [collection, models] of Object.entries(exported)) {
    if (collection === "_migration_index") continue;
    for (const field of fieldsOf(collection)) {
      if (!field.relation) continue;
      const target = relationTarget(field);
      for (const model of Object.values(models as Record<string, Model>)) {
        const value = model[field.name];
        if (value === null || value === undefined) continue;
        if (target === "user") for (const id of field.type === "relation" ? [value] : ids(value)) userIds.add(Number(id));
        if (target === "meeting_user") {
          for (const id of field.type === "relation" ? [value] : ids(value)) {
            const userId = userOfMeetingUser(id);
            if (userId) userIds.add(userId);
          }
        }
        if (field.type === "generic-relation" && typeof value === "string") {
          const [targetCollection, id] = value.split("/");
          if (targetCollection === "user") userIds.add(Number(id));
          if (targetCollection === "meeting_user") {
            const userId = userOfMeetingUser(id);
            if (userId) userIds.add(userId);
          }
        }
      }
    }
  }
  return userIds;
}

async function addUsers(db: ExportReader, exported: ExportData, meetingId: number, userIds: Set<number>, internalTarget: boolean): Promise<void> {
  if (userIds.size === 0) return;
  const users = await db.getMany("user", [...userIds], exportFields("user"));
  const genders = internalTarget ? new Map<number, Model>() : await db.filter("gender", undefined, ["name"]);
  for (const user of users.values()) {
    user.is_present_in_meeting_ids = ids(user.is_present_in_meeting_ids).includes(meetingId) ? [meetingId] : null;
    if (!internalTarget && user.gender_id) {
      user.gender = genders.get(Number(user.gender_id))?.name ?? null;
      delete user.gender_id;
    }
    for (const [collection, field] of USER_LIMITED_LISTS) {
      const present = (exported[collection] ?? {}) as Record<string, Model>;
      user[field] = ids(user[field]).filter((id) => present[String(id)]);
    }
  }
  exported.user = Object.fromEntries(
    [...users].sort(([a], [b]) => a - b).map(([id, user]) => {
      const kept = withoutEmpty(user, HISTORY_FIELDS.user);
      for (const [, field] of USER_LIMITED_LISTS) kept[field] = user[field];
      if ("is_present_in_meeting_ids" in user) kept.is_present_in_meeting_ids = user.is_present_in_meeting_ids;
      if ("gender" in user) kept.gender = user.gender;
      return [String(id), kept];
    }),
  );
}

/** Unix seconds to `2011-11-11T10:11:11+00:00` (or left as numbers). */
function convertTimestamps(exported: ExportData, unix: boolean): void {
  if (unix) return;
  for (const [collection, models] of Object.entries(exported)) {
    if (collection === "_migration_index") continue;
    for (const model of Object.values(models as Record<string, Model>)) {
      for (const [name, value] of Object.entries(model)) {
        if (typeof value === "number" && getField(collection, name)?.type === "timestamp") {
          model[name] = new Date(value * 1000).toISOString().replace(/\.\d{3}Z$/, "+00:00");
        }
      }
    }
  }
}

/**
 * The fractions of a second of the exported ISO timestamps, as upstream's isoformat() writes
 * them (`2002-10-01T13:37:59.687459+00:00`; none when the fraction is zero). Reads give whole
 * seconds, so the exact values are read again here, as whole microseconds (exact in SQL).
 */
export async function addTimestampFractions(db: { query<Row>(sql: string, params?: unknown[]): Promise<Row[]> }, exported: ExportData): Promise<void> {
  for (const [collection, models] of Object.entries(exported)) {
    if (collection === "_migration_index" || typeof models !== "object") continue;
    const storage = STORAGE[collection];
    if (!storage) continue;
    const columns = Object.entries(storage.fields).flatMap(([name, field]) =>
      field.kind === "column" && getField(collection, name)?.type === "timestamp" ? [[name, field.column] as const] : [],
    );
    const ids = Object.keys(models).map(Number);
    if (columns.length === 0 || ids.length === 0) continue;
    const select = columns.map(([name, column], i) => `(extract(epoch from "${column}") * 1000000)::bigint::text AS t${i}`).join(", ");
    const rows = await db.query<Record<string, string | null>>(`SELECT id, ${select} FROM "${storage.table}" WHERE id = ANY($1::int[])`, [ids]);
    for (const row of rows) {
      const model = (models as Record<string, Model>)[String(row.id)];
      if (!model) continue;
      columns.forEach(([name], i) => {
        const micros = row[`t${i}`];
        if (micros === null || micros === undefined || typeof model[name] !== "string") return;
        const fraction = ((BigInt(micros) % 1000000n) + 1000000n) % 1000000n;
        if (fraction !== 0n) model[name] = (model[name] as string).replace(/\+00:00$/, `.${fraction.toString().padStart(6, "0")}+00:00`);
      });
    }
  }
}
