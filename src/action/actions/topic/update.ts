// topic.update: title, text and attachments (mediafile ids) of a topic.
import { defineAction } from "../../framework/define.js";
import { idListSchema, updateSchema } from "../../framework/schemas.js";
import { attachmentsToMeetingMediafiles } from "../../shared/attachments.js";

export default defineAction({
  name: "topic.update",
  collection: "topic",
  kind: "update",
  schema: updateSchema("topic", {
    optional: ["title", "text"],
    additionalOptional: { attachment_mediafile_ids: idListSchema },
  }),
  permission: "agenda_item.can_manage",
  updateInstance: attachmentsToMeetingMediafiles,
});
