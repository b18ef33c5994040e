import { meetingIdOf, type CollectionRules } from "../rules.js";

export const group: CollectionRules = {
  A: (rights, id) => rights.hasOrganizationLevel("can_manage_organization") || rights.canSeeMeeting(meetingIdOf(rights, "group", id)),
};
