// motion.update: field-level permissions (can_manage all; can_manage_metadata the metadata fields;
// submitters in an allow_submitter_edit state title/text/reason/paragraphs); last_modified; text
// rules; another workflow moves the motion to its first state and clears the recommendation;
// [motion/<id>] in the extensions becomes *_extension_reference_ids; text hash; history per change.
import { hasPerm } from "../../../permissions/index.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, HistoryInformation, Instance } from "../../framework/types.js";
import { attachmentsToMeetingMediafiles } from "../../shared/attachments.js";
import { commonPayloadErrors, DIFF_VERSION_ERROR, extensionReferences, isAllowedAndSubmitter, pythonUtcDatetime, reasonRequired, sanitizeAmendmentParagraphs, setTextHash, setWorkflowTimestamp, truthy } from "../../shared/motion-rules.js";
import { idListSchema, numberStringJsonSchema, optionalIdSchema, updateSchema } from "../../validation/schemas.js";
import { nowTimestamp } from "../../shared/clock.js";

async function payloadErrors(ctx: ActionContext, instance: Instance, meetingId: number): Promise<string[]> {
  const errors: string[] = [];
  let motion: Instance = {};
  if (truthy(instance.text) || truthy(instance.amendment_paragraphs) || truthy(instance.diff_version)) {
    motion = await ctx.db.get(fqidOf("motion", Number(instance.id)), ["text", "amendment_paragraphs", "lead_motion_id"]);
  }
  if (truthy(instance.text) && !truthy(motion.text)) errors.push("Cannot update text, because it was not set in the old values.");
  if (truthy(instance.amendment_paragraphs) && !truthy(motion.amendment_paragraphs)) {
    errors.push("Cannot update amendment_paragraphs, because it was not set in the old values.");
  }
  if (instance.reason === "" && (await reasonRequired(ctx, meetingId))) errors.push("Reason is required to update.");
  if (truthy(instance.diff_version) && (truthy(instance.lead_motion_id) || truthy(motion.lead_motion_id))) errors.push(DIFF_VERSION_ERROR);
  errors.push(...(await commonPayloadErrors(ctx, instance, meetingId)));
  return errors;
}

async function updateMotion(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const timestamp = nowTimestamp();
  instance.last_modified = timestamp;
  const motion = await ctx.db.get(fqidOf("motion", Number(instance.id)), ["meeting_id", "state_id", "lead_motion_id"]);
  const meetingId = Number(motion.meeting_id);
  const [error] = await payloadErrors(ctx, instance, meetingId);
  if (error) throw new ActionError(error);
  if (truthy(instance.amendment_paragraphs)) await sanitizeAmendmentParagraphs(instance);

  const workflowId = instance.workflow_id;
  delete instance.workflow_id;
  if (truthy(workflowId)) {
    const state = await ctx.db.get(fqidOf("motion_state", Number(motion.state_id)), ["workflow_id"]);
    if (workflowId !== state.workflow_id) {
      const workflow = await ctx.db.get(fqidOf("motion_workflow", Number(workflowId)), ["first_state_id"]);
      instance.state_id = workflow.first_state_id;
      instance.recommendation_id = null;
      if (!("workflow_timestamp" in instance)) await setWorkflowTimestamp(ctx, instance, timestamp);
    }
  }

  for (const prefix of ["recommendation", "state"]) {
    const extension = instance[`${prefix}_extension`];
    if (typeof extension !== "string" && extension !== null) continue;
    const motionIds = extensionReferences(extension ?? "").map((fqid) => Number(fqid.slice(fqid.indexOf("/") + 1)));
    const existing = motionIds.length > 0 ? await ctx.db.getMany("motion", motionIds, ["id"]) : new Map();
    instance[`${prefix}_extension_reference_ids`] = [...existing.keys()].map((id) => fqidOf("motion", id));
  }

  // The hash of the new text; identical motions share the meeting and lead motion.
  await setTextHash(ctx, instance, meetingId, motion.lead_motion_id as number | undefined);
  return instance;
}

const METADATA_FIELDS = [
  "category_id", "block_id", "additional_submitter", "recommendation_extension", "start_line_number", "tag_ids", "state_extension",
  "created", "workflow_timestamp",
];
const SUBMITTER_FIELDS = ["title", "text", "reason", "amendment_paragraphs"];

async function checkUpdatePermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const motion = await ctx.db.get(fqidOf("motion", Number(item.id)), ["meeting_id", "state_id", "submitter_ids"]);
  const meetingId = Number(motion.meeting_id);
  if (await hasPerm(ctx.db, ctx.userId, "motion.can_manage", meetingId)) return;
  const allowed = new Set(["id"]);
  if (await hasPerm(ctx.db, ctx.userId, "motion.can_manage_metadata", meetingId)) METADATA_FIELDS.forEach((field) => allowed.add(field));
  if (await isAllowedAndSubmitter(ctx, motion.submitter_ids, Number(motion.state_id))) SUBMITTER_FIELDS.forEach((field) => allowed.add(field));
  const forbidden = Object.keys(item).filter((field) => !allowed.has(field));
  if (forbidden.length > 0) {
    throw new PermissionDeniedError(`You are not allowed to perform action motion.update. Forbidden fields: ${forbidden.join(", ")}`);
  }
}

const GENERIC_UPDATE_FIELDS = [
  "title", "text", "reason", "attachment_meeting_mediafile_ids", "amendment_paragraphs", "workflow_id", "start_line_number", "state_extension",
];

function historyInformation(ctx: ActionContext): HistoryInformation {
  const information: HistoryInformation = {};
  for (const instance of ctx.instances) {
    const entries: string[] = [];
    if ("workflow_timestamp" in instance) {
      const value = instance.workflow_timestamp;
      entries.push("Workflow_timestamp set to {}", typeof value === "number" ? pythonUtcDatetime(value) : String(value));
    }
    for (const [field, collection, verbose] of [
      ["category_id", "motion_category", "Category"],
      ["block_id", "motion_block", "Motion block"],
    ] as const) {
      if (!(field in instance)) continue;
      const value = instance[field];
      if (value === null || value === undefined) entries.push(`${verbose} removed`);
      else entries.push(`${verbose} set to {}`, fqidOf(collection, Number(value)));
    }
    if (GENERIC_UPDATE_FIELDS.some((field) => field in instance)) entries.push("Motion updated");
    if (entries.length > 0) information[fqidOf("motion", Number(instance.id))] = entries;
  }
  return information;
}

export default defineAction({
  name: "motion.update",
  collection: "motion",
  kind: "update",
  schema: updateSchema("motion", {
    optional: [
      "title", "number", "diff_version", "additional_submitter", "text", "reason", "modified_final_version", "state_extension",
      "recommendation_extension", "start_line_number", "category_id", "block_id", "tag_ids", "created", "workflow_timestamp",
    ],
    additionalOptional: {
      workflow_id: optionalIdSchema,
      amendment_paragraphs: numberStringJsonSchema,
      attachment_mediafile_ids: idListSchema,
    },
  }),
  checkPermissions: checkUpdatePermissions,
  updateInstance: [attachmentsToMeetingMediafiles, updateMotion],
  historyInformation,
});
