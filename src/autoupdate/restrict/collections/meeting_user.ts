// Meeting users: user.can_see in the meeting, oneself, one's vote delegation partners, and anyone
// whose visible contributions (submissions, speeches, candidacies, messages, votes) show them.
import { idList, idOf, type UserRights } from "../permissions.js";
import type { CollectionRules, See } from "../rules.js";

const SHOWN_THROUGH: ReadonlyArray<[field: string, collection: string]> = [
  ["motion_submitter_ids", "motion_submitter"],
  ["motion_supporter_ids", "motion_supporter"],
  ["motion_editor_ids", "motion_editor"],
  ["motion_working_group_speaker_ids", "motion_working_group_speaker"],
  ["assignment_candidate_ids", "assignment_candidate"],
  ["speaker_ids", "speaker"],
  ["chat_message_ids", "chat_message"],
];

const USER_SHOWN_THROUGH: ReadonlyArray<[field: string, collection: string]> = [
  ["option_ids", "option"],
  ["poll_voted_ids", "poll"],
  ["vote_ids", "vote"],
];

const isOwn = (rights: UserRights, id: number): boolean => rights.isOwnMeetingUser(id);

// Identity checks come last: a verdict reached without them holds for the whole permission profile.
function seeMeetingUser(rights: UserRights, id: number, see: See): boolean {
  const meetingId = idOf(rights.field("meeting_user", id, "meeting_id"));
  if (rights.hasPerm(meetingId, "user.can_see")) return true;
  for (const [field, collection] of SHOWN_THROUGH) {
    if (idList(rights.field("meeting_user", id, field)).some((other) => see(collection, "A", other))) return true;
  }
  const userId = idOf(rights.field("meeting_user", id, "user_id"));
  if (
    userId !== undefined &&
    USER_SHOWN_THROUGH.some(([field, collection]) => idList(rights.field("user", userId, field)).some((other) => see(collection, "A", other)))
  ) {
    return true;
  }
  if (isOwn(rights, id)) return true;
  // One's vote delegation partners (meeting users of the same meeting by the relation's definition).
  if (rights.isOwnMeetingUser(idOf(rights.field("meeting_user", id, "vote_delegated_to_id")))) return true;
  return idList(rights.field("meeting_user", id, "vote_delegations_from_ids")).some((other) => rights.isOwnMeetingUser(other));
}

export const meetingUser: CollectionRules = {
  A: seeMeetingUser,
  B: isOwn,
  C: (rights, id, see) => rights.hasOrganizationLevel("can_manage_organization") || see("meeting_user", "A", id),
  D: (rights, id) =>
    rights.hasOrganizationLevel("can_manage_users") || rights.hasPerm(idOf(rights.field("meeting_user", id, "meeting_id")), "user.can_manage"),
  E: (rights, id) => rights.hasPerm(idOf(rights.field("meeting_user", id, "meeting_id")), "user.can_see_sensitive_data") || isOwn(rights, id),
};
