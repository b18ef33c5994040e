// topic.delete: its agenda item, list of speakers, polls and projections cascade.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "topic.delete",
  collection: "topic",
  kind: "delete",
  schema: deleteSchema("topic"),
  permission: "agenda_item.can_manage",
});
