// What an action is: plain data (name, collection, schema, permission) plus optional hook
// functions that describe where it deviates from the generic create / update / delete.
import type { Model, WriteEvent } from "../../db/types.js";
import type { OverlayReader } from "./overlay.js";
import type { RequestContext } from "./request.js";

export type Instance = Record<string, unknown>;
export type ResultElement = Record<string, unknown> | null;
export type JsonSchema = Record<string, unknown>;
/** fqid -> history entries (first a template, then its arguments). */
export type HistoryInformation = Record<string, string[]>;

/**
 * public: client route and internal route. backend_internal: only as sub-action (internal
 * route in development mode). stack_internal: internal route only. unregistered: a helper that
 * other actions run but that no route, /info or cascade can reach (upstream's unregistered classes).
 */
export type ActionVisibility = "public" | "backend_internal" | "stack_internal" | "unregistered";

export type ActionKind = "create" | "update" | "delete" | "custom";

/** A meeting permission ("agenda_item.can_manage") or an organization management level. */
export type PermissionRule = string | { organizationManagementLevel: string };

export type InstanceHook = (ctx: ActionContext, instance: Instance) => Promise<Instance | void> | Instance | void;
export type ItemHook = (ctx: ActionContext, item: Instance) => Promise<void> | void;

export interface ActionDefinition {
  /** "<collection>.<verb>" */
  name: string;
  /** The collection whose models the action creates, updates or deletes. */
  collection: string;
  kind: ActionKind;
  visibility?: ActionVisibility;
  /** JSON schema of one data item. */
  schema: JsonSchema;
  /** Exactly one data item; may appear only once in an atomic request. */
  singular?: boolean;
  /** The item's keys are not model fields (the action maps them to fields and validates those itself). */
  payloadIsNotModelFields?: boolean;

  /** Checks of one item after the schema, before the archived-meeting and permission checks (upstream validate_instance). */
  validate?: ItemHook;
  /** Generic permission check per item; absent and no checkPermissions → always denied. */
  permission?: PermissionRule;
  /** Replaces the generic permission check. Throw a PermissionDeniedError / MissingPermission. */
  checkPermissions?: ItemHook;
  /** Where the meeting of an item comes from when it has no meeting_id (default: the model with item.id). */
  meetingOf?: { collection: string; idField: string } | ((ctx: ActionContext, item: Instance) => Promise<number | undefined>);
  skipArchivedMeetingCheck?: boolean;
  /** Archive check over item.meeting_ids instead of the single meeting. */
  archivedCheckUsesMeetingIds?: boolean;

  /** Performance only: read ahead what the items will need. */
  prefetch?: (ctx: ActionContext, data: Instance[]) => Promise<void>;
  /** After validation and permission checks, before instances are built (create reserves ids before this). */
  prepareData?: (ctx: ActionContext, data: Instance[]) => Promise<Instance[]> | Instance[];
  /**
   * Replaces the one-instance-per-item default (upstream get_updated_instances). Unless
   * instancesAreOriginal is set, results are null and the data index is not tracked.
   */
  instances?: (ctx: ActionContext, data: Instance[]) => Promise<Instance[]> | Instance[];
  instancesAreOriginal?: boolean;
  /** Steps run on every instance before it becomes an event (upstream update_instance), in order. */
  updateInstance?: InstanceHook | InstanceHook[];
  /** Create only: steps run after the new model is in the overlay (dependent sub-actions). */
  afterCreate?: InstanceHook[];
  /** Custom kind: the events of one instance. */
  createEvents?: (ctx: ActionContext, instance: Instance) => Promise<WriteEvent[]> | WriteEvent[];
  /** Result element per original instance (create default {id}, else null). */
  result?: (ctx: ActionContext, instance: Instance) => ResultElement;

  /** History text written for every instance (or per model of historyRelationField). */
  history?: string;
  historyRelationField?: string;
  addSelfHistory?: boolean;
  ownHistoryFirst?: boolean;
  /** Replaces the generic history information. */
  historyInformation?: (ctx: ActionContext) => Promise<HistoryInformation | undefined> | HistoryInformation | undefined;

  /** Run after all actions of the request succeeded, before commit. */
  onSuccess?: (ctx: ActionContext, data: Instance[]) => Promise<void> | void;
  /** Run when this action raised an ActionError. */
  onFailure?: (ctx: ActionContext, data: Instance[]) => Promise<void> | void;
}

export interface SubActionOptions {
  skipArchivedMeetingCheck?: boolean;
  skipHistory?: boolean;
}

/** What a hook can use while one action runs. */
export interface ActionContext {
  readonly action: ActionDefinition;
  readonly request: RequestContext;
  readonly userId: number;
  readonly internal: boolean;
  readonly isSubAction: boolean;
  readonly skipArchivedMeetingCheck: boolean;
  /** Reads through this request's changes. */
  readonly db: OverlayReader;
  /** Index of the data item being processed (-1 when not attributable). */
  index: number;
  /** The (validated) data items. */
  readonly data: Instance[];
  /** The instances built from them. */
  readonly instances: Instance[];

  /** Runs another action inside this one (no permission checks); its events join ours. */
  execute(action: ActionDefinition | string, data: Instance[], options?: SubActionOptions): Promise<ResultElement[] | null>;
  /** The meeting of an item: item.meeting_id or the model's meeting (see meetingOf). */
  meetingIdOf(item: Instance): Promise<number>;
  reserveIds(collection: string, count: number): Promise<number[]>;
  /** Adds an event and applies its fields to the overlay. */
  emit(event: WriteEvent): void;
  /** Puts fields into the overlay without an event. */
  applyToOverlay(fqid: string, fields: Model): void;
  isToBeDeleted(fqid: string): boolean;
}
