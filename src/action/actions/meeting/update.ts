// meeting.update: settings for meeting.can_manage_settings, presence for user.can_update,
// projectors for projector.can_manage, external id / anonymous / translations for admins, tags
// for committee managers, jitsi for superadmins. Enabling anonymous creates the "Public" group;
// templates, locking, the reference projector and the e-mail settings are checked.
import { languageOfHeader, translate } from "../../shared/translations.js";
import { hasOrganizationManagementLevel, isAdmin, isCommitteeManager } from "../../../permissions/index.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { hasPerm, missingPermission } from "../../framework/permissions.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { assertBelongsToMeeting } from "../../shared/belongs-to-meeting.js";
import { MEETING_DEFAULT_PROJECTOR_FIELDS } from "../../shared/default-projectors.js";
import { checkEmailField, checkEmailSender } from "../../shared/email-rules.js";
import { checkStartAndEndTime } from "../../shared/meeting-rules.js";

export const MEETING_SETTINGS = [
  "welcome_title", "welcome_text", "name", "description", "location", "start_time", "end_time",
  "locked_from_inside", "conference_show", "conference_auto_connect", "conference_los_restriction",
  "conference_stream_url", "conference_stream_poster_url", "conference_open_microphone",
  "conference_open_video", "conference_auto_connect_next_speakers", "conference_enable_helpdesk",
  "applause_enable", "applause_type", "applause_show_level", "applause_min_amount", "applause_max_amount",
  "applause_timeout", "applause_particle_image_url", "projector_countdown_default_time",
  "projector_countdown_warning_time", "export_csv_encoding", "export_csv_separator",
  "export_pdf_pagenumber_alignment", "export_pdf_fontsize", "export_pdf_pagesize", "export_pdf_line_height",
  "export_pdf_page_margin_left", "export_pdf_page_margin_top", "export_pdf_page_margin_right",
  "export_pdf_page_margin_bottom", "agenda_show_subtitles", "agenda_enable_numbering",
  "agenda_number_prefix", "agenda_numeral_system", "agenda_item_creation",
  "agenda_new_items_default_visibility", "agenda_show_internal_items_on_projector",
  "agenda_show_topic_navigation_on_detail_view", "list_of_speakers_amount_last_on_projector",
  "list_of_speakers_amount_next_on_projector", "list_of_speakers_couple_countdown",
  "list_of_speakers_show_amount_of_speakers_on_slide", "list_of_speakers_present_users_only",
  "list_of_speakers_show_first_contribution", "list_of_speakers_hide_contribution_count",
  "list_of_speakers_allow_multiple_speakers", "list_of_speakers_enable_point_of_order_speakers",
  "list_of_speakers_can_create_point_of_order_for_others",
  "list_of_speakers_enable_point_of_order_categories", "list_of_speakers_closing_disables_point_of_order",
  "list_of_speakers_enable_pro_contra_speech", "list_of_speakers_can_set_contribution_self",
  "list_of_speakers_speaker_note_for_everyone", "list_of_speakers_initially_closed",
  "list_of_speakers_default_structure_level_time", "list_of_speakers_enable_interposed_question",
  "list_of_speakers_intervention_time", "motions_default_workflow_id",
  "motions_default_amendment_workflow_id", "motions_preamble", "motions_default_line_numbering",
  "motions_line_length", "motions_reason_required", "motions_origin_motion_toggle_default",
  "motions_enable_origin_motion_display", "motions_enable_text_on_projector",
  "motions_enable_reason_on_projector", "motions_enable_sidebox_on_projector",
  "motions_create_enable_additional_submitter_text", "motions_hide_metadata_background",
  "motions_enable_recommendation_on_projector", "motions_show_referring_motions",
  "motions_show_sequential_number", "motions_recommendations_by", "motions_block_slide_columns",
  "motions_recommendation_text_mode", "motions_default_sorting", "motions_number_type",
  "motions_number_min_digits", "motions_number_with_blank", "motions_amendments_enabled",
  "motions_amendments_in_main_list", "motions_amendments_of_amendments", "motions_amendments_prefix",
  "motions_amendments_text_mode", "motions_amendments_multiple_paragraphs", "motions_supporters_min_amount",
  "motions_enable_editor", "motions_enable_working_group_speaker", "motions_export_title",
  "motions_export_preamble", "motions_export_submitter_recommendation",
  "motions_export_follow_recommendation", "motions_enable_restricted_editor_for_manager",
  "motions_enable_restricted_editor_for_non_manager", "motion_poll_ballot_paper_selection",
  "motion_poll_ballot_paper_number", "motion_poll_default_type", "motion_poll_default_method",
  "motion_poll_default_onehundred_percent_base", "motion_poll_default_group_ids",
  "motion_poll_default_backend", "motion_poll_projection_name_order_first",
  "motion_poll_projection_max_columns", "users_enable_presence_view", "users_enable_vote_weight",
  "users_enable_vote_delegations", "users_allow_self_set_present", "users_pdf_welcometitle",
  "users_pdf_welcometext", "users_pdf_wlan_ssid", "users_pdf_wlan_password", "users_pdf_wlan_encryption",
  "users_email_sender", "users_email_replyto", "users_email_subject", "users_email_body",
  "users_forbid_delegator_in_list_of_speakers", "users_forbid_delegator_as_submitter",
  "users_forbid_delegator_as_supporter", "users_forbid_delegator_to_vote", "assignments_export_title",
  "assignments_export_preamble", "assignment_poll_ballot_paper_selection",
  "assignment_poll_ballot_paper_number", "assignment_poll_add_candidates_to_list_of_speakers",
  "assignment_poll_enable_max_votes_per_option", "assignment_poll_sort_poll_result_by_votes",
  "assignment_poll_default_type", "assignment_poll_default_method",
  "assignment_poll_default_onehundred_percent_base", "assignment_poll_default_group_ids",
  "assignment_poll_default_backend", "topic_poll_default_group_ids", "poll_default_backend",
  "poll_default_live_voting_enabled",
];

const ADMIN_FIELDS = ["external_id", "enable_anonymous", "custom_translations"];
const JITSI_FIELDS = ["jitsi_domain", "jitsi_room_name", "jitsi_room_password"];
const POLL_GROUP_FIELDS = ["assignment_poll_default_group_ids", "topic_poll_default_group_ids", "motion_poll_default_group_ids"];

async function checkUpdatePermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const meetingId = Number(item.id);
  const has = (field: string) => field in item;
  if (MEETING_SETTINGS.some(has) && !(await hasPerm(ctx.db, ctx.userId, "meeting.can_manage_settings", meetingId))) {
    throw missingPermission("meeting.can_manage_settings");
  }
  if (has("present_user_ids") && !(await hasPerm(ctx.db, ctx.userId, "user.can_update", meetingId))) {
    throw missingPermission("user.can_update");
  }
  if ((has("reference_projector_id") || MEETING_DEFAULT_PROJECTOR_FIELDS.some(has)) && !(await hasPerm(ctx.db, ctx.userId, "projector.can_manage", meetingId))) {
    throw missingPermission("projector.can_manage");
  }
  if (ADMIN_FIELDS.some(has) && !(await isAdmin(ctx.db, ctx.userId, meetingId))) {
    throw new PermissionDeniedError("Missing permission: Not admin of this meeting");
  }
  if (has("organization_tag_ids")) {
    const meeting = await ctx.db.get(`meeting/${meetingId}`, ["committee_id"]);
    if (!(await isCommitteeManager(ctx.db, ctx.userId, Number(meeting.committee_id)))) {
      throw new PermissionDeniedError("Missing permission: Not manager and not can_manage_organization");
    }
  }
  if (JITSI_FIELDS.some(has) && !(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "superadmin"))) {
    throw missingPermission("superadmin");
  }
}

function pick<T>(given: T | null | undefined, stored: T): T {
  return given !== undefined && given !== null ? given : stored;
}

async function checkTemplateAndLocking(ctx: ActionContext, instance: Instance, stored: Instance): Promise<void> {
  const setAsTemplate = instance.set_as_template as boolean | undefined;
  delete instance.set_as_template;
  const locked = pick(instance.locked_from_inside, stored.locked_from_inside);
  const template = setAsTemplate !== undefined ? setAsTemplate : stored.template_for_organization_id;
  if (locked && template) throw new ActionError("A meeting cannot be locked from the inside and a template at the same time.");
  if (locked && pick(instance.enable_anonymous, stored.enable_anonymous)) {
    throw new ActionError("A meeting cannot be locked from the inside and have anonymous enabled at the same time.");
  }
  const organization = await ctx.db.get("organization/1", ["require_duplicate_from", "enable_anonymous"]);
  if (instance.enable_anonymous && !organization.enable_anonymous) throw new ActionError("Anonymous users can not be enabled in this organization.");
  if (organization.require_duplicate_from && setAsTemplate !== undefined && !(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_organization"))) {
    throw new ActionError("A meeting cannot be set as a template by a committee manager if duplicate from is required.");
  }
  if (setAsTemplate === true) instance.template_for_organization_id = 1;
  if (setAsTemplate === false) {
    const adminGroup = await ctx.db.get(`group/${Number(stored.admin_group_id)}`, ["meeting_user_ids"]);
    if (!((adminGroup.meeting_user_ids as number[] | undefined) ?? []).length) {
      throw new ActionError("Can only remove meeting template status if it has at least one administrator.");
    }
    instance.template_for_organization_id = null;
  }
}

async function checkProjectors(ctx: ActionContext, instance: Instance): Promise<void> {
  const fqids: string[] = [];
  if (instance.reference_projector_id) {
    const fqid = `projector/${Number(instance.reference_projector_id)}`;
    const projector = await ctx.db.get(fqid, ["is_internal"]);
    if (projector.is_internal) throw new ActionError("An internal projector cannot be set as reference projector.");
    fqids.push(fqid);
  }
  for (const field of MEETING_DEFAULT_PROJECTOR_FIELDS) {
    for (const id of (instance[field] as number[] | undefined) ?? []) fqids.push(`projector/${id}`);
  }
  if (fqids.length > 0) await assertBelongsToMeeting(ctx, fqids, Number(instance.id));
}

function checkJitsiDomain(instance: Instance): void {
  const domain = instance.jitsi_domain;
  if (typeof domain !== "string" || !domain) return;
  if (domain.trim().startsWith("https://")) throw new ActionError("It is not allowed to start jitsi_domain with 'https://'.");
  if (domain.trim().endsWith("/")) throw new ActionError("It is not allowed to end jitsi_domain with '/'.");
}

async function updateMeeting(ctx: ActionContext, instance: Instance): Promise<Instance> {
  checkEmailField(instance, "users_email_replyto");
  checkEmailSender(instance);
  const meetingId = Number(instance.id);
  const stored = await ctx.db.get(`meeting/${meetingId}`, [
    "template_for_organization_id", "locked_from_inside", "admin_group_id", "enable_anonymous", "anonymous_group_id", "start_time", "end_time", "language",
  ]);
  await checkTemplateAndLocking(ctx, instance, stored);
  await checkProjectors(ctx, instance);
  checkJitsiDomain(instance);
  await checkStartAndEndTime(ctx, instance, stored);
  let anonymousGroupId = stored.anonymous_group_id as number | undefined;
  if (instance.enable_anonymous && !anonymousGroupId) {
    const results = await ctx.execute("group.create", [{ name: translate("Public", languageOfHeader(stored.language as string | undefined)), weight: 0, meeting_id: meetingId }]);
    anonymousGroupId = Number(results?.[0]?.id);
    instance.anonymous_group_id = anonymousGroupId;
  }
  if (anonymousGroupId) {
    for (const field of POLL_GROUP_FIELDS) {
      if (((instance[field] as number[] | undefined) ?? []).includes(anonymousGroupId)) {
        throw new ActionError(`Anonymous group is not allowed in ${field}.`);
      }
    }
  }
  return instance;
}

export default defineAction({
  name: "meeting.update",
  collection: "meeting",
  kind: "update",
  schema: updateSchema("meeting", {
    optional: [
      ...MEETING_SETTINGS,
      "time_zone", "external_id", "reference_projector_id", "organization_tag_ids", "jitsi_domain", "jitsi_room_name",
      "jitsi_room_password", "enable_anonymous", "custom_translations", "present_user_ids", ...MEETING_DEFAULT_PROJECTOR_FIELDS,
    ],
    additionalOptional: { set_as_template: { type: "boolean" } },
  }),
  meetingOf: (_ctx, item) => Promise.resolve(Number(item.id)),
  checkPermissions: checkUpdatePermissions,
  updateInstance: updateMeeting,
});
