// Upstream BaseMotionCreateForwarded: what motion.create_forwarded and
// motion.create_forwarded_amendment share. The new motion gets the default (amendment) workflow's
// first state, additional_submitter (forwarding committee's name, or the original submitters'
// names), the original or a fresh number, origin ids, diff_version, text hash and `forwarded`;
// optionally the change recommendations, attachments (shared/forward-mediafiles.ts) and the
// amendments whose state allows forwarding; agenda item and list of speakers like motion.create.
import { hasPerm } from "../../permissions/index.js";
import { ActionError, PermissionDeniedError, pythonList } from "../errors.js";
import { defineAction } from "../framework/define.js";
import { createSchema } from "../framework/schemas.js";
import type { ActionContext, ActionDefinition, HistoryInformation, Instance, ResultElement } from "../framework/types.js";
import { createAgendaItem } from "./agenda-item-creation.js";
import { checkCanForwardWithAttachments, duplicateAttachmentsOfItems, forwardAttachments } from "./forward-mediafiles.js";
import { createListOfSpeakers } from "./list-of-speakers-creation.js";
import { isNumberUnique, setNumber, setTextHash, setWorkflowTimestamp } from "./motion-rules.js";
import { nowTimestamp } from "./clock.js";
import { translate } from "./translations.js";

export const FORWARD_OPTIONS = {
  use_original_submitter: { type: "boolean" },
  use_original_number: { type: "boolean" },
  with_change_recommendations: { type: "boolean" },
  with_attachments: { type: "boolean" },
};

interface Pending {
  withAttachments: boolean;
  markAmendments: boolean;
  withAmendments: boolean;
  useOriginalSubmitter: boolean;
  useOriginalNumber: boolean;
  withChangeRecommendations: boolean;
}

const pending = new WeakMap<Instance, Pending>();
const extraResults = new WeakMap<Instance, { non_forwarded_amendment_amount: number; amendment_result_data: ResultElement[] }>();

async function checkForwardPermission(ctx: ActionContext, item: Instance): Promise<Record<string, unknown>> {
  const origin = await ctx.db.get(`motion/${Number(item.origin_id)}`, ["meeting_id", "lead_motion_id"]);
  if (!(await hasPerm(ctx.db, ctx.userId, "motion.can_forward", origin.meeting_id as number))) {
    throw new PermissionDeniedError(`You are not allowed to perform action ${ctx.action.name}. Missing permission: motion.can_forward`);
  }
  return origin;
}

/** Names of the submitters, like upstream's get_user_verbose_names; a submitter without user is "Deleted user" in `language`. */
async function submitterNames(ctx: ActionContext, meetingUserIds: Array<number | undefined>, language: string): Promise<string> {
  const names: string[] = [];
  for (const meetingUserId of meetingUserIds) {
    if (!meetingUserId) {
      names.push(translate("Deleted user", language));
      continue;
    }
    const meetingUser = await ctx.db.get(`meeting_user/${meetingUserId}`, ["user_id", "structure_level_ids"], { optional: true });
    const userId = meetingUser.user_id as number | undefined;
    if (!userId) continue;
    const user = await ctx.db.get(`user/${userId}`, ["id", "first_name", "last_name", "title", "pronoun"], { optional: true });
    if (Object.keys(user).length === 0) continue;
    const info: string[] = [];
    if (user.pronoun) info.push(String(user.pronoun));
    const levelIds = (meetingUser.structure_level_ids as number[] | undefined) ?? [];
    if (levelIds.length > 0) {
      const levels = await ctx.db.getMany("structure_level", levelIds, ["name"]);
      const levelNames = levelIds.map((id) => levels.get(id)?.name).filter((name): name is string => Boolean(name)).join(", ");
      if (levelNames) info.push(levelNames);
    }
    const suffix = info.length > 0 ? `(${info.join(" · ")})` : "";
    const shortName = !user.first_name && !user.last_name ? `User ${userId}` : `${String(user.first_name ?? "")} ${String(user.last_name ?? "")}`.trim();
    names.push(`${String(user.title ?? "")} ${shortName} ${suffix}`.trim());
  }
  return names.join(", ");
}

/** The target meeting's language, else the organization's default language (upstream's choice, not the request's). */
async function targetLanguage(ctx: ActionContext, meeting: Record<string, unknown>): Promise<string> {
  if (meeting.language) return String(meeting.language);
  const organization = await ctx.db.get("organization/1", ["default_language"], { optional: true });
  return String(organization.default_language ?? "en");
}

async function forwardingCommittee(ctx: ActionContext, instance: Instance): Promise<Record<string, unknown>> {
  const meeting = await ctx.db.get(`meeting/${Number(instance.meeting_id)}`, ["committee_id"]);
  const origin = await ctx.db.get(`motion/${Number(instance.origin_id)}`, ["meeting_id"]);
  const originMeeting = await ctx.db.get(`meeting/${Number(origin.meeting_id)}`, ["committee_id"]);
  const committee = await ctx.db.get(`committee/${Number(originMeeting.committee_id)}`, ["id", "name", "forward_to_committee_ids"]);
  const targets = (committee.forward_to_committee_ids as number[] | undefined) ?? [];
  if (!targets.includes(meeting.committee_id as number)) {
    throw new ActionError(`Committee id ${String(meeting.committee_id)} not in ${pythonList(targets)}`);
  }
  return committee;
}

async function prepareForwarded(ctx: ActionContext, instance: Instance, amendment: boolean): Promise<Instance> {
  const options: Pending = {
    withAttachments: Boolean(instance.with_attachments),
    markAmendments: Boolean(instance.mark_amendments_as_forwarded) || Boolean(instance.marked_forwarded),
    withAmendments: amendment || Boolean(instance.with_amendments),
    useOriginalSubmitter: Boolean(instance.use_original_submitter),
    useOriginalNumber: Boolean(instance.use_original_number),
    withChangeRecommendations: Boolean(instance.with_change_recommendations),
  };
  for (const key of ["with_attachments", "mark_amendments_as_forwarded", "with_amendments", "use_original_submitter", "use_original_number", "with_change_recommendations"]) {
    delete instance[key];
  }
  const meetingId = Number(instance.meeting_id);
  const originFqid = `motion/${Number(instance.origin_id)}`;
  if (!amendment) {
    const origin = await ctx.db.get(originFqid, ["state_id"]);
    const state = await ctx.db.get(`motion_state/${Number(origin.state_id)}`, ["allow_motion_forwarding"]);
    if (!state.allow_motion_forwarding) throw new ActionError("State doesn't allow to forward motion.");
  }
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["motions_default_workflow_id", "motions_default_amendment_workflow_id", "language"]);
  const workflowId = instance.lead_motion_id ? meeting.motions_default_amendment_workflow_id : meeting.motions_default_workflow_id;
  const workflow = await ctx.db.get(`motion_workflow/${Number(workflowId)}`, ["first_state_id"]);
  instance.state_id = workflow.first_state_id ?? null;

  const committee = await forwardingCommittee(ctx, instance);
  const origin = await ctx.db.get(originFqid, ["number", "additional_submitter", "all_origin_ids", "meeting_id", "diff_version"]);
  if (options.useOriginalSubmitter) {
    const submitters = await ctx.db.filter("motion_submitter", { field: "motion_id", operator: "=", value: Number(instance.origin_id) }, ["meeting_user_id", "weight"]);
    const sorted = [...submitters.values()].sort((a, b) => ((a.weight as number) || 10000) - ((b.weight as number) || 10000));
    const meetingUserIds = sorted.map((submitter) => submitter.meeting_user_id as number | undefined);
    if (meetingUserIds.length > 0) instance.additional_submitter = await submitterNames(ctx, meetingUserIds, await targetLanguage(ctx, meeting));
    if (origin.additional_submitter) {
      instance.additional_submitter = instance.additional_submitter
        ? `${String(instance.additional_submitter)}, ${String(origin.additional_submitter)}`
        : origin.additional_submitter;
    }
  } else {
    instance.additional_submitter = committee.name ?? `Committee ${String(committee.id)}`;
  }

  // number
  const timestamp = nowTimestamp();
  await setWorkflowTimestamp(ctx, instance, timestamp);
  instance.last_modified = timestamp;
  instance.created = timestamp;
  if (options.useOriginalNumber && origin.number) {
    let number = String(origin.number);
    for (let next = 1; !(await isNumberUnique(ctx, number, meetingId, undefined)); next++) number = `${String(origin.number)}-${next}`;
    instance.number = number;
  } else {
    await setNumber(ctx, instance, {
      meetingId,
      stateId: Number(instance.state_id),
      leadMotionId: instance.lead_motion_id as number | undefined,
      categoryId: instance.category_id as number | undefined,
    });
  }
  instance.origin_meeting_id = origin.meeting_id;
  instance.all_origin_ids = [...((origin.all_origin_ids as number[] | undefined) ?? []), Number(instance.origin_id)];
  if (origin.diff_version) instance.diff_version = origin.diff_version;
  await setTextHash(ctx, instance, meetingId, instance.lead_motion_id as number | undefined);
  instance.forwarded = timestamp;
  if (options.withAttachments) {
    await checkCanForwardWithAttachments(ctx);
    await forwardAttachments(ctx, instance);
  }
  pending.set(instance, options);
  return instance;
}

/** After the new motion is in the overlay: change recommendations, then the amendments. */
async function forwardDependents(ctx: ActionContext, instance: Instance, amendmentAction: () => ActionDefinition): Promise<Instance> {
  const options = pending.get(instance)!;
  const originId = Number(instance.origin_id);
  if (options.withChangeRecommendations) {
    const recommendations = await ctx.db.filter(
      "motion_change_recommendation",
      { field: "motion_id", operator: "=", value: originId },
      ["rejected", "internal", "type", "other_description", "line_from", "line_to", "text"],
    );
    const data = [...recommendations.values()].map((recommendation) => {
      const item: Instance = { motion_id: instance.id };
      for (const [key, value] of Object.entries(recommendation)) if (key !== "id" && value !== undefined && value !== null) item[key] = value;
      return item;
    });
    if (data.length > 0) await ctx.execute("motion_change_recommendation.create", data);
  }
  const origin = await ctx.db.get(`motion/${originId}`, ["amendment_ids"]);
  const amendmentIds = (origin.amendment_ids as number[] | undefined) ?? [];
  if (!options.withAmendments) {
    extraResults.set(instance, { non_forwarded_amendment_amount: amendmentIds.length, amendment_result_data: [] });
    return instance;
  }
  const amendments = await ctx.db.getMany("motion", amendmentIds, ["title", "text", "amendment_paragraphs", "reason", "id", "state_id"]);
  const stateIds = [...new Set([...amendments.values()].map((amendment) => amendment.state_id as number | undefined).filter((id): id is number => Boolean(id)))];
  const states = stateIds.length > 0 ? await ctx.db.getMany("motion_state", stateIds, ["allow_amendment_forwarding"]) : new Map();
  const data: Instance[] = [];
  for (const amendment of amendments.values()) {
    const stateId = amendment.state_id as number | undefined;
    if (!stateId || !states.get(stateId)?.allow_amendment_forwarding) continue;
    const item: Instance = {};
    for (const field of ["title", "text", "amendment_paragraphs", "reason"]) if (amendment[field] !== undefined && amendment[field] !== null) item[field] = amendment[field];
    Object.assign(item, {
      lead_motion_id: instance.id,
      origin_id: amendment.id,
      meeting_id: instance.meeting_id,
      use_original_submitter: options.useOriginalSubmitter,
      use_original_number: options.useOriginalNumber,
      with_change_recommendations: options.withChangeRecommendations,
      marked_forwarded: options.markAmendments,
      with_attachments: options.withAttachments,
    });
    data.push(item);
  }
  const results = data.length > 0 ? ((await ctx.execute(amendmentAction(), data)) ?? []) : [];
  extraResults.set(instance, { non_forwarded_amendment_amount: amendments.size - results.length, amendment_result_data: results });
  return instance;
}

function forwardedResult(ctx: ActionContext, instance: Instance): ResultElement {
  const result: Record<string, unknown> = {
    id: instance.id,
    ...(extraResults.get(instance) ?? { non_forwarded_amendment_amount: 0, amendment_result_data: [] }),
  };
  if (ctx.isSubAction) {
    // Only top-level create results get their sequential_number from the write; nested ones here.
    const tx = ctx.request.tx;
    const fqid = `motion/${Number(instance.id)}`;
    ctx.request.onSuccess.push(async () => {
      const stored = await tx.get(fqid, ["sequential_number"]);
      if (stored?.sequential_number !== undefined) result.sequential_number = stored.sequential_number;
    });
  }
  return result;
}

function forwardedHistory(ctx: ActionContext): HistoryInformation {
  const information: HistoryInformation = {};
  for (const instance of ctx.instances) {
    const originFqid = `motion/${Number(instance.origin_id)}`;
    information[originFqid] = [...(information[originFqid] ?? []), "Forwarded to {}", `meeting/${Number(instance.meeting_id)}`];
  }
  for (const instance of ctx.instances) information[`motion/${Number(instance.id)}`] = ["Motion created (forwarded)"];
  return information;
}

export interface ForwardedActionOptions {
  name: string;
  amendment: boolean;
  schema: Record<string, unknown>;
  visibility?: ActionDefinition["visibility"];
  amendmentAction: () => ActionDefinition;
}

export function forwardedMotionAction(options: ForwardedActionOptions): ActionDefinition {
  return defineAction({
    name: options.name,
    collection: "motion",
    kind: "create",
    visibility: options.visibility,
    schema: options.schema,
    checkPermissions: async (ctx, item) => {
      const origin = await checkForwardPermission(ctx, item);
      if (!options.amendment && origin.lead_motion_id) throw new PermissionDeniedError("Amendments cannot be forwarded.");
      if (options.amendment && !origin.lead_motion_id) throw new PermissionDeniedError("Can only forward amendments in internal forward.");
    },
    prepareData: async (ctx, data) => {
      await duplicateAttachmentsOfItems(ctx, data);
      return data;
    },
    updateInstance: (ctx, instance) => prepareForwarded(ctx, instance, options.amendment),
    afterCreate: [(ctx, instance) => forwardDependents(ctx, instance, options.amendmentAction), createAgendaItem(), createListOfSpeakers],
    result: forwardedResult,
    historyInformation: forwardedHistory,
  });
}

export { createSchema };
