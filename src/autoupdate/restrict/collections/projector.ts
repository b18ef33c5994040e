// Projectors and what they show: projector managers see everything; others the projectors that
// are not internal (with projector.can_see, or the reference projector with can_see_autopilot).
import { idOf } from "../permissions.js";
import { meetingIdOf, withPermission, type CollectionRules } from "../rules.js";

export const projector: CollectionRules = {
  A: (rights, id) => {
    const meetingId = meetingIdOf(rights, "projector", id);
    if (rights.hasPerm(meetingId, "projector.can_manage")) return true;
    if (rights.field("projector", id, "is_internal") === true) return false;
    if (rights.hasPerm(meetingId, "projector.can_see")) return true;
    return rights.field("projector", id, "used_as_reference_projector_meeting_id") !== undefined && rights.hasPerm(meetingId, "meeting.can_see_autopilot");
  },
};

export const projection: CollectionRules = {
  A: (rights, id, see) => {
    if (rights.hasPerm(meetingIdOf(rights, "projection", id), "projector.can_manage")) return true;
    const projectorId = idOf(rights.field("projection", id, "current_projector_id"));
    return projectorId !== undefined && see("projector", "A", projectorId);
  },
};

export const projectorCountdown: CollectionRules = { A: withPermission("projector_countdown", "projector.can_see") };

export const projectorMessage: CollectionRules = { A: withPermission("projector_message", "projector.can_see") };
