// Agenda items: managers see all; internal items need can_see_internal; hidden ones can_manage.
import { meetingIdOf, type CollectionRules } from "../rules.js";

export const agendaItem: CollectionRules = {
  A: (rights, id) => {
    const meetingId = meetingIdOf(rights, "agenda_item", id);
    if (rights.hasPerm(meetingId, "agenda_item.can_manage")) return true;
    const hidden = rights.field("agenda_item", id, "is_hidden") === true;
    const internal = rights.field("agenda_item", id, "is_internal") === true;
    if (rights.hasPerm(meetingId, "agenda_item.can_see_internal") && !hidden) return true;
    return rights.hasPerm(meetingId, "agenda_item.can_see") && !hidden && !internal;
  },
  B: (rights, id, see) => see("agenda_item", "A", id) && rights.hasPerm(meetingIdOf(rights, "agenda_item", id), "agenda_item.can_see_internal"),
  C: (rights, id, see) => see("agenda_item", "A", id) && rights.hasPerm(meetingIdOf(rights, "agenda_item", id), "agenda_item.can_manage"),
};
