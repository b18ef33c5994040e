// What meeting.clone and meeting.import share (upstream MeetingImport): a meeting export (models
// map) gets fresh ids for every model (users may be merged into existing ones), every relation
// inside the data is rewritten to the new ids, and the result becomes create events; relations
// pointing out of the data (committee, organization, tags, existing users, genders, organization
// mediafiles) are maintained on the other side with the framework's relation maintenance.
import { CheckError, checkModels, MEETING_COLLECTIONS, type CheckOptions } from "../../checker/checker.js";
import type { Model, WriteEvent } from "../../db/types.js";
import type { ExportReader } from "../../export/export-meeting.js";
import { STORAGE } from "../../meta/generated/storage.js";
import { fieldsOf, getField, isGeneric, relationTarget } from "../../meta/registry.js";
import { ActionError } from "../errors.js";
import { relationUpdates } from "../framework/relations.js";
import type { ActionContext } from "../framework/types.js";

export type MeetingJson = Record<string, Record<string, Model>> & { _migration_index?: unknown };
/** collection -> old id -> new id */
export type ReplaceMap = Map<string, Map<number, number>>;

/** The collections the checker allows in a meeting export (upstream Checker.allowed_collections). */
export const MEETING_IMPORT_COLLECTIONS = MEETING_COLLECTIONS;

const EXTENSION_REFERENCE = /\[([a-z](?:[a-z_]+[a-z])?)\/([1-9][0-9]*)\]/g;

export function collectionsOf(json: MeetingJson): string[] {
  return Object.keys(json).filter((name) => !name.startsWith("_"));
}

/** The one meeting of the data (upstream get_meeting_from_json). */
export function meetingOf(json: MeetingJson): Model {
  const meetings = json.meeting ?? {};
  return meetings[Object.keys(meetings)[0]!]!;
}

export function checkOneMeeting(json: MeetingJson): void {
  if (Object.keys(json.meeting ?? {}).length !== 1) throw new ActionError("Need exactly one meeting in meeting collection.");
}

/** The models checker with upstream's ActionException wrapping. */
export function runChecker(json: MeetingJson, options: CheckOptions): void {
  try {
    checkModels(json, options);
  } catch (error) {
    if (error instanceof CheckError) throw new ActionError(error.message);
    throw error;
  }
}

/** upstream check_limit_of_meetings (read from the stored state). */
export async function checkLimitOfMeetings(ctx: ActionContext, text = "import", text2 = "active "): Promise<void> {
  const organization = (await ctx.request.tx.get("organization/1", ["active_meeting_ids", "limit_of_meetings"])) ?? {};
  const limit = Number(organization.limit_of_meetings ?? 0);
  const active = Array.isArray(organization.active_meeting_ids) ? organization.active_meeting_ids.length : 0;
  if (limit && limit === active) {
    throw new ActionError(`You cannot ${text} an ${text2}meeting, because you reached your limit of ${limit} active meetings.`);
  }
}

/** New ids for every model; users in mergeUserMap keep the existing user's id. */
export async function createReplaceMap(ctx: ActionContext, json: MeetingJson, mergeUserMap: Map<number, number>): Promise<ReplaceMap> {
  const replaceMap: ReplaceMap = new Map();
  for (const collection of collectionsOf(json)) {
    const models = Object.values(json[collection] ?? {});
    const map = new Map<number, number>();
    replaceMap.set(collection, map);
    if (models.length === 0) continue;
    if (collection === "user") {
      const fresh = models.filter((model) => !mergeUserMap.has(Number(model.id)));
      const ids = fresh.length > 0 ? await ctx.reserveIds("user", fresh.length) : [];
      let next = 0;
      for (const model of models) {
        const oldId = Number(model.id);
        map.set(oldId, mergeUserMap.get(oldId) ?? ids[next++]!);
      }
    } else {
      const ids = await ctx.reserveIds(collection, models.length);
      models.forEach((model, i) => map.set(Number(model.id), ids[i]!));
    }
  }
  return replaceMap;
}

function mapped(replaceMap: ReplaceMap, collection: string, id: unknown): unknown {
  return replaceMap.get(collection)?.get(Number(id)) ?? id;
}

function mappedFqid(replaceMap: ReplaceMap, value: unknown): unknown {
  if (typeof value !== "string" || !value.includes("/")) return value;
  const [collection, id] = value.split("/");
  return `${collection}/${String(mapped(replaceMap, collection!, id))}`;
}

/** upstream replace_field_ids for one field of one model. */
function replaceField(collection: string, entry: Model, name: string, replaceMap: ReplaceMap, allowed: ReadonlySet<string>): void {
  const field = getField(collection, name);
  if (!field) throw new ActionError(`${collection}/${name} is not allowed.`);
  const value = entry[name];
  if (field.relation) {
    let targets: string[];
    if (isGeneric(field)) {
      const items = Array.isArray(value) ? value : [value];
      targets = items.filter((item): item is string => typeof item === "string").map((item) => item.split("/")[0]!);
    } else {
      targets = Object.keys(field.relation.targets);
    }
    if (targets.every((target) => !allowed.has(target))) return;
  }
  if (name === "id") {
    entry.id = mapped(replaceMap, collection, value);
  } else if (collection === "meeting" && name === "user_ids") {
    entry[name] = null;
  } else if (collection === "user" && name === "meeting_ids") {
    entry[name] = null;
  } else if (collection === "motion" && (name === "recommendation_extension" || name === "state_extension")) {
    if (typeof value === "string" && value) {
      entry[name] = value.replace(EXTENSION_REFERENCE, (_match, target: string, id: string) => `[${target}/${String(mapped(replaceMap, target, id))}]`);
    }
  } else if (field.type === "relation") {
    if (value) entry[name] = mapped(replaceMap, relationTarget(field)!, value);
  } else if (field.type === "relation-list") {
    entry[name] = ((value as unknown[] | null) ?? []).map((id) => mapped(replaceMap, relationTarget(field)!, id));
  } else if (field.type === "generic-relation") {
    if (value) entry[name] = mappedFqid(replaceMap, value);
  } else if (field.type === "generic-relation-list") {
    entry[name] = ((value as unknown[] | null) ?? []).map((item) => mappedFqid(replaceMap, item));
  }
}

/**
 * upstream replace_fields: every model under its new id with its relations rewritten. Returns the
 * new data and the fqids of the models that are new (all but merged users).
 */
export function replaceFields(
  json: MeetingJson,
  replaceMap: ReplaceMap,
  mergeUserMap: Map<number, number>,
  allowed: ReadonlySet<string> = MEETING_IMPORT_COLLECTIONS,
): { json: MeetingJson; created: Set<string> } {
  const result: MeetingJson = {};
  const created = new Set<string>();
  for (const collection of collectionsOf(json)) {
    const models: Record<string, Model> = {};
    for (const entry of Object.values(json[collection] ?? {})) {
      const oldId = Number(entry.id);
      for (const name of Object.keys(entry)) replaceField(collection, entry, name, replaceMap, allowed);
      models[String(entry.id)] = entry;
      if (collection !== "user" || !mergeUserMap.has(oldId)) created.add(`${collection}/${String(entry.id)}`);
    }
    result[collection] = models;
  }
  return { json: result, created };
}

/** Timestamps as unix seconds, the form the database layer and the event check expect. */
export function timestampsToUnix(json: MeetingJson): void {
  for (const collection of collectionsOf(json)) {
    const timestampFields = fieldsOf(collection).filter((field) => field.type === "timestamp").map((field) => field.name);
    if (timestampFields.length === 0) continue;
    for (const model of Object.values(json[collection] ?? {})) {
      for (const name of timestampFields) {
        const value = model[name];
        if (typeof value === "string") {
          const millis = Date.parse(value);
          if (Number.isNaN(millis)) throw new ActionError(`Could not convert value of field ${collection}/${name}. Message: Invalid isoformat string: '${value}'`);
          model[name] = Math.floor(millis / 1000);
        } else if (value instanceof Date) {
          model[name] = Math.floor(value.getTime() / 1000);
        }
      }
    }
  }
}

function withoutEmpty(model: Model): Model {
  return Object.fromEntries(Object.entries(model).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * Create events for the new models, then the other side of every relation that points to a model
 * outside the data (committee.meeting_ids, organization lists, tags, existing users and genders,
 * organization mediafiles), through the framework's relation maintenance.
 */
export async function emitImportEvents(ctx: ActionContext, json: MeetingJson, created: Set<string>): Promise<void> {
  const createdModels: Array<[string, Model]> = [];
  for (const collection of collectionsOf(json)) {
    for (const entry of Object.values(json[collection] ?? {})) {
      const fqid = `${collection}/${String(entry.id)}`;
      if (!created.has(fqid)) continue;
      const fields = withoutEmpty(entry);
      ctx.emit({ type: "create", fqid, fields });
      createdModels.push([collection, fields]);
    }
  }
  const outside: WriteEvent[] = [];
  for (const [collection, model] of createdModels) {
    const external: Model = { id: model.id };
    for (const field of fieldsOf(collection)) {
      if (!field.relation || !(field.name in model)) continue;
      // A view field (the other side stores the relation) says nothing about the outside model.
      if (["reverse", "sql"].includes(STORAGE[collection]?.fields[field.name]?.kind ?? "")) continue;
      const values = Array.isArray(model[field.name]) ? (model[field.name] as unknown[]) : [model[field.name]];
      const pointsOutside = values.some((value) => {
        const fqid = isGeneric(field) ? String(value) : `${relationTarget(field)!}/${String(value)}`;
        return !created.has(fqid);
      });
      if (pointsOutside) external[field.name] = model[field.name];
    }
    if (Object.keys(external).length > 1) outside.push(...(await relationUpdates(ctx.request, collection, external)));
  }
  for (const event of outside) ctx.emit(event);
}

/** The stored state as the export reads it, through this request's changes. */
export function overlayDatabase(ctx: ActionContext): ExportReader {
  return {
    get: async (fqid, fields) => {
      const model = await ctx.db.get(fqid, fields, { optional: true });
      return model && Object.keys(model).length > 0 ? model : undefined;
    },
    getMany: (collection, ids, fields) => ctx.db.getMany(collection, ids, fields),
    filter: (collection, filter, fields) => ctx.db.filter(collection, filter ?? { field: "id", operator: ">=", value: 1 }, fields),
  };
}
