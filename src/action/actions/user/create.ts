// user.create: the username comes from the payload, the saml_id or first + last name (made
// unique); a random default_password is generated and hashed as password unless it is an SSO
// user; meeting fields go to meeting_user.set_data; field-group permissions (A-J), the user
// limit, lock-out rules, email and gender checks. History "Account created". Result
// {id, meeting_user_id?}.
import { defineAction } from "../../framework/define.js";
import { USER_ACCOUNT_FIELDS } from "../../shared/user-rules.js";
import { createSchema, optionalIdSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkLockingStatus } from "../../shared/meeting-user-rules.js";
import { checkUserFieldPermissions } from "../../shared/user-field-permissions.js";
import {
  assertNotAnonymous,
  checkArchivedMeetingsOfItem,
  checkForbiddenEmptyValues,
  checkGenderExists,
  checkLimitOfUsers,
  checkMeetingIdForMeetingFields,
  checkUserEmail,
  hashAhead,
  MEETING_USER_TRANSFER_FIELDS,
  randomPassword,
  setPassword,
  ssoNoLocalPasswordError,
  stripUserFields,
  takeMeetingUserData,
  uniqueUsername,
  usernameBase,
} from "../../shared/user-rules.js";
import { ActionError } from "../../errors.js";

interface Pending {
  meetingUserData?: Instance;
  meetingUserId?: number;
}
const pending = new WeakMap<ActionContext, Map<number, Pending>>();

function pendingOf(ctx: ActionContext, id: number): Pending {
  if (!pending.has(ctx)) pending.set(ctx, new Map());
  const map = pending.get(ctx)!;
  if (!map.has(id)) map.set(id, {});
  return map.get(id)!;
}

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  checkMeetingIdForMeetingFields(item);
  await checkArchivedMeetingsOfItem(ctx, item);
  assertNotAnonymous(ctx);
  await checkUserFieldPermissions(ctx, item, "user.can_manage");
}

async function prepareData(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  for (const item of data) {
    if (ctx.internal) {
      checkMeetingIdForMeetingFields(item);
      await checkArchivedMeetingsOfItem(ctx, item);
    }
    stripUserFields(item);
  }
  giveDefaultPasswords(ctx, data);
  return data;
}

/** Every local user gets a default password (random unless given), hashed ahead for all at once. */
function giveDefaultPasswords(ctx: ActionContext, data: Instance[]): void {
  const local = data.filter((item) => !item.saml_id);
  for (const item of local) if (!item.default_password) item.default_password = randomPassword();
  hashAhead(
    ctx,
    local.map((item) => String(item.default_password)),
  );
}

async function createUser(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (instance.is_active) await checkLimitOfUsers(ctx, 1);
  const samlId = instance.saml_id;
  if (!instance.username) {
    if (samlId) {
      instance.username = samlId;
    } else {
      if (!(instance.first_name || instance.last_name)) throw new ActionError("Need username or first_name or last_name");
      instance.username = await uniqueUsername(ctx, usernameBase(instance));
    }
  } else if (/\s/.test(String(instance.username))) {
    throw new ActionError("Username may not contain spaces");
  }
  await checkLockingStatus(ctx, (instance.meeting_id as number | undefined) ?? undefined, instance, undefined);
  checkUserEmail(instance);
  checkForbiddenEmptyValues(instance);
  const meetingUserData = takeMeetingUserData(instance);
  if (meetingUserData) pendingOf(ctx, Number(instance.id)).meetingUserData = meetingUserData;
  if (samlId) {
    instance.can_change_own_password = false;
    instance.password = null;
    if (instance.default_password) throw ssoNoLocalPasswordError(samlId);
  } else {
    instance.password = instance.default_password;
    await setPassword(ctx, instance, true);
  }
  instance.organization_id = 1;
  await checkGenderExists(ctx, instance);
  if (instance.external && instance.home_committee_id) {
    throw new ActionError("Cannot set external to true and set a home committee at the same time.");
  }
  return instance;
}

async function setMeetingUserData(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const entry = pendingOf(ctx, Number(instance.id));
  if (entry.meetingUserData) {
    const results = await ctx.execute("meeting_user.set_data", [entry.meetingUserData]);
    entry.meetingUserId = (results?.[0] as { id?: number } | null)?.id;
  }
  return instance;
}

function result(ctx: ActionContext, instance: Instance): Record<string, unknown> {
  const meetingUserId = pending.get(ctx)?.get(Number(instance.id))?.meetingUserId;
  return meetingUserId ? { id: instance.id, meeting_user_id: meetingUserId } : { id: instance.id };
}

export default defineAction({
  name: "user.create",
  collection: "user",
  kind: "create",
  schema: createSchema("user", {
    optional: [...USER_ACCOUNT_FIELDS.slice(0, 13), "is_present_in_meeting_ids", ...USER_ACCOUNT_FIELDS.slice(13)],
    additionalOptional: { meeting_id: optionalIdSchema, ...MEETING_USER_TRANSFER_FIELDS },
  }),
  skipArchivedMeetingCheck: true,
  checkPermissions,
  prepareData,
  updateInstance: createUser,
  afterCreate: [setMeetingUserData],
  result,
  history: "Account created",
  ownHistoryFirst: true,
});
