// Motions (spec 5.2): visible to meeting admins, or with motion.can_see (or can_see_origin of a
// derived motion's meeting) when the state's restrictions allow; every lead motion up the chain
// must be visible too.
import { idList, idOf, type UserRights } from "../permissions.js";
import { meetingIdOf, type CollectionRules, type See } from "../rules.js";

/** The request user submitted the motion. */
export function isSubmitter(rights: UserRights, motionId: number): boolean {
  return idList(rights.field("motion", motionId, "submitter_ids")).some((submitter) =>
    rights.isOwnMeetingUser(idOf(rights.field("motion_submitter", submitter, "meeting_user_id"))),
  );
}

function stateAllows(rights: UserRights, motionId: number, meetingId: number | undefined): boolean {
  const stateId = idOf(rights.field("motion", motionId, "state_id"));
  const restrictions = stateId === undefined ? [] : ((rights.field("motion_state", stateId, "restrictions") as string[] | undefined) ?? []);
  if (restrictions.length === 0) return true;
  return restrictions.some((restriction) =>
    restriction === "is_submitter" ? isSubmitter(rights, motionId) : rights.hasPerm(meetingId, restriction),
  );
}

function seeOne(rights: UserRights, motionId: number): boolean {
  const meetingId = meetingIdOf(rights, "motion", motionId);
  if (meetingId === undefined) return false;
  if (rights.isAdmin(meetingId)) return true;
  let canSee = rights.hasPerm(meetingId, "motion.can_see");
  if (!canSee && rights.field("meeting", meetingId, "locked_from_inside") !== true) {
    canSee = idList(rights.field("motion", motionId, "all_derived_motion_ids")).some((derived) =>
      rights.hasPerm(meetingIdOf(rights, "motion", derived), "motion.can_see_origin"),
    );
  }
  return canSee && stateAllows(rights, motionId, meetingId);
}

/** Mode C: the motion and every lead motion above it. */
function seeWithLeads(rights: UserRights, motionId: number): boolean {
  const seen = new Set<number>();
  for (let current: number | undefined = motionId; current !== undefined && !seen.has(current); ) {
    seen.add(current);
    if (!rights.state.exists("motion", current) || !seeOne(rights, current)) return false;
    current = idOf(rights.field("motion", current, "lead_motion_id"));
  }
  return true;
}

function seeAsRelative(rights: UserRights, motionId: number, see: See): boolean {
  if (see("motion", "C", motionId)) return true;
  const relatives = [...idList(rights.field("motion", motionId, "all_origin_ids")), ...idList(rights.field("motion", motionId, "all_derived_motion_ids"))];
  return relatives.some((relative) => rights.state.exists("motion", relative) && see("motion", "C", relative));
}

export const motion: CollectionRules = {
  A: seeAsRelative,
  B: (rights, id) => rights.hasPerm(meetingIdOf(rights, "motion", id), "motion.can_manage_metadata"),
  C: seeWithLeads,
  D: () => false,
  E: (rights, id, see) => {
    if (!see("motion", "C", id)) return false;
    if (rights.hasPerm(meetingIdOf(rights, "motion", id), "motion.can_manage_metadata")) return true;
    const stateId = idOf(rights.field("motion", id, "state_id"));
    return stateId === undefined || rights.field("motion_state", stateId, "is_internal") !== true;
  },
};
