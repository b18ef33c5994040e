// meeting.create: for managers of the committee. Besides the meeting it creates the groups
// Default, Admin, Delegates (external_id "Delegates") and Staff, meeting users for admin_ids and
// user_ids, the countdowns for speakers and votes, the simple and complex workflows and the
// default projector; the organization's meeting limit and template requirement apply.
import { hasOrganizationManagementLevel } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema, idListSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { PROJECTOR_DEFAULT_FOR_FIELDS } from "../../shared/default-projectors.js";
import { checkMeetingManagement, checkStartAndEndTime } from "../../shared/meeting-rules.js";
import { languageOfHeader, translate } from "../../shared/translations.js";
import { getField } from "../../../meta/registry.js";

/** Fields whose default text is stored in the new meeting's language. */
const TRANSLATED_DEFAULTS = [
  "description", "welcome_title", "welcome_text", "motions_preamble", "motions_export_title", "assignments_export_title",
  "users_pdf_welcometitle", "users_pdf_welcometext", "users_email_sender", "users_email_subject", "users_email_body",
];

/** The rest of the request speaks the meeting's language (as upstream's translator does). */
function translateDefaults(ctx: ActionContext, data: Instance[]): Instance[] {
  for (const item of data) {
    ctx.request.language = languageOfHeader(String(item.language)) ?? "en";
    for (const field of TRANSLATED_DEFAULTS) {
      const fallback = getField("meeting", field)?.default;
      if (!(field in item) && typeof fallback === "string" && fallback) item[field] = translate(fallback, ctx.request.language);
    }
  }
  return data;
}

const DEFAULT_GROUPS: Array<{ name: string; permissions?: string[] }> = [
  {
    name: "Default",
    permissions: ["agenda_item.can_see", "assignment.can_see", "meeting.can_see_autopilot", "meeting.can_see_frontpage", "motion.can_see", "projector.can_see"],
  },
  { name: "Admin" },
  {
    name: "Delegates",
    permissions: [
      "agenda_item.can_see",
      "assignment.can_see",
      "list_of_speakers.can_see",
      "list_of_speakers.can_be_speaker",
      "mediafile.can_see",
      "meeting.can_see_autopilot",
      "meeting.can_see_frontpage",
      "motion.can_see",
      "projector.can_see",
    ],
  },
  {
    name: "Staff",
    permissions: [
      "agenda_item.can_manage",
      "assignment.can_manage",
      "assignment.can_manage_polls",
      "list_of_speakers.can_manage",
      "mediafile.can_manage",
      "meeting.can_see_frontpage",
      "meeting.can_see_autopilot",
      "motion.can_manage",
      "motion.can_manage_polls",
      "projector.can_manage",
      "tag.can_manage",
      "user.can_manage",
    ],
  },
];

async function checkOrganizationRules(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (instance.set_as_template) instance.template_for_organization_id = 1;
  delete instance.set_as_template;
  const organization = await ctx.db.get("organization/1", ["limit_of_meetings", "active_meeting_ids", "require_duplicate_from"]);
  const limit = Number(organization.limit_of_meetings ?? 0);
  if (limit && limit === ((organization.active_meeting_ids as number[] | undefined) ?? []).length) {
    throw new ActionError(`You cannot create a new meeting, because you reached your limit of ${limit} active meetings.`);
  }
  if (organization.require_duplicate_from && !(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_users"))) {
    throw new ActionError("You cannot create a new meeting, because you need to use a template.");
  }
  await checkStartAndEndTime(ctx, instance, {});
  if (!((instance.admin_ids as number[] | undefined) ?? []).length && !instance.template_for_organization_id) {
    throw new ActionError("Cannot create non-template meeting without admin_ids");
  }
  instance.is_active_in_organization_id = 1;
  return instance;
}

async function createIds(ctx: ActionContext, action: string, data: Instance[]): Promise<number[]> {
  const results = (await ctx.execute(action, data)) ?? [];
  return results.map((result) => Number(result?.id));
}

async function createGroupsAndMembers(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = Number(instance.id);
  const adminIds = (instance.admin_ids as number[] | undefined) ?? [];
  const userIds = (instance.user_ids as number[] | undefined) ?? [];
  delete instance.admin_ids;
  delete instance.user_ids;
  const [defaultGroup, adminGroup, delegatesGroup] = await createIds(
    ctx,
    "group.create",
    DEFAULT_GROUPS.map((group) => ({ name: translate(group.name, ctx.request.language), external_id: group.name, meeting_id: meetingId, ...(group.permissions ? { permissions: group.permissions } : {}) })),
  );
  const groupFields = {
    default_group_id: defaultGroup,
    admin_group_id: adminGroup,
    assignment_poll_default_group_ids: [delegatesGroup],
    motion_poll_default_group_ids: [delegatesGroup],
    topic_poll_default_group_ids: [delegatesGroup],
  };
  Object.assign(instance, groupFields);
  ctx.applyToOverlay(`meeting/${meetingId}`, groupFields);
  if (adminIds.length > 0) {
    await ctx.execute("meeting_user.create", adminIds.map((userId) => ({ meeting_id: meetingId, user_id: userId, group_ids: [adminGroup] })));
  }
  const members = userIds.filter((userId) => !adminIds.includes(userId));
  if (members.length > 0) {
    await ctx.execute("meeting_user.create", members.map((userId) => ({ meeting_id: meetingId, user_id: userId, group_ids: [defaultGroup] })));
  }
  const [speakingTime, voting] = await createIds(ctx, "projector_countdown.create", [
    { title: translate("Speaking time", ctx.request.language), meeting_id: meetingId },
    { title: translate("Voting", ctx.request.language), meeting_id: meetingId },
  ]);
  const countdownFields = { list_of_speakers_countdown_id: speakingTime, poll_countdown_id: voting };
  Object.assign(instance, countdownFields);
  ctx.applyToOverlay(`meeting/${meetingId}`, countdownFields);
  return instance;
}

async function createWorkflowsAndProjector(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = Number(instance.id);
  await ctx.execute("motion_workflow.create_simple_workflow", [
    { name: translate("Simple Workflow", ctx.request.language), default_workflow_meeting_id: meetingId, default_amendment_workflow_meeting_id: meetingId, meeting_id: meetingId },
  ]);
  await ctx.execute("motion_workflow.create_complex_workflow", [{ name: translate("Complex Workflow", ctx.request.language), meeting_id: meetingId }]);
  await ctx.execute("projector.create", [
    {
      name: translate("Default projector", ctx.request.language),
      meeting_id: meetingId,
      used_as_reference_projector_meeting_id: meetingId,
      ...Object.fromEntries(PROJECTOR_DEFAULT_FOR_FIELDS.map((field) => [field, meetingId])),
    },
  ]);
  return instance;
}

export default defineAction({
  name: "meeting.create",
  collection: "meeting",
  kind: "create",
  schema: createSchema("meeting", {
    required: ["committee_id", "name", "language"],
    optional: ["description", "location", "start_time", "end_time", "organization_tag_ids", "external_id", "time_zone"],
    additionalOptional: { admin_ids: idListSchema, user_ids: idListSchema, set_as_template: { type: "boolean" } },
  }),
  skipArchivedMeetingCheck: true,
  checkPermissions: (ctx, item) => checkMeetingManagement(ctx, Number(item.committee_id), undefined),
  prepareData: translateDefaults,
  updateInstance: checkOrganizationRules,
  afterCreate: [createGroupsAndMembers, createWorkflowsAndProjector],
});
