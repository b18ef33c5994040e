// The life-cycle of one action over its data items (spec action-service 3.2): validate, check
// the archive state and permissions per item, build instances, run the generic create / update /
// delete mechanics with the action's hooks, maintain relations, collect events, results, history.
import type { Model, WriteEvent } from "../../db/types.js";
import { ActionError, PermissionDeniedError } from "../errors.js";
import { deleteInstance } from "./delete.js";
import { fqidOf, relationValueToFqids } from "./fqid.js";
import { historyEvents, mergeHistory } from "./history.js";
import { collectionMeta, fieldMeta } from "./model-meta.js";
import { hasOrganizationManagementLevel, hasPerm, missingOrganizationManagementLevel, missingPermission, MissingPermissionError } from "./permissions.js";
import { findAction } from "./registry.js";
import { relationUpdates } from "./relations.js";
import type { RequestContext } from "./request.js";
import type { ActionContext, ActionDefinition, HistoryInformation, Instance, InstanceHook, ResultElement, SubActionOptions } from "./types.js";
import { compileValidator, validateModelFields, type Validator } from "./validation.js";
import { orderEvents, validateEvents } from "./write-request.js";

export interface PerformOptions {
  internal: boolean;
  isSubAction: boolean;
  skipArchivedMeetingCheck?: boolean;
}

export interface ActionOutcome {
  action: ActionDefinition;
  events: WriteEvent[];
  results: ResultElement[] | null;
  history?: HistoryInformation;
  /** Top-level only: the action's onSuccess hook bound to its data. */
  onSuccess?: () => Promise<void> | void;
}

const itemValidators = new WeakMap<ActionDefinition, Validator>();

function itemValidator(action: ActionDefinition): Validator {
  let validator = itemValidators.get(action);
  if (!validator) itemValidators.set(action, (validator = compileValidator(action.schema)));
  return validator;
}

export async function performAction(
  request: RequestContext,
  action: ActionDefinition,
  payloadData: Instance[],
  options: PerformOptions,
): Promise<ActionOutcome> {
  const data = structuredClone(payloadData);
  const run = new ActionRun(request, action, data, options);
  try {
    const outcome = await run.perform();
    // Top level: the merged events are checked here, so errors keep the last item's index as upstream.
    if (!options.isSubAction) validateEvents(outcome.events);
    return outcome;
  } catch (error) {
    if (!options.isSubAction && error instanceof ActionError) {
      if (run.index > -1) error.actionDataErrorIndex = run.index;
      await action.onFailure?.(run, data);
    }
    throw error;
  }
}

class ActionRun implements ActionContext {
  index = 0;
  instances: Instance[] = [];
  readonly events: WriteEvent[] = [];
  readonly results: ResultElement[] = [];
  readonly cascadedHistory: HistoryInformation = {};
  readonly skipArchivedMeetingCheck: boolean;

  constructor(
    readonly request: RequestContext,
    readonly action: ActionDefinition,
    public data: Instance[],
    private readonly options: PerformOptions,
  ) {
    this.skipArchivedMeetingCheck = Boolean(options.skipArchivedMeetingCheck || action.skipArchivedMeetingCheck);
  }

  get userId(): number {
    return this.request.userId;
  }
  get internal(): boolean {
    return this.options.internal;
  }
  get isSubAction(): boolean {
    return this.options.isSubAction;
  }
  get db() {
    return this.request.db;
  }

  async perform(): Promise<ActionOutcome> {
    const { action } = this;
    await action.prefetch?.(this, this.data);
    for (const [i, item] of this.data.entries()) {
      this.validateItem(item);
      if (!action.payloadIsNotModelFields) this.data[i] = await validateModelFields(action.collection, item);
      await action.validate?.(this, this.data[i]!);
      await this.checkArchivedMeeting(item);
      if (!this.internal && action.visibility !== "backend_internal") await this.checkPermissions(item);
      this.index++;
    }
    this.index = -1;

    if (action.kind === "create" && this.data.length > 0) {
      const ids = await this.reserveIds(action.collection, this.data.length);
      this.data.forEach((item, i) => (item.id = ids[i]));
    }
    if (action.prepareData) this.data = await action.prepareData(this, this.data);
    if (action.singular) assertSingular(this.data);

    const original = !action.instances || action.instancesAreOriginal === true;
    this.instances = action.instances ? await action.instances(this, structuredClone(this.data)) : structuredClone(this.data);
    for (const [i, given] of this.instances.entries()) {
      if (original) this.index++;
      const instance = await this.baseUpdateInstance(given);
      this.instances[i] = instance;
      this.events.push(...(await relationUpdates(this.request, action.collection, instance)));
      for (const event of await this.createEvents(instance)) this.emit(event);
      if (original) this.results.push(action.result ? action.result(this, instance) : action.kind === "create" ? { id: instance.id } : null);
    }
    return this.buildOutcome(original);
  }

  private validateItem(item: Instance): void {
    const message = itemValidator(this.action)(item);
    if (message) throw new ActionError(`Action ${this.action.name}: ${message}`);
  }

  private async checkArchivedMeeting(item: Instance): Promise<void> {
    if (this.skipArchivedMeetingCheck) return;
    let meetingIds: number[];
    if (this.action.archivedCheckUsesMeetingIds) {
      meetingIds = (item.meeting_ids as number[] | undefined) ?? [];
    } else {
      const meetingId = await this.meetingIdOf(item);
      if (meetingId === undefined) {
        throw new ActionError(
          `get meeting failed Action: ${this.action.name}. Perhaps you want to use skip_archived_meeting_checks = True attribute`,
        );
      }
      meetingIds = [meetingId];
    }
    const meetings = await this.db.getMany("meeting", meetingIds, ["id", "is_active_in_organization_id", "name"]);
    for (const meeting of meetings.values()) {
      if (!meeting.is_active_in_organization_id) {
        throw new ActionError(`Meeting ${String(meeting.name ?? "")}/${meeting.id} cannot be changed, because it is archived.`);
      }
    }
  }

  private async checkPermissions(item: Instance): Promise<void> {
    const { action } = this;
    try {
      if (action.checkPermissions) return await action.checkPermissions(this, item);
      const rule = action.permission;
      if (typeof rule === "string") {
        if (await hasPerm(this.db, this.userId, rule, await this.meetingIdOf(item))) return;
        throw missingPermission(rule);
      }
      if (rule) {
        if (await hasOrganizationManagementLevel(this.db, this.userId, rule.organizationManagementLevel)) return;
        throw missingOrganizationManagementLevel(rule.organizationManagementLevel);
      }
      throw new PermissionDeniedError(`You are not allowed to perform action ${action.name}.`);
    } catch (error) {
      if (error instanceof MissingPermissionError) {
        throw new MissingPermissionError(`You are not allowed to perform action ${action.name}. ${error.message}`);
      }
      throw error;
    }
  }

  async meetingIdOf(item: Instance): Promise<number> {
    if (item.meeting_id) return item.meeting_id as number;
    const source = this.action.meetingOf;
    if (typeof source === "function") return (await source(this, item)) as number;
    const collection = source?.collection ?? this.action.collection;
    const id = item[source?.idField ?? "id"];
    const model = await this.db.get(fqidOf(collection, Number(id)), ["meeting_id"]);
    return model.meeting_id as number;
  }

  private async baseUpdateInstance(instance: Instance): Promise<Instance> {
    const { action, request } = this;
    switch (action.kind) {
      case "create": {
        const fqid = fqidOf(action.collection, Number(instance.id));
        setDefaults(action.collection, instance);
        instance = await runHooks(this, action.updateInstance, instance);
        request.overlay.markCreated(fqid);
        request.overlay.apply(fqid, instance, true);
        const applied = Object.keys(instance);
        for (const hook of action.afterCreate ?? []) instance = (await hook(this, instance)) ?? instance;
        // Payload-only keys the steps consumed (agenda_*) must not linger in the overlay.
        request.overlay.forget(fqid, applied.filter((key) => !(key in instance)));
        return instance;
      }
      case "update": {
        instance = await runHooks(this, action.updateInstance, instance);
        request.overlay.apply(fqidOf(action.collection, Number(instance.id)), instance);
        return instance;
      }
      case "delete":
        return deleteInstance(this, instance, (ctx, given) => runHooks(ctx, action.updateInstance, given));
      case "custom":
        return runHooks(this, action.updateInstance, instance);
    }
  }

  private async createEvents(instance: Instance): Promise<WriteEvent[]> {
    const { action } = this;
    const fqid = fqidOf(action.collection, Number(instance.id));
    switch (action.kind) {
      case "create":
        return [{ type: "create", fqid, fields: { ...instance } }];
      case "update": {
        const fields = Object.fromEntries(Object.entries(instance).filter(([key]) => key !== "id" && !key.startsWith("meta_")));
        return Object.keys(fields).length > 0 ? [{ type: "update", fqid, fields }] : [];
      }
      case "delete":
        return [{ type: "delete", fqid }];
      case "custom":
        return action.createEvents ? action.createEvents(this, instance) : [];
    }
  }

  emit(event: WriteEvent): void {
    this.events.push(event);
    const { overlay } = this.request;
    if (event.type === "create") {
      if (!overlay.isCreated(event.fqid)) {
        overlay.markCreated(event.fqid);
        overlay.apply(event.fqid, event.fields, true);
      }
    } else if (event.type === "update") {
      if (event.fields) overlay.apply(event.fqid, event.fields);
    } else {
      overlay.markDeleted(event.fqid);
    }
  }

  applyToOverlay(fqid: string, fields: Model): void {
    this.request.overlay.apply(fqid, fields);
  }

  isToBeDeleted(fqid: string): boolean {
    return this.request.overlay.isToBeDeleted(fqid);
  }

  reserveIds(collection: string, count: number): Promise<number[]> {
    return this.request.tx.reserveIds(collection, count);
  }

  async execute(target: ActionDefinition | string, data: Instance[], options: SubActionOptions = {}): Promise<ResultElement[] | null> {
    const action = typeof target === "string" ? findAction(target) : target;
    if (!action) throw new Error(`Unknown sub-action ${String(target)}`);
    const outcome = await performAction(this.request, action, data, {
      internal: true,
      isSubAction: true,
      skipArchivedMeetingCheck: this.skipArchivedMeetingCheck || options.skipArchivedMeetingCheck,
    });
    this.events.push(...outcome.events);
    if (!options.skipHistory) mergeHistory(this.cascadedHistory, outcome.history);
    return outcome.results;
  }

  private async buildOutcome(original: boolean): Promise<ActionOutcome> {
    const results = !original && this.results.length === 0 ? null : this.results;
    const own = await this.historyInformation();
    const history = this.action.ownHistoryFirst
      ? mergeHistory(mergeHistory({}, own), this.cascadedHistory)
      : mergeHistory(mergeHistory({}, this.cascadedHistory), own);
    let events = this.events;
    if (!this.isSubAction && events.length > 0) {
      events = [...events, ...(await historyEvents(this.request, history, orderEvents(events)))];
    }
    const onSuccess = this.action.onSuccess;
    return {
      action: this.action,
      events: orderEvents(events),
      results,
      history: this.isSubAction ? history : undefined,
      onSuccess: onSuccess && !this.isSubAction ? () => onSuccess(this, this.data) : undefined,
    };
  }

  private async historyInformation(): Promise<HistoryInformation | undefined> {
    const { action } = this;
    if (action.historyInformation) return action.historyInformation(this);
    if (action.history === undefined) return undefined;
    const information: HistoryInformation = {};
    const relationName = action.historyRelationField;
    const relation = relationName ? fieldMeta(action.collection, relationName) : undefined;
    for (const instance of this.instances) {
      const fqids: string[] = [];
      if (relation) {
        let value = instance[relation.name];
        if (value === undefined || value === null) {
          const stored = await this.db.get(fqidOf(action.collection, Number(instance.id)), [relation.name], { useChanges: false, optional: true });
          value = stored[relation.name];
        }
        fqids.push(...relationValueToFqids(relation, value));
      }
      if (!relation || action.addSelfHistory) fqids.push(fqidOf(action.collection, Number(instance.id)));
      for (const fqid of fqids) information[fqid] = [action.history];
    }
    return information;
  }
}

async function runHooks(ctx: ActionContext, hooks: InstanceHook | InstanceHook[] | undefined, instance: Instance): Promise<Instance> {
  for (const hook of hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]) {
    instance = (await hook(ctx, instance)) ?? instance;
  }
  return instance;
}

function setDefaults(collection: string, instance: Instance): void {
  for (const field of collectionMeta(collection).fields.values()) {
    if (!(field.name in instance) && field.default !== undefined && field.default !== null) {
      instance[field.name] = structuredClone(field.default);
    }
  }
}

function assertSingular(data: Instance[]): void {
  if (data.length < 1) throw new ActionError("data must contain at least 1 items");
  if (data.length > 1) throw new ActionError("data must contain less than or equal to 1 items");
}

