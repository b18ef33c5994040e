// The rules motion_comment.create/update/delete share (upstream MotionCommentMixin): besides
// motion.can_see the caller must be in a write group of the section or the admin group, a
// committee/organization manager, or — with the section's submitter_can_write — a submitter of
// the motion. History "Comment {} <verb>d" with the section on the motion.
import { findMeetingUser, isCommitteeManager } from "../../permissions/index.js";
import { PermissionDeniedError } from "../errors.js";
import { fqidOf } from "../framework/fqid.js";
import { hasPerm, missingPermission } from "../framework/permissions.js";
import type { ActionContext, HistoryInformation, Instance } from "../framework/types.js";

/** A field of the item, else of the stored comment (upstream get_field_from_instance). */
async function fieldOf(ctx: ActionContext, item: Instance, field: string): Promise<number | undefined> {
  if (item[field] !== undefined) return item[field] as number;
  const stored = await ctx.db.get(fqidOf("motion_comment", Number(item.id)), [field]);
  return stored[field] as number | undefined;
}

export async function checkMotionCommentPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  if (!(await hasPerm(ctx.db, ctx.userId, "motion.can_see", await ctx.meetingIdOf(item)))) throw missingPermission("motion.can_see");

  const section = await ctx.db.get(fqidOf("motion_comment_section", Number(await fieldOf(ctx, item, "section_id"))), [
    "write_group_ids",
    "meeting_id",
    "submitter_can_write",
  ]);
  const meetingId = section.meeting_id as number;
  const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["admin_group_id", "committee_id"]);

  const allowedGroups = new Set([...((section.write_group_ids as number[] | undefined) ?? []), meeting.admin_group_id as number]);
  const meetingUser = ctx.userId > 0 ? await findMeetingUser(ctx.db, meetingId, ctx.userId, ["id", "group_ids"]) : undefined;
  if (((meetingUser?.group_ids as number[] | undefined) ?? []).some((groupId) => allowedGroups.has(groupId))) return;
  // Committee managers of the meeting's committee (or an ancestor), organization managers, superadmins.
  if (await isCommitteeManager(ctx.db, ctx.userId, meeting.committee_id as number)) return;

  if (section.submitter_can_write) {
    const motionId = await fieldOf(ctx, item, "motion_id");
    if (motionId && meetingUser) {
      const submitters = await ctx.db.filter(
        "motion_submitter",
        {
          and_filter: [
            { field: "meeting_user_id", operator: "=", value: meetingUser.id },
            { field: "motion_id", operator: "=", value: motionId },
          ],
        },
        ["id"],
      );
      if (submitters.size > 0) return;
    }
  }

  let message = `You are not allowed to perform action ${ctx.action.name}. You are not in the write group of the section or in admin group`;
  if (section.submitter_can_write) message += " and no submitter";
  throw new PermissionDeniedError(`${message}.`);
}

/**
 * "Comment {} created|updated|deleted" with the section's fqid, on the comment's motion. Motions
 * deleted in the same request get none (upstream's motion.delete drops its cascades' history).
 */
export async function motionCommentHistory(ctx: ActionContext): Promise<HistoryInformation> {
  const verb = ctx.action.name.split(".")[1]!;
  const information: HistoryInformation = {};
  for (const instance of ctx.instances) {
    let { motion_id: motionId, section_id: sectionId } = instance;
    if (motionId === undefined || sectionId === undefined) {
      const stored = await ctx.db.get(fqidOf("motion_comment", Number(instance.id)), ["motion_id", "section_id"], {
        optional: true,
        useChanges: ctx.action.kind !== "delete",
      });
      motionId ??= stored.motion_id;
      sectionId ??= stored.section_id;
    }
    const motion = fqidOf("motion", Number(motionId));
    if (!motionId || ctx.isToBeDeleted(motion)) continue;
    information[motion] = [`Comment {} ${verb}d`, fqidOf("motion_comment_section", Number(sectionId))];
  }
  return information;
}
