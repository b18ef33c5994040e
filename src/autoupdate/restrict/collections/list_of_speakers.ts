// Lists of speakers, speakers and structure levels. Every list is judged in its own meeting
// (upstream lets one meeting's permission pass lists of other meetings checked together).
import { idList, idOf } from "../permissions.js";
import { meetingIdOf, throughRelation, type CollectionRules } from "../rules.js";

export const listOfSpeakers: CollectionRules = {
  A: (rights, id) => {
    const meetingId = meetingIdOf(rights, "list_of_speakers", id);
    return rights.hasPerm(meetingId, "list_of_speakers.can_see") || rights.hasPerm(meetingId, "list_of_speakers.can_be_speaker");
  },
  B: (rights, id, see) => see("list_of_speakers", "A", id) && rights.hasPerm(meetingIdOf(rights, "list_of_speakers", id), "list_of_speakers.can_see_moderator_notes"),
};

export const speaker: CollectionRules = {
  A: (rights, id) => {
    const meetingId = meetingIdOf(rights, "speaker", id);
    if (rights.hasPerm(meetingId, "list_of_speakers.can_see")) return true;
    if (!rights.loggedIn || !rights.hasPerm(meetingId, "list_of_speakers.can_be_speaker")) return false;
    return rights.isOwnMeetingUser(idOf(rights.field("speaker", id, "meeting_user_id")));
  },
};

export const structureLevel: CollectionRules = {
  A: (rights, id, see) =>
    rights.hasPerm(meetingIdOf(rights, "structure_level", id), "list_of_speakers.can_see") ||
    idList(rights.field("structure_level", id, "meeting_user_ids")).some((meetingUser) => see("meeting_user", "A", meetingUser)),
};

export const structureLevelListOfSpeakers: CollectionRules = {
  A: throughRelation("structure_level_list_of_speakers", "list_of_speakers_id", "list_of_speakers"),
};

export const pointOfOrderCategory: CollectionRules = {
  A: (rights, id) => rights.canSeeMeeting(meetingIdOf(rights, "point_of_order_category", id)),
};
