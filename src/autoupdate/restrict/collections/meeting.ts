// Meetings: a few public fields, the settings for those who may see the meeting, front page,
// livestream, jitsi and management fields.
import { idOf } from "../permissions.js";
import { always, type CollectionRules } from "../rules.js";

export const meeting: CollectionRules = {
  A: always,
  B: (rights, id) => rights.canSeeMeeting(id),
  C: (rights, id) => rights.hasPerm(id, "meeting.can_see_frontpage"),
  D: (rights, id) => rights.hasPerm(id, "meeting.can_see_livestream"),
  E: (rights, id) => rights.hasOrganizationLevel("superadmin") || rights.canSeeMeeting(id),
  F: (rights, id) =>
    rights.hasOrganizationLevel("can_manage_organization") ||
    rights.managesCommittee(idOf(rights.field("meeting", id, "committee_id"))) ||
    rights.canSeeMeeting(id),
};
