// agenda_item.delete: also deletes the topic the item belongs to (a topic never lives without
// its agenda item); the topic is deleted first so relation maintenance has nothing to update on it.
import { defineAction } from "../../framework/define.js";
import { collectionOf, fqidOf, idOf } from "../../framework/fqid.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import topicDelete from "../topic/delete.js";

async function deleteTopicFirst(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const item = await ctx.db.get(fqidOf("agenda_item", Number(instance.id)), ["content_object_id"]);
  const content = item.content_object_id as string | undefined;
  if (content && collectionOf(content) === "topic" && !ctx.isToBeDeleted(content)) {
    await ctx.execute(topicDelete, [{ id: idOf(content) }]);
  }
  return instance;
}

export default defineAction({
  name: "agenda_item.delete",
  collection: "agenda_item",
  kind: "delete",
  schema: deleteSchema("agenda_item"),
  permission: "agenda_item.can_manage",
  updateInstance: deleteTopicFirst,
});
