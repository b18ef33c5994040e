// organization.update: general settings (group A) need can_manage_organization, server settings
// (group B) superadmin. users_email_replyto must be an email (trimmed), users_email_sender must not
// contain [ ] \, saml_attr_mapping has a fixed shape, and the meeting / user limits may not go
// below the current number of active meetings / users.
import { hasOrganizationManagementLevel, MissingPermissionError } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { checkEmailField, checkEmailSender } from "../../shared/email-rules.js";
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance, JsonSchema } from "../../framework/types.js";

const GROUP_A_FIELDS = [
  "name",
  "description",
  "legal_notice",
  "privacy_policy",
  "login_text",
  "theme_id",
  "default_language",
  "time_zone",
  "users_email_sender",
  "users_email_replyto",
  "users_email_subject",
  "users_email_body",
  "require_duplicate_from",
  "disable_forward_with_attachments",
  "restrict_editing_same_level_committee_admins",
  "restrict_edit_forward_committees",
];

const GROUP_B_FIELDS = [
  "enable_electronic_voting",
  "enable_chat",
  "enable_anonymous",
  "reset_password_verbose_errors",
  "limit_of_meetings",
  "limit_of_users",
  "url",
  "saml_enabled",
  "saml_login_button_text",
  "saml_attr_mapping",
  "saml_metadata_idp",
  "saml_metadata_sp",
  "saml_private_key",
];

/** The SAML attributes a user account can be filled from (upstream's allowed_user_fields keys). */
const SAML_USER_FIELDS = ["saml_id", "title", "first_name", "last_name", "email", "gender", "pronoun", "is_active", "is_physical_person", "member_number"];

// upstream writes "max_length", which JSON schema does not know: kept for the published schema, not enforced.
const samlString = (): JsonSchema => ({ type: ["string", "null"], minLength: 1, max_length: 256 });
const samlStrings = (fields: string[]): Record<string, JsonSchema> => Object.fromEntries(fields.map((field) => [field, samlString()]));

const attributeDefault = (): JsonSchema => ({ type: ["object", "null"], properties: samlStrings(["attribute", "default"]), additionalProperties: false });

const meetingMappersSchema: JsonSchema = {
  type: ["array", "null"],
  items: {
    type: "object",
    properties: {
      ...samlStrings(["external_id", "name", "allow_update"]),
      conditions: {
        type: ["array", "null"],
        items: { type: ["object", "null"], properties: samlStrings(["attribute", "condition"]) },
      },
      mappings: {
        type: ["object", "null"],
        properties: {
          ...Object.fromEntries(["number", "comment", "vote_weight", "present"].map((field) => [field, attributeDefault()])),
          ...Object.fromEntries(["groups", "structure_levels"].map((field) => [field, { type: ["array", "null"], items: attributeDefault() }])),
        },
        additionalProperties: false,
      },
    },
    required: ["external_id"],
    additionalProperties: false,
  },
};

const samlAttrMappingSchema: JsonSchema = {
  type: ["object", "null"],
  properties: { ...samlStrings(SAML_USER_FIELDS), meeting_mappers: meetingMappersSchema },
  required: ["saml_id"],
  additionalProperties: false,
};


async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  if (GROUP_A_FIELDS.some((field) => field in item) && !(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_organization"))) {
    throw MissingPermissionError.single("can_manage_organization");
  }
  if (GROUP_B_FIELDS.some((field) => field in item) && !(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "superadmin"))) {
    throw MissingPermissionError.single("superadmin");
  }
}

function checkEmails(instance: Instance): void {
  checkEmailField(instance, "users_email_replyto");
  checkEmailSender(instance);
}

async function checkLimits(ctx: ActionContext, instance: Instance): Promise<void> {
  const limitOfMeetings = instance.limit_of_meetings as number | null | undefined;
  if (limitOfMeetings) {
    const organization = await ctx.db.get("organization/1", ["active_meeting_ids"]);
    const active = Array.isArray(organization.active_meeting_ids) ? organization.active_meeting_ids.length : 0;
    if (active > limitOfMeetings) {
      throw new ActionError(`Your organization has ${active} active meetings. You cannot set the limit lower.`);
    }
  }
  const limitOfUsers = instance.limit_of_users as number | null | undefined;
  if (limitOfUsers) {
    const active = await ctx.db.count("user", { field: "is_active", operator: "=", value: true });
    if (active > limitOfUsers) throw new ActionError(`Active users: ${active}. You cannot set the limit lower.`);
  }
}

async function updateOrganization(ctx: ActionContext, instance: Instance): Promise<Instance> {
  checkEmails(instance);
  await checkLimits(ctx, instance);
  return instance;
}

export default defineAction({
  name: "organization.update",
  collection: "organization",
  kind: "update",
  schema: updateSchema("organization", {
    optional: [...GROUP_A_FIELDS, ...GROUP_B_FIELDS],
    additionalOptional: { saml_attr_mapping: samlAttrMappingSchema },
  }),
  skipArchivedMeetingCheck: true,
  checkPermissions,
  updateInstance: updateOrganization,
});
