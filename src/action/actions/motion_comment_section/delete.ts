// motion_comment_section.delete: refused while the section still has comments (PROTECT), with
// upstream's text naming up to three of the motions concerned.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { deleteSchema } from "../../validation/schemas.js";

async function refuseWithComments(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const section = await ctx.db.get(fqidOf("motion_comment_section", Number(instance.id)), ["comment_ids"]);
  const commentIds = ((section.comment_ids as number[] | undefined) ?? []).filter(
    (id) => !ctx.request.overlay.isToBeDeletedForProtected(fqidOf("motion_comment", id)),
  );
  if (commentIds.length === 0) return instance;
  const comments = await ctx.db.getMany("motion_comment", commentIds, ["motion_id"]);
  const motions = [...new Set([...comments.values()].map((comment) => `"${String(comment.motion_id)}"`))];
  let verbose = motions.slice(0, 3).join(", ");
  if (motions.length > 3) verbose += ", ..";
  const message = motions.length === 1 ? `This section has still comments in motion ${verbose}.` : `This section has still comments in motions ${verbose}.`;
  throw new ActionError(`${message} Please remove all comments before deletion.`);
}

export default defineAction({
  name: "motion_comment_section.delete",
  collection: "motion_comment_section",
  kind: "delete",
  schema: deleteSchema("motion_comment_section"),
  permission: "motion.can_manage",
  updateInstance: refuseWithComments,
});
