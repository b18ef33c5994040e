// Upstream assignment_candidate PermissionMixin: in phase "voting" assignment.can_manage is needed
// first; then nominating oneself needs assignment.can_nominate_self, anyone else
// assignment.can_nominate_other.
import { hasPerm, missingPermission } from "../framework/permissions.js";
import type { ActionContext, Instance } from "../framework/types.js";

export async function checkCandidatePermissions(ctx: ActionContext, item: Instance): Promise<void> {
  let meetingUserId: unknown;
  let assignmentId: unknown;
  if ("meeting_user_id" in item) {
    meetingUserId = item.meeting_user_id;
    assignmentId = item.assignment_id;
  } else {
    const candidate = await ctx.db.get(`assignment_candidate/${item.id}`, ["meeting_user_id", "assignment_id"]);
    meetingUserId = candidate.meeting_user_id;
    assignmentId = candidate.assignment_id;
  }
  const assignment = await ctx.db.get(`assignment/${assignmentId}`, ["meeting_id", "phase"]);
  const meetingId = Number(assignment.meeting_id);
  if (assignment.phase === "voting" && !(await hasPerm(ctx.db, ctx.userId, "assignment.can_manage", meetingId))) {
    throw missingPermission("assignment.can_manage");
  }
  const user = ctx.userId > 0 ? await ctx.db.get(`user/${ctx.userId}`, ["meeting_user_ids"], { optional: true }) : undefined;
  const own = ((user?.meeting_user_ids as number[] | undefined) ?? []).includes(meetingUserId as number);
  const permission = own ? "assignment.can_nominate_self" : "assignment.can_nominate_other";
  if (!(await hasPerm(ctx.db, ctx.userId, permission, meetingId))) throw missingPermission(permission);
}
