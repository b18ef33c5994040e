// Rules the meeting actions share: committee management of the meeting's committee with the
// locked-meeting exception and start/end time consistency.
import { isCommitteeManager, MissingPermissionError } from "../../permissions/index.js";
import { ActionError } from "../errors.js";
import { hasPerm } from "../framework/permissions.js";
import type { ActionContext, Instance } from "../framework/types.js";

/**
 * Committee managers of the committee manage its meetings. A meeting locked from inside refuses
 * outsiders unless they are superadmin or hold meeting.can_manage_settings in it.
 */
export async function checkMeetingManagement(ctx: ActionContext, committeeId: number, meetingId: number | undefined, verb?: string): Promise<void> {
  if (meetingId) {
    const meeting = await ctx.db.get(`meeting/${meetingId}`, ["locked_from_inside"]);
    if (meeting.locked_from_inside) {
      const user = await ctx.db.get(`user/${ctx.userId}`, ["organization_management_level"], { optional: true });
      if (user?.organization_management_level !== "superadmin" && !(await hasPerm(ctx.db, ctx.userId, "meeting.can_manage_settings", meetingId))) {
        throw new ActionError(verb ? `Cannot ${verb} locked meeting.` : "Cannot perform this action for the locked meeting.");
      }
    }
  }
  if (!(await isCommitteeManager(ctx.db, ctx.userId, committeeId))) {
    throw MissingPermissionError.anyOf([["can_manage", committeeId]]);
  }
}

/** start_time and end_time come together, the start first (stored values fill in what is not given). */
export async function checkStartAndEndTime(ctx: ActionContext, instance: Instance, stored?: Instance): Promise<void> {
  if (!("start_time" in instance) && !("end_time" in instance)) return;
  const current = stored ?? (await ctx.db.get(`meeting/${Number(instance.id)}`, ["start_time", "end_time"], { optional: true })) ?? {};
  const start = "start_time" in instance ? instance.start_time : current.start_time;
  const end = "end_time" in instance ? instance.end_time : current.end_time;
  if (Boolean(start) !== Boolean(end)) throw new ActionError("Only one of start_time and end_time is not allowed.");
  if (start && end && Number(start) > Number(end)) throw new ActionError("start_time must be before end_time.");
}
