// mediafile.publish: {id, publish}: a top-level organization file and its whole subtree get (or
// lose) published_to_meetings_in_organization_id; un-publishing deletes their meeting_mediafiles.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { ONE_ORGANIZATION_ID } from "../../shared/mediafile-rules.js";
import meetingMediafileDelete from "../meeting_mediafile/delete.js";

/** Meeting mediafiles to delete per instance (kept out of the instance itself). */
const toDelete = new WeakMap<Instance, number[]>();

async function subtree(ctx: ActionContext, id: number, childIds: number[], published: number | null, meetingMediafileIds: number[] | undefined, out: Instance[]): Promise<void> {
  const instance: Instance = { id, published_to_meetings_in_organization_id: published };
  if (meetingMediafileIds && meetingMediafileIds.length > 0) toDelete.set(instance, meetingMediafileIds);
  out.push(instance);
  if (childIds.length === 0) return;
  const children = await ctx.db.getMany("mediafile", childIds, ["child_ids", "meeting_mediafile_ids"]);
  for (const [childId, child] of children) {
    await subtree(ctx, childId, (child.child_ids as number[] | undefined) ?? [], published, child.meeting_mediafile_ids as number[] | undefined, out);
  }
}

async function publishInstances(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const instances: Instance[] = [];
  for (const item of data) {
    const publish = item.publish === true;
    const mediafile = await ctx.db.get(fqidOf("mediafile", Number(item.id)), [
      "owner_id",
      "child_ids",
      "parent_id",
      "published_to_meetings_in_organization_id",
      "meeting_mediafile_ids",
    ]);
    if (String(mediafile.owner_id).split("/")[0] !== "organization") throw new ActionError("Only organization-owned mediafiles may be published");
    if (mediafile.parent_id) throw new ActionError("Only top-level mediafiles may be published");
    const unchanged = publish === (mediafile.published_to_meetings_in_organization_id !== undefined && mediafile.published_to_meetings_in_organization_id !== null);
    // Upstream quirk: when nothing changes for the file itself, its own meeting_mediafiles stay.
    const ownMeetingMediafiles = unchanged ? undefined : (mediafile.meeting_mediafile_ids as number[] | undefined);
    await subtree(ctx, Number(item.id), (mediafile.child_ids as number[] | undefined) ?? [], publish ? ONE_ORGANIZATION_ID : null, ownMeetingMediafiles, instances);
  }
  return instances;
}

async function deleteUnpublished(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const ids = toDelete.get(instance);
  if (ids && instance.published_to_meetings_in_organization_id === null) {
    await ctx.execute(meetingMediafileDelete, ids.map((id) => ({ id })));
  }
  return instance;
}

export default defineAction({
  name: "mediafile.publish",
  collection: "mediafile",
  kind: "update",
  schema: updateSchema("mediafile", { additionalRequired: { publish: { type: "boolean" } } }),
  permission: { organizationManagementLevel: "can_manage_organization" },
  skipArchivedMeetingCheck: true,
  instances: publishInstances,
  updateInstance: deleteUnpublished,
});
