// user.update_self: the caller updates his own username, pronoun, gender and email, and in a
// meeting his vote delegation (needs user.can_edit_own_delegation; delegations to him may only
// be removed). Meeting fields go to meeting_user.set_data. History per kind of change.
import { findMeetingUser, hasPerm, MissingPermissionError } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema, modelFieldSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import {
  assertNotAnonymous,
  checkArchivedMeetingsOfItem,
  checkForbiddenEmptyValues,
  checkGenderExists,
  checkMeetingIdForMeetingFields,
  checkUserEmail,
  stripUserFields,
  takeMeetingUserData,
  userUpdateHistory,
} from "../../shared/user-rules.js";

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  checkMeetingIdForMeetingFields(item);
  await checkArchivedMeetingsOfItem(ctx, item);
  assertNotAnonymous(ctx);
  const meetingId = item.meeting_id as number | undefined;
  if (meetingId && ("vote_delegated_to_id" in item || "vote_delegations_from_ids" in item)) {
    if (!(await hasPerm(ctx.db, ctx.userId, "user.can_edit_own_delegation", meetingId))) {
      throw MissingPermissionError.single("user.can_edit_own_delegation");
    }
  }
}

async function prepareData(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  for (const item of data) {
    if (ctx.internal) {
      checkMeetingIdForMeetingFields(item);
      await checkArchivedMeetingsOfItem(ctx, item);
    }
    stripUserFields(item);
    item.id = ctx.userId;
  }
  return data;
}

async function updateSelf(ctx: ActionContext, instance: Instance): Promise<Instance> {
  checkUserEmail(instance);
  checkForbiddenEmptyValues(instance);
  const from = new Set((instance.vote_delegations_from_ids as number[] | undefined) ?? []);
  if (from.size > 0) {
    const own = await findMeetingUser(ctx.db, Number(instance.meeting_id), ctx.userId, ["vote_delegations_from_ids"]);
    const current = (own?.vote_delegations_from_ids as number[] | undefined) ?? [];
    if ([...from].some((id) => !current.includes(id))) throw new ActionError("Can't add delegations from other people with user.update_self.");
  }
  const meetingUserData = takeMeetingUserData(instance);
  if (meetingUserData) await ctx.execute("meeting_user.set_data", [meetingUserData]);
  await checkGenderExists(ctx, instance);
  return instance;
}

export default defineAction({
  name: "user.update_self",
  collection: "user",
  kind: "update",
  schema: itemSchema("user", {
    optional: ["username", "pronoun", "gender_id", "email"],
    additionalOptional: {
      meeting_id: modelFieldSchema("meeting_user", "meeting_id"),
      vote_delegated_to_id: modelFieldSchema("meeting_user", "vote_delegated_to_id"),
      vote_delegations_from_ids: modelFieldSchema("meeting_user", "vote_delegations_from_ids"),
    },
  }),
  meetingOf: async () => undefined,
  skipArchivedMeetingCheck: true,
  checkPermissions,
  prepareData,
  updateInstance: updateSelf,
  historyInformation: userUpdateHistory,
});
