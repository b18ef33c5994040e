// topic.create: a simple agenda topic. It always gets an agenda item (agenda_* fields, whatever
// the meeting's agenda_item_creation says) and a list of speakers; attachments are mediafile ids.
import { defineAction } from "../../framework/define.js";
import { createSchema, idListSchema } from "../../framework/schemas.js";
import { agendaCreationProperties, createAgendaItem } from "../../shared/agenda-item-creation.js";
import { attachmentsToMeetingMediafiles } from "../../shared/attachments.js";
import { createListOfSpeakers } from "../../shared/list-of-speakers-creation.js";

export default defineAction({
  name: "topic.create",
  collection: "topic",
  kind: "create",
  schema: createSchema("topic", {
    required: ["meeting_id", "title"],
    optional: ["text"],
    additionalOptional: { attachment_mediafile_ids: idListSchema, ...agendaCreationProperties },
  }),
  permission: "agenda_item.can_manage",
  updateInstance: attachmentsToMeetingMediafiles,
  afterCreate: [createAgendaItem({ always: true }), createListOfSpeakers],
});
