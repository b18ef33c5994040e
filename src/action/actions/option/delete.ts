// option.delete (backend internal): its votes cascade; a poll_candidate_list as content object is deleted too.
import { defineAction } from "../../framework/define.js";
import { collectionOf, idOf } from "../../framework/fqid.js";
import { deleteSchema } from "../../validation/schemas.js";
import pollCandidateListDelete from "../poll_candidate_list/delete.js";

export default defineAction({
  name: "option.delete",
  collection: "option",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("option"),
  updateInstance: async (ctx, instance) => {
    const option = await ctx.db.get(`option/${instance.id}`, ["content_object_id"]);
    const content = option.content_object_id as string | undefined;
    if (content && collectionOf(content) === "poll_candidate_list" && !ctx.isToBeDeleted(content)) {
      await ctx.execute(pollCandidateListDelete, [{ id: idOf(content) }]);
    }
    return instance;
  },
});
