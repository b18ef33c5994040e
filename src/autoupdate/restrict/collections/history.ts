// History: organization managers see everything; others the entries of meetings where they have
// meeting.can_see_history. A position is visible with any of its entries.
import { idList } from "../permissions.js";
import { meetingIdOf, type CollectionRules } from "../rules.js";

export const historyEntry: CollectionRules = {
  A: (rights, id) => {
    if (rights.hasOrganizationLevel("can_manage_organization")) return true;
    return rights.hasPerm(meetingIdOf(rights, "history_entry", id), "meeting.can_see_history");
  },
};

export const historyPosition: CollectionRules = {
  A: (rights, id, see) => idList(rights.field("history_position", id, "entry_ids")).some((entry) => see("history_entry", "A", entry)),
};
