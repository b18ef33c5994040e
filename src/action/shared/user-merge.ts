// The merge engine of user.merge_together (upstream base_merge_mixin.py and merge_mixins.py):
// per collection, every field belongs to one merge mode; models are merged "by rank" (the primary
// model first, then the others in the given order), sub-models that play the same role are
// merged among themselves (deep merge) or re-created under the primary parent (deep create
// merge), and the resulting creates / updates / deletes are collected per collection.
import type { Model } from "../../db/types.js";
import { ActionError } from "../errors.js";
import { collectionMeta } from "../framework/model-meta.js";
import type { ActionContext, HistoryInformation } from "../framework/types.js";
import { ORGANIZATION_MANAGEMENT_LEVELS } from "../../permissions/index.js";
import { pythonIntSetOrder } from "../../permissions/index.js";

export interface MergeModes {
  /** Left as they are on the primary model. */
  ignore?: string[];
  /** Refused when set on any of the models. */
  error?: string[];
  /** All set values must be equal (unset ones do not count); that value is used. */
  require_equality?: string[];
  /** All values must be equal, unset counting as a value. */
  require_equality_absolute?: string[];
  highest?: string[];
  lowest?: string[];
  /** The value of the highest-ranked model that has one. */
  priority?: string[];
  /** Union of the id lists. */
  merge?: string[];
  /** Sub-models with the same role are merged; the survivors are re-linked to the primary parent. */
  deep_merge?: Record<string, string>;
  /** As deep_merge, but survivors not yet under the primary parent are deleted and created anew. */
  deep_create_merge?: Record<string, string>;
  special_function?: string[];
}

export interface MergeOperations {
  create: Model[];
  update: Model[];
  delete: number[];
}

/** One history group: the merged data, the ids merged (primary first), whether it was moved to the primary parent. */
type HistoryGroup = [data: Model, ids: number[], isTransfer: boolean];

const MOTION_LIST_ITEM_MODES: MergeModes = { ignore: ["meeting_user_id", "meeting_id", "motion_id"], lowest: ["weight"] };

/** The merge modes of every collection user.merge_together touches. */
export const MERGE_MODES: Record<string, MergeModes> = {
  user: {
    ignore: [
      "password", "default_password", "organization_id", "last_email_sent", "last_login", "meeting_ids", "committee_ids",
      "username", "is_active", "is_physical_person", "pronoun", "title", "first_name", "last_name", "gender_id", "email",
      "default_vote_weight", "external", "home_committee_id",
    ],
    error: ["is_demo_user"],
    merge: [
      "committee_management_ids", "history_entry_ids", "history_position_ids", "option_ids", "poll_voted_ids", "vote_ids",
      "delegated_vote_ids", "poll_candidate_ids",
    ],
    deep_create_merge: { meeting_user_ids: "meeting_user" },
    special_function: ["is_present_in_meeting_ids", "organization_management_level", "saml_id", "member_number", "can_change_own_password"],
  },
  meeting_user: {
    ignore: ["user_id", "locked_out"],
    priority: ["comment", "number", "about_me", "vote_weight", "vote_delegated_to_id", "meeting_id"],
    merge: ["vote_delegations_from_ids", "chat_message_ids", "group_ids", "structure_level_ids"],
    deep_merge: {
      assignment_candidate_ids: "assignment_candidate",
      motion_supporter_ids: "motion_supporter",
      motion_editor_ids: "motion_editor",
      motion_submitter_ids: "motion_submitter",
      motion_working_group_speaker_ids: "motion_working_group_speaker",
    },
    deep_create_merge: { personal_note_ids: "personal_note", speaker_ids: "speaker" },
  },
  personal_note: { ignore: ["meeting_user_id", "content_object_id", "meeting_id"], priority: ["note"], highest: ["star"] },
  motion_working_group_speaker: MOTION_LIST_ITEM_MODES,
  motion_editor: MOTION_LIST_ITEM_MODES,
  motion_submitter: MOTION_LIST_ITEM_MODES,
  motion_supporter: { ignore: ["meeting_user_id", "meeting_id", "motion_id"] },
  assignment_candidate: { ignore: ["meeting_user_id", "meeting_id", "assignment_id"], lowest: ["weight"] },
  speaker: {
    ignore: [
      "begin_time", "end_time", "pause_time", "unpause_time", "total_pause", "meeting_user_id", "meeting_id", "point_of_order",
      "list_of_speakers_id", "answer",
    ],
    lowest: ["weight"],
    require_equality_absolute: ["speech_state", "point_of_order_category_id", "structure_level_list_of_speakers_id", "note"],
  },
};

/** The field of a sub-model that points to its parent. */
const BACK_FIELDS: Record<string, string> = {
  meeting_user: "user_id",
  personal_note: "meeting_user_id",
  motion_working_group_speaker: "meeting_user_id",
  motion_editor: "meeting_user_id",
  motion_submitter: "meeting_user_id",
  motion_supporter: "meeting_user_id",
  assignment_candidate: "meeting_user_id",
  speaker: "meeting_user_id",
};

/** Every field of the collection except id (upstream _all_collection_fields). */
export function mergeFields(collection: string): string[] {
  return [...collectionMeta(collection).fields.keys()].filter((field) => field !== "id");
}

/** The fields of a collection that no merge mode covers, or that a mode names but the model lacks. */
export function uncoveredMergeFields(collection: string): string[] {
  const modes = MERGE_MODES[collection]!;
  const covered = new Set<string>();
  for (const group of Object.values(modes)) for (const field of Array.isArray(group) ? group : Object.keys(group)) covered.add(field);
  const fields = new Set(mergeFields(collection));
  return [...[...fields].filter((field) => !covered.has(field)), ...[...covered].filter((field) => !fields.has(field))];
}

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);
const isSet = (value: unknown): boolean => value !== undefined && value !== null;
/** Python truthiness of stored values. */
const truthy = (value: unknown): boolean => (Array.isArray(value) ? value.length > 0 : Boolean(value) && value !== "");

function jsonKey(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export class UserMerge {
  readonly operations: Record<string, MergeOperations> = {};
  readonly historyGroups: Record<string, HistoryGroup[]> = {};
  private readonly meetingSettings = new Map<number, boolean>();

  constructor(private readonly ctx: ActionContext) {
    for (const collection of Object.keys(MERGE_MODES)) {
      this.operations[collection] = { create: [], update: [], delete: [] };
      this.historyGroups[collection] = [];
    }
  }

  /** The models with every merge field, unset fields left out (as the datastore returns them). */
  async models(collection: string, modelIds: number[]): Promise<Map<number, Model>> {
    const found = await this.ctx.db.getMany(collection, [...new Set(modelIds)], ["id", ...mergeFields(collection)]);
    const result = new Map<number, Model>();
    for (const [id, model] of found) {
      result.set(id, Object.fromEntries(Object.entries(model).filter(([, value]) => isSet(value))));
    }
    return result;
  }

  private checkEquality(collection: string, models: Model[], mainId: number, field: string, absolute = false): unknown {
    const values = new Map<string, unknown>();
    for (const model of models) {
      const value = model[field];
      if (isSet(value) || absolute) values.set(jsonKey(value), value ?? null);
    }
    if (values.size > 1) throw new ActionError(`Differing values in field ${field} when merging into ${collection}/${mainId}`);
    return values.size === 1 ? [...values.values()][0] : null;
  }

  /** The new data of the primary model (null: a model to be created from the ranked others). */
  async mergeByRank(collection: string, into: Model | null, rankedOthers: Model[], instance: Model): Promise<Model> {
    const intoDict = into ?? {};
    const mainId = Number(intoDict.id ?? rankedOthers[0]!.id);
    const modes = MERGE_MODES[collection]!;
    const all = [intoDict, ...rankedOthers];
    const present = into ? all : rankedOthers;
    const changes: Model = {};
    for (const field of modes.error ?? []) {
      const model = all.find((candidate) => truthy(candidate[field]));
      if (model) throw new ActionError(`Cannot merge ${collection} models that have ${field} set: Problem in ${collection}/${String(model.id)}`);
    }
    for (const field of modes.require_equality ?? []) {
      const result = this.checkEquality(collection, present, mainId, field);
      if (truthy(result)) changes[field] = result;
    }
    for (const field of modes.require_equality_absolute ?? []) {
      const result = this.checkEquality(collection, present, mainId, field, true);
      if (truthy(result)) changes[field] = result;
    }
    for (const field of modes.special_function ?? []) {
      const result = await this.specialField(collection, field, intoDict, rankedOthers);
      if (isSet(result)) changes[field] = result;
    }
    for (const [field, target] of Object.entries(modes.deep_merge ?? {})) {
      const change = await this.deepMerge(target, field, intoDict, rankedOthers, false);
      if (change) changes[field] = change;
    }
    for (const [field, target] of Object.entries(modes.deep_create_merge ?? {})) {
      await this.deepMerge(target, field, intoDict, rankedOthers, true);
    }
    for (const field of modes.merge ?? []) {
      const union = [...new Set(all.flatMap((model) => ids(model[field])))];
      if (union.length > 0) changes[field] = union.sort((a, b) => a - b);
    }
    for (const field of modes.priority ?? []) {
      const model = all.find((candidate) => truthy(candidate[field]));
      if (model) changes[field] = model[field];
    }
    for (const [category, better] of [
      ["highest", (a: unknown, b: unknown) => (a as number) > (b as number)],
      ["lowest", (a: unknown, b: unknown) => (a as number) < (b as number)],
    ] as const) {
      for (const field of modes[category] ?? []) {
        const values = all.map((model) => model[field]).filter(isSet);
        if (values.length > 0) changes[field] = values.reduce((best, value) => (better(value, best) ? value : best));
      }
    }
    this.operations[collection]!.delete.push(...rankedOthers.map((model) => Number(model.id)));
    for (const [key, value] of Object.entries(instance)) if (key !== "user_ids") changes[key] = value;
    return changes;
  }

  /** Groups the sub-models of `field` by role and merges each group; returns the new id list (deep merge). */
  private async deepMerge(target: string, field: string, into: Model, rankedOthers: Model[], withCreate: boolean): Promise<number[] | null> {
    const allIds = [...ids(into[field]), ...rankedOthers.flatMap((model) => ids(model[field]))];
    const models = await this.models(target, allIds);
    const groups = new Map<string, number[]>();
    for (const id of allIds) {
      const model = models.get(id);
      if (!model) continue;
      const key = await this.comparisonKey(target, model);
      const group = groups.get(key);
      if (!group) groups.set(key, [id]);
      else if (!group.includes(id)) group.push(id);
    }
    const newReferenceIds: number[] = [];
    const intoIds = new Set(ids(into[field]));
    for (const toMerge of groups.values()) {
      let mergeInto = models.get(toMerge[0]!)!;
      let mergeOthers = toMerge.slice(1).map((id) => models.get(id)!);
      const isTransfer = !intoIds.has(toMerge[0]!);
      if (toMerge.length > 1) {
        const asCreate = withCreate && isTransfer;
        if (asCreate) mergeOthers = [mergeInto, ...mergeOthers];
        const result = await this.mergeByRank(target, asCreate ? null : mergeInto, mergeOthers, {});
        if (asCreate) {
          delete result[field];
          for (const ignored of MERGE_MODES[target]!.ignore ?? []) {
            if (isSet(mergeInto[ignored]) && ignored !== BACK_FIELDS[target]) result[ignored] = mergeInto[ignored];
          }
          this.operations[target]!.create.push(result);
        } else {
          result.id = toMerge[0];
          this.operations[target]!.update.push(result);
        }
        this.historyGroups[target]!.push([{ ...mergeInto, ...result }, toMerge, isTransfer]);
      } else if (isTransfer) {
        if (withCreate) {
          mergeInto = { ...mergeInto };
          await this.copyCreate(target, mergeInto);
        }
        this.historyGroups[target]!.push([models.get(toMerge[0]!)!, toMerge, isTransfer]);
      }
      if (!withCreate) newReferenceIds.push(toMerge[0]!);
    }
    return newReferenceIds.length > 0 ? newReferenceIds : null;
  }

  /** A model moves to the primary parent by being deleted and created anew, with its own create-merged sub-models. */
  private async copyCreate(collection: string, model: Model): Promise<void> {
    const id = Number(model.id);
    delete model.id;
    const back = BACK_FIELDS[collection];
    if (back) delete model[back];
    for (const [field, target] of Object.entries(MERGE_MODES[collection]!.deep_create_merge ?? {})) {
      const subIds = ids(model[field]);
      delete model[field];
      if (subIds.length === 0) continue;
      for (const sub of (await this.models(target, subIds)).values()) await this.copyCreate(target, sub);
    }
    this.operations[collection]!.create.push(model);
    this.operations[collection]!.delete.push(id);
  }

  /** Models with the same key play the same role and are merged (upstream get_merge_comparison_hash). */
  private async comparisonKey(collection: string, model: Model): Promise<string> {
    switch (collection) {
      case "meeting_user":
        return `meeting:${String(model.meeting_id)}`;
      case "motion_submitter":
      case "motion_editor":
      case "motion_supporter":
      case "motion_working_group_speaker":
        return `motion:${String(model.motion_id)}`;
      case "assignment_candidate":
        return `assignment:${String(model.assignment_id)}`;
      case "personal_note":
        return `content:${String(model.content_object_id)}`;
      case "speaker": {
        const meetingId = Number(model.meeting_id);
        if (!this.meetingSettings.has(meetingId)) {
          const meeting = await this.ctx.db.get(`meeting/${meetingId}`, ["list_of_speakers_allow_multiple_speakers"]);
          this.meetingSettings.set(meetingId, Boolean(meeting.list_of_speakers_allow_multiple_speakers));
        }
        if (this.meetingSettings.get(meetingId) || isSet(model.end_time) || truthy(model.answer)) return `id:${String(model.id)}`;
        return `list:${String(model.list_of_speakers_id)}:${Boolean(model.point_of_order)}`;
      }
      default:
        return `id:${String(model.id)}`;
    }
  }

  private async specialField(collection: string, field: string, into: Model, rankedOthers: Model[]): Promise<unknown> {
    if (collection !== "user") throw new ActionError(`Function for ${collection} field ${field} not yet implemented`);
    const all = [into, ...rankedOthers];
    switch (field) {
      case "organization_management_level": {
        const levels = all.map((model) => ORGANIZATION_MANAGEMENT_LEVELS.indexOf(model[field] as never)).filter((index) => index >= 0);
        return levels.length > 0 ? ORGANIZATION_MANAGEMENT_LEVELS[Math.max(...levels)] : null;
      }
      case "saml_id":
        if (rankedOthers.some((model) => field in model)) {
          throw new ActionError(`Merge of user/${String(into.id)}: Saml_id may not exist on any user except target.`);
        }
        return null;
      case "is_present_in_meeting_ids": {
        const meetingIds = await this.meetingIdsWithGroups(all);
        const checked = new Set(meetingIds.get(Number(into.id)));
        const presentIn = new Set(ids(into[field]));
        for (const other of rankedOthers) {
          for (const id of ids(other[field])) if (!checked.has(id)) presentIn.add(id);
          for (const id of meetingIds.get(Number(other.id)) ?? []) checked.add(id);
        }
        return pythonIntSetOrder(presentIn);
      }
      case "member_number":
        this.checkEquality(collection, all, Number(into.id), field);
        return null;
      case "can_change_own_password": {
        if (into.saml_id) return null;
        const values = all.map((model) => model[field]).filter(isSet);
        return values.length > 0 ? values.some(Boolean) : null;
      }
      default:
        throw new ActionError(`Function for ${collection} field ${field} not yet implemented`);
    }
  }

  /** Per user, the meetings in which one of their meeting_users has groups. */
  private async meetingIdsWithGroups(users: Model[]): Promise<Map<number, Set<number>>> {
    const meetingUsers = await this.ctx.db.getMany("meeting_user", users.flatMap((user) => ids(user.meeting_user_ids)), ["meeting_id", "group_ids"]);
    return new Map(
      users.map((user) => [
        Number(user.id),
        new Set(
          ids(user.meeting_user_ids)
            .map((id) => meetingUsers.get(id))
            .filter((meetingUser) => meetingUser && ids(meetingUser.group_ids).length > 0 && meetingUser.meeting_id)
            .map((meetingUser) => Number(meetingUser!.meeting_id)),
        ),
      ]),
    );
  }

  /** Upstream get_full_history_information of the merge mixins. */
  historyInformation(): HistoryInformation {
    const information: HistoryInformation = {};
    const assignmentIds = new Set(this.historyGroups.assignment_candidate!.map(([data]) => Number(data.assignment_id)));
    for (const id of assignmentIds) information[`assignment/${id}`] = ["Candidates merged"];
    for (const [collection, text] of [["motion_supporter", "Supporters merged"], ["motion_submitter", "Submitters merged"]] as const) {
      const motionIds = new Set(this.historyGroups[collection]!.map(([data]) => Number(data.motion_id)));
      for (const id of motionIds) information[`motion/${id}`] = [...(information[`motion/${id}`] ?? []), text];
    }
    for (const [data, mergedIds] of this.historyGroups.user!) {
      const mainFqid = `user/${String(data.id)}`;
      const deleted = mergedIds.filter((id) => id !== data.id).map((id) => `user/${id}`);
      const placeholders =
        deleted.length > 2 ? `${deleted.slice(1).map(() => "{}").join(", ")} and {}` : deleted.map(() => "{}").join(" and ");
      information[mainFqid] = [`Updated with data from ${placeholders}`, ...deleted];
      for (const fqid of deleted) information[fqid] = ["Merged into {}", mainFqid];
    }
    return information;
  }
}
