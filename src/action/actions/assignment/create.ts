// assignment.create: an election. Agenda item per agenda_create / the meeting's
// agenda_item_creation, always a list of speakers; attachments are mediafile ids.
import { defineAction } from "../../framework/define.js";
import { createSchema, idListSchema } from "../../validation/schemas.js";
import { agendaCreationProperties, createAgendaItem } from "../../shared/agenda-item-creation.js";
import { attachmentsToMeetingMediafiles } from "../../shared/attachments.js";
import { createListOfSpeakers } from "../../shared/list-of-speakers-creation.js";

export default defineAction({
  name: "assignment.create",
  collection: "assignment",
  kind: "create",
  schema: createSchema("assignment", {
    required: ["title", "meeting_id"],
    optional: ["description", "open_posts", "phase", "default_poll_description", "number_poll_candidates", "tag_ids"],
    additionalOptional: { ...agendaCreationProperties, attachment_mediafile_ids: idListSchema },
  }),
  permission: "assignment.can_manage",
  updateInstance: attachmentsToMeetingMediafiles,
  afterCreate: [createAgendaItem(), createListOfSpeakers],
});
