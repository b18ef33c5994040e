// motion_block.create: gets a sequential number, an agenda item as the meeting's
// agenda_item_creation and the agenda_* fields say, and a list of speakers.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../validation/schemas.js";
import { agendaCreationProperties, createAgendaItem } from "../../shared/agenda-item-creation.js";
import { createListOfSpeakers } from "../../shared/list-of-speakers-creation.js";

export default defineAction({
  name: "motion_block.create",
  collection: "motion_block",
  kind: "create",
  schema: createSchema("motion_block", {
    required: ["title", "meeting_id"],
    optional: ["internal"],
    additionalOptional: agendaCreationProperties,
  }),
  permission: "motion.can_manage",
  afterCreate: [createAgendaItem(), createListOfSpeakers],
});
