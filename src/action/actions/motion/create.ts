// motion.create: payload rules (text xor amendment paragraphs, reason, additional_submitter,
// diff_version), state = first state of the given or default (amendment) workflow, amendments
// inherit the lead's category, created/last_modified/workflow_timestamp, the number rule, text
// hash with identical motions, submitters (weight 1..n) and supporters as sub-actions,
// attachments, agenda item and list of speakers. Non-managers may only send certain fields.
import { findMeetingUser, hasPerm, MissingPermissionError } from "../../../permissions/index.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { agendaCreationProperties, createAgendaItem } from "../../shared/agenda-item-creation.js";
import { attachmentsToMeetingMediafiles } from "../../shared/attachments.js";
import { checkPermAndDelegatorRestriction } from "../../shared/delegator-restriction.js";
import { createListOfSpeakers } from "../../shared/list-of-speakers-creation.js";
import { commonPayloadErrors, DIFF_VERSION_ERROR, reasonRequired, sanitizeAmendmentParagraphs, setNumber, setTextHash, setWorkflowTimestamp, truthy } from "../../shared/motion-rules.js";
import { createSchema, idListSchema, numberStringJsonSchema, optionalIdSchema } from "../../validation/schemas.js";
import motionSubmitterCreate from "../motion_submitter/create.js";
import motionSupporterCreate from "../motion_supporter/create.js";
import { nowTimestamp } from "../../shared/clock.js";

/** Submitter and supporter ids leave the instance before it is stored; they are created after it. */
const pendingMeetingUsers = new WeakMap<Instance, { submitters: number[]; supporters: number[] }>();

async function payloadErrors(ctx: ActionContext, instance: Instance, meetingId: number): Promise<string[]> {
  const errors: string[] = [];
  if (!truthy(instance.title)) errors.push("Title is required");
  if (truthy(instance.lead_motion_id)) {
    if (!truthy(instance.text) && !truthy(instance.amendment_paragraphs)) errors.push("Text or amendment_paragraphs is required in this context.");
    else if (truthy(instance.text) && truthy(instance.amendment_paragraphs)) errors.push("You can't give both of text and amendment_paragraphs");
  } else {
    if (!truthy(instance.text)) errors.push("Text is required");
    if (truthy(instance.amendment_paragraphs)) errors.push("You can't give amendment_paragraphs in this context");
  }
  if (truthy(instance.diff_version) && truthy(instance.lead_motion_id)) errors.push(DIFF_VERSION_ERROR);
  if (!truthy(instance.reason) && (await reasonRequired(ctx, meetingId))) errors.push("Reason is required");
  if ("additional_submitter" in instance) {
    const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["motions_create_enable_additional_submitter_text"]);
    if (!meeting.motions_create_enable_additional_submitter_text) errors.push("This meeting doesn't allow additional_submitter to be set in creation");
  }
  errors.push(...(await commonPayloadErrors(ctx, instance, meetingId)));
  if (instance.workflow_id === undefined || instance.workflow_id === null) {
    const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["motions_default_workflow_id", "motions_default_amendment_workflow_id"]);
    const workflowId = truthy(instance.lead_motion_id) ? meeting.motions_default_amendment_workflow_id : meeting.motions_default_workflow_id;
    if (!workflowId) errors.push("No matching default workflow defined on this meeting");
  }
  return errors;
}

async function prepareMotion(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = Number(instance.meeting_id);
  const [error] = await payloadErrors(ctx, instance, meetingId);
  if (error) throw new ActionError(error);

  if (truthy(instance.lead_motion_id)) {
    if (truthy(instance.text) && "amendment_paragraphs" in instance) delete instance.amendment_paragraphs;
    if (truthy(instance.amendment_paragraphs) && "text" in instance) delete instance.text;
  }
  if (truthy(instance.amendment_paragraphs)) await sanitizeAmendmentParagraphs(instance);
  if (truthy(instance.lead_motion_id) && !("category_id" in instance)) {
    const lead = await ctx.db.get(fqidOf("motion", Number(instance.lead_motion_id)), ["category_id"]);
    instance.category_id = lead.category_id ?? null;
  }

  // State: the first state of the given workflow or of the meeting's default (amendment) workflow.
  let workflowId = instance.workflow_id as number | null | undefined;
  delete instance.workflow_id;
  if (workflowId === undefined || workflowId === null) {
    const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["motions_default_workflow_id", "motions_default_amendment_workflow_id"]);
    workflowId = (truthy(instance.lead_motion_id) ? meeting.motions_default_amendment_workflow_id : meeting.motions_default_workflow_id) as number;
  }
  const workflow = await ctx.db.get(fqidOf("motion_workflow", workflowId), ["first_state_id"]);
  instance.state_id = workflow.first_state_id ?? null;

  pendingMeetingUsers.set(instance, {
    submitters: (instance.submitter_meeting_user_ids as number[] | undefined) ?? [],
    supporters: (instance.supporter_meeting_user_ids as number[] | undefined) ?? [],
  });
  delete instance.submitter_meeting_user_ids;
  delete instance.supporter_meeting_user_ids;

  const timestamp = nowTimestamp();
  await setWorkflowTimestamp(ctx, instance, timestamp);
  instance.last_modified = timestamp;
  instance.created = timestamp;
  await setNumber(ctx, instance, {
    meetingId,
    stateId: Number(instance.state_id),
    leadMotionId: instance.lead_motion_id as number | undefined,
    categoryId: instance.category_id as number | undefined,
  });
  await setTextHash(ctx, instance, meetingId, instance.lead_motion_id as number | undefined);
  return instance;
}

/** After the motion is in the overlay: submitters (weights 1..n) and supporters, without their history. */
async function createSubmittersAndSupporters(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const pending = pendingMeetingUsers.get(instance);
  if (!pending) return instance;
  pendingMeetingUsers.delete(instance);
  let weight = 1;
  for (const meetingUserId of pending.submitters) {
    await ctx.execute(motionSubmitterCreate, [{ motion_id: instance.id, meeting_user_id: meetingUserId, weight: weight++ }], { skipHistory: true });
  }
  if (pending.supporters.length > 0) {
    await ctx.execute(
      motionSupporterCreate,
      pending.supporters.map((meetingUserId) => ({ motion_id: instance.id, meeting_user_id: meetingUserId })),
      { skipHistory: true },
    );
  }
  return instance;
}

/** Fields a caller without motion.can_manage may send (category_id not for amendments). */
const NON_MANAGER_FIELDS = [
  "title", "text", "reason", "lead_motion_id", "amendment_paragraphs", "category_id", "workflow_id", "id", "meeting_id",
  "submitter_meeting_user_ids", "diff_version",
];

async function checkCreatePermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const meetingId = Number(item.meeting_id);
  const can = (permission: string) => hasPerm(ctx.db, ctx.userId, permission, meetingId);
  const base = item.lead_motion_id ? "motion.can_create_amendments" : "motion.can_create";
  if (!(await can(base))) throw MissingPermissionError.single(base);

  const submitters = (item.submitter_meeting_user_ids as number[] | undefined) ?? [];
  if (submitters.length > 0) {
    let others = submitters.length > 1;
    if (!others) {
      const own = await findMeetingUser(ctx.db, meetingId, ctx.userId, ["id"]);
      others = submitters[0] !== own?.id;
    }
    if (others) {
      const missing: Array<[string, number]> = [];
      for (const permission of ["user.can_see", "motion.can_manage_metadata"]) if (!(await can(permission))) missing.push([permission, meetingId]);
      if (missing.length > 0) throw MissingPermissionError.allOf(missing);
    }
  }

  // Field whitelist: each field may need several permissions.
  const whitelist = new Set<string>();
  const forbidden = new Map<string, Set<string>>();
  const forbid = (field: string, permission: string) => forbidden.set(field, (forbidden.get(field) ?? new Set()).add(permission));
  const permissionFields: Array<[string, string[]]> = [
    ["agenda_item.can_manage", Object.keys(agendaCreationProperties)],
    ["mediafile.can_see", ["attachment_mediafile_ids"]],
    ["motion.can_manage_metadata", ["additional_submitter"]],
  ];
  for (const [permission, fields] of permissionFields) {
    const has = await can(permission);
    for (const field of fields) {
      if (has) {
        if (!forbidden.has(field)) whitelist.add(field);
      } else if (field in item) {
        forbid(field, permission);
        whitelist.delete(field);
      }
    }
  }
  const managing = await checkPermAndDelegatorRestriction(ctx, "motion.can_manage", "users_forbid_delegator_as_submitter", [meetingId]);
  if (managing.length === 0) {
    for (const field of NON_MANAGER_FIELDS) whitelist.add(field);
    if (item.lead_motion_id) whitelist.delete("category_id");
    for (const field of Object.keys(item)) if (!whitelist.has(field)) forbid(field, "motion.can_manage");
  }
  if (forbidden.size > 0) {
    const parts = [...forbidden].map(([field, permissions]) => `${field} with possibly needed permission(s): ${[...permissions].sort().join(", ")}`);
    throw new PermissionDeniedError(`You are not allowed to perform action motion.create. Forbidden fields: ${parts.join(", ")}`);
  }
}

export default defineAction({
  name: "motion.create",
  collection: "motion",
  kind: "create",
  schema: createSchema("motion", {
    required: ["meeting_id", "title"],
    optional: [
      "number", "diff_version", "additional_submitter", "sort_parent_id", "category_id", "block_id", "tag_ids", "text",
      "lead_motion_id", "reason", "amendment_paragraphs",
    ],
    additionalOptional: {
      workflow_id: optionalIdSchema,
      submitter_meeting_user_ids: idListSchema,
      amendment_paragraphs: numberStringJsonSchema,
      attachment_mediafile_ids: idListSchema,
      supporter_meeting_user_ids: idListSchema,
      ...agendaCreationProperties,
    },
  }),
  checkPermissions: checkCreatePermissions,
  updateInstance: [prepareMotion, attachmentsToMeetingMediafiles],
  afterCreate: [createSubmittersAndSupporters, createAgendaItem(), createListOfSpeakers],
  history: "Motion created",
});
