// Upstream's DelegationBasedRestrictionMixin: in meetings with vote delegations enabled and the
// given users_forbid_delegator_* flag, a user who delegated their vote loses the rights that the
// flag restricts unless they hold the permission itself.
import { hasPerm } from "../../permissions/index.js";
import { MissingPermissionError } from "../../permissions/index.js";
import type { ActionContext } from "../framework/types.js";

export type DelegationBasedRestriction =
  | "users_forbid_delegator_in_list_of_speakers"
  | "users_forbid_delegator_as_submitter"
  | "users_forbid_delegator_as_supporter";

/** The meetings (of the given ones) where the caller is a delegator restricted by the flag. */
export async function delegatorRestrictedMeetings(ctx: ActionContext, restriction: DelegationBasedRestriction, meetingIds: number[]): Promise<number[]> {
  if (meetingIds.length === 0) return [];
  const meetingUsers = await ctx.db.filter(
    "meeting_user",
    {
      and_filter: [
        { or_filter: meetingIds.map((meetingId) => ({ field: "meeting_id", operator: "=" as const, value: meetingId })) },
        { field: "user_id", operator: "=", value: ctx.userId },
        { field: "vote_delegated_to_id", operator: "!=", value: null },
      ],
    },
    ["meeting_id"],
  );
  const delegationMeetingIds = [...new Set([...meetingUsers.values()].map((meetingUser) => meetingUser.meeting_id as number))];
  if (delegationMeetingIds.length === 0) return [];
  const meetings = await ctx.db.getMany("meeting", delegationMeetingIds, [restriction, "users_enable_vote_delegations"]);
  return [...meetings].filter(([, meeting]) => meeting[restriction] && meeting.users_enable_vote_delegations).map(([id]) => id);
}

/**
 * The meetings where the caller has the permission; raises MissingPermission(perm) if in any
 * meeting the caller lacks it and is a restricted delegator there.
 */
export async function checkPermAndDelegatorRestriction(
  ctx: ActionContext,
  permission: string,
  restriction: DelegationBasedRestriction,
  meetingIds: number[],
): Promise<number[]> {
  const withPerm: number[] = [];
  const without: number[] = [];
  for (const meetingId of meetingIds) ((await hasPerm(ctx.db, ctx.userId, permission, meetingId)) ? withPerm : without).push(meetingId);
  if (without.length > 0 && (await delegatorRestrictedMeetings(ctx, restriction, without)).length > 0) {
    throw MissingPermissionError.single(permission);
  }
  return withPerm;
}
