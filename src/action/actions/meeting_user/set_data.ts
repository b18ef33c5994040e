// meeting_user.set_data (backend internal): updates the meeting_user given by id, or by
// meeting_id + user_id, creating it when missing; checks the vote delegation rules and the
// anonymous group; the user's history records the changes. Result {id}.
import { findMeetingUser } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkNotAnonymousGroup, checkVoteDelegations, meetingUserHistory, touchUsersForHistory } from "../../shared/meeting-user-rules.js";
import meetingUserCreate from "./create.js";

const IDENTIFIER_MISSING = "Identifier for meeting_user instance required, but neither id nor meeting_id/user_id is given.";

async function meetingOfItem(ctx: ActionContext, item: Instance): Promise<number | undefined> {
  if (!item.id && (!item.user_id || !item.meeting_id)) throw new ActionError(IDENTIFIER_MISSING);
  const meetingUser = await ctx.db.get(`meeting_user/${Number(item.id)}`, ["meeting_id"]);
  return meetingUser.meeting_id as number | undefined;
}

async function setData(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = instance.meeting_id as number | undefined;
  const userId = instance.user_id as number | undefined;
  delete instance.user_id;
  if (instance.id) {
    const stored = await ctx.db.get(`meeting_user/${Number(instance.id)}`, ["meeting_id", "user_id"]);
    if (meetingId && meetingId !== stored.meeting_id) throw new ActionError("Not permitted to change meeting_id.");
    if (userId && userId !== stored.user_id) throw new ActionError("Not permitted to change user_id.");
  } else if (meetingId && userId) {
    const existing = await findMeetingUser(ctx.db, meetingId, userId, ["id"]);
    if (existing?.id) {
      instance.id = existing.id;
    } else {
      const results = await ctx.execute(meetingUserCreate, [{ meeting_id: meetingId, user_id: userId }]);
      instance.id = (results?.[0] as { id: number }).id;
    }
  } else {
    throw new ActionError(IDENTIFIER_MISSING);
  }
  await checkVoteDelegations(ctx, { ...instance, user_id: userId, meeting_id: meetingId });
  await checkNotAnonymousGroup(ctx, instance);
  const owner = (await ctx.db.get(`meeting_user/${Number(instance.id)}`, ["user_id"])).user_id as number;
  await touchUsersForHistory(ctx, instance, owner);
  delete instance.meeting_id;
  return instance;
}

export default defineAction({
  name: "meeting_user.set_data",
  collection: "meeting_user",
  kind: "update",
  visibility: "backend_internal",
  schema: createSchema("meeting_user", {
    optional: [
      "id",
      "meeting_id",
      "user_id",
      "comment",
      "number",
      "about_me",
      "vote_weight",
      "structure_level_ids",
      "vote_delegated_to_id",
      "vote_delegations_from_ids",
      "group_ids",
      "locked_out",
    ],
  }),
  meetingOf: meetingOfItem,
  updateInstance: setData,
  result: (_ctx, instance) => ({ id: instance.id }),
  historyInformation: meetingUserHistory,
});
