// mediafile.delete: deletes the file and its whole subtree (each with its meeting_mediafiles,
// which cascade to their list of speakers and projections). Organization files need
// can_manage_organization.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { archiveCheckOnInternalRoute, checkMediafilePermissions } from "../../shared/mediafile-rules.js";

async function treeIds(ctx: ActionContext, id: number): Promise<number[]> {
  const ids = [id];
  const node = await ctx.db.get(fqidOf("mediafile", id), ["child_ids"]);
  for (const childId of (node.child_ids as number[] | undefined) ?? []) {
    if (!ctx.isToBeDeleted(fqidOf("mediafile", childId))) ids.push(...(await treeIds(ctx, childId)));
  }
  return ids;
}

async function wholeTrees(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (const item of data) for (const id of await treeIds(ctx, Number(item.id))) instances.push({ id });
  return instances;
}

export default defineAction({
  name: "mediafile.delete",
  collection: "mediafile",
  kind: "delete",
  schema: deleteSchema("mediafile"),
  permission: "mediafile.can_manage",
  checkPermissions: checkMediafilePermissions({ isDelete: true }),
  skipArchivedMeetingCheck: true,
  prepareData: archiveCheckOnInternalRoute,
  instances: wholeTrees,
});
