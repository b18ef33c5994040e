// Tags, topics and personal notes.
import { idOf } from "../permissions.js";
import { meetingIdOf, throughRelation, type CollectionRules } from "../rules.js";

export const tag: CollectionRules = {
  A: (rights, id) => rights.hasOrganizationLevel("can_manage_organization") || rights.canSeeMeeting(meetingIdOf(rights, "tag", id)),
};

export const topic: CollectionRules = { A: throughRelation("topic", "agenda_item_id", "agenda_item") };

/** Only the note's own user, not even a superadmin. */
export const personalNote: CollectionRules = {
  A: (rights, id) => {
    return rights.isOwnMeetingUser(idOf(rights.field("personal_note", id, "meeting_user_id")));
  },
};
