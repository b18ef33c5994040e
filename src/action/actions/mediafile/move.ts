// mediafile.move: {owner_id, ids, parent_id} (one data item): no move into the own subtree, no
// published root file away from the root. Meeting files get their (and their descendants')
// access recalculated under the new parent; organization files take the new parent's
// publication (descendants too) and get meeting_mediafiles per meeting of a published parent,
// or lose those of their whole branch under an unpublished one.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { idListSchema, itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import {
  archiveCheckOnInternalRoute,
  checkMediafilePermissions,
  childrenAccess,
  findMeetingMediafile,
  inheritedUnderParent,
  validateMediafile,
} from "../../shared/mediafile-rules.js";
import meetingMediafileCreate from "../meeting_mediafile/create.js";
import meetingMediafileDelete from "../meeting_mediafile/delete.js";
import meetingMediafileUpdate from "../meeting_mediafile/update.js";

/**
 * Upstream expand_children_meeting_mediafile_payload_lists: the new access values of the moved
 * file in one meeting and of its descendants there, as creates or updates.
 */
async function expandAccess(
  ctx: ActionContext,
  instance: Instance,
  meetingMediafileId: number | undefined,
  meetingId: number,
  creates: Instance[],
  updates: Instance[],
): Promise<void> {
  let own: Instance;
  let accessGroupIds: number[] | null | undefined;
  if (meetingMediafileId) {
    own = { id: meetingMediafileId };
    updates.push(own);
    accessGroupIds = ((await ctx.db.get(fqidOf("meeting_mediafile", meetingMediafileId), ["access_group_ids"])).access_group_ids as number[] | undefined) ?? [];
  } else {
    own = { meeting_id: meetingId, mediafile_id: instance.id };
    creates.push(own);
    accessGroupIds = null;
  }
  const [isPublic, inherited] = await inheritedUnderParent(ctx, accessGroupIds, instance.parent_id as number | null, meetingId);
  own.is_public = isPublic;
  own.inherited_access_group_ids = inherited;
  for (const child of await childrenAccess(ctx, Number(instance.id), isPublic, inherited, meetingId)) {
    const [existing] = await findMeetingMediafile(ctx, child.meeting_id, child.id);
    if (existing) updates.push({ id: existing, is_public: child.is_public, inherited_access_group_ids: child.inherited_access_group_ids });
    else creates.push({ meeting_id: child.meeting_id, mediafile_id: child.id, is_public: child.is_public, inherited_access_group_ids: child.inherited_access_group_ids });
  }
}

async function publishedForChildren(ctx: ActionContext, model: Instance, published: number | null): Promise<Instance[]> {
  const childIds = (model.child_ids as number[] | undefined) ?? [];
  if (childIds.length === 0) return [];
  const children = await ctx.db.getMany("mediafile", childIds, ["child_ids"]);
  const result: Instance[] = [];
  for (const [id, child] of children) {
    result.push({ id, published_to_meetings_in_organization_id: published });
    result.push(...(await publishedForChildren(ctx, child, published)));
  }
  return result;
}

async function branchMeetingMediafileIds(ctx: ActionContext, models: Instance[]): Promise<number[]> {
  const ids = models.flatMap((model) => (model.meeting_mediafile_ids as number[] | undefined) ?? []);
  const childIds = models.flatMap((model) => (model.child_ids as number[] | undefined) ?? []);
  if (childIds.length > 0) {
    const children = await ctx.db.getMany("mediafile", childIds, ["child_ids", "meeting_mediafile_ids"]);
    ids.push(...(await branchMeetingMediafileIds(ctx, [...children.values()])));
  }
  return ids;
}

async function organizationMeetingMediafiles(ctx: ActionContext, instance: Instance, stored: Instance, parent: Instance | undefined): Promise<void> {
  if (parent?.published_to_meetings_in_organization_id) {
    const parentMeetingMediafiles = await ctx.db.getMany("meeting_mediafile", (parent.meeting_mediafile_ids as number[] | undefined) ?? [], ["meeting_id"]);
    const ownMeetingMediafiles = await ctx.db.getMany("meeting_mediafile", (stored.meeting_mediafile_ids as number[] | undefined) ?? [], ["meeting_id"]);
    const ownByMeeting = new Map<number, number>();
    for (const [id, model] of ownMeetingMediafiles) ownByMeeting.set(model.meeting_id as number, id);
    const meetingIds = new Set<number>();
    for (const model of [...parentMeetingMediafiles.values(), ...ownMeetingMediafiles.values()]) meetingIds.add(model.meeting_id as number);
    const creates: Instance[] = [];
    const updates: Instance[] = [];
    for (const meetingId of meetingIds) await expandAccess(ctx, instance, ownByMeeting.get(meetingId), meetingId, creates, updates);
    if (creates.length > 0) await ctx.execute(meetingMediafileCreate, creates);
    if (updates.length > 0) await ctx.execute(meetingMediafileUpdate, updates);
    return;
  }
  const ids = await branchMeetingMediafileIds(ctx, [stored]);
  if (ids.length > 0) await ctx.execute(meetingMediafileDelete, ids.map((id) => ({ id })));
}

async function moveInstances(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  await archiveCheckOnInternalRoute(ctx, data);
  const [item] = data;
  const [ownerCollection, ownerIdText] = String(item!.owner_id).split("/");
  const ownerId = Number(ownerIdText);
  const parentId = (item!.parent_id as number | null | undefined) ?? null;
  const ids = item!.ids as number[];
  const stored = await ctx.db.getMany("mediafile", ids, ["owner_id", "parent_id", "published_to_meetings_in_organization_id", "meeting_mediafile_ids", "child_ids"]);

  let parent: Instance | undefined;
  if (parentId !== null) {
    const ancestors = [parentId];
    parent = await ctx.db.get(fqidOf("mediafile", parentId), ["parent_id", "meeting_mediafile_ids", "published_to_meetings_in_organization_id"]);
    let current = parent;
    while (current.parent_id !== undefined && current.parent_id !== null) {
      const next = current.parent_id as number;
      ancestors.push(next);
      current = await ctx.db.get(fqidOf("mediafile", next), ["parent_id"]);
    }
    for (const id of ids) {
      if (ancestors.includes(id)) throw new ActionError(`Moving item ${id} to one of its children is not possible.`);
    }
  }

  const instances: Instance[] = [];
  for (const id of ids) {
    const model = stored.get(id);
    if (!model) throw new ActionError(`Id ${id} not in db_instances.`);
    if (model.published_to_meetings_in_organization_id && !model.parent_id) {
      throw new ActionError(`Item ${id} is published and may therefore not be moved away from the root directory. Please unpublish it first.`);
    }
    const instance: Instance = { id, parent_id: parentId, owner_id: `${ownerCollection}/${ownerId}` };
    if (ownerCollection === "meeting") {
      const meetingMediafileIds = (model.meeting_mediafile_ids as number[] | undefined) ?? [];
      if (meetingMediafileIds.length !== 1) {
        throw new ActionError(`Database corrupt: Expected meeting-owned mediafile ${id} to have exactly one meeting_mediafile`);
      }
      const creates: Instance[] = [];
      const updates: Instance[] = [];
      await expandAccess(ctx, instance, meetingMediafileIds[0], ownerId, creates, updates);
      if (creates.length > 0) {
        throw new ActionError(`Database corrupt: Expected children of meeting-owned mediafile ${id} to all have a meeting_mediafile`);
      }
      await ctx.execute(meetingMediafileUpdate, updates);
    } else {
      const published = (parent?.published_to_meetings_in_organization_id as number | undefined) ?? null;
      instance.published_to_meetings_in_organization_id = published;
      instances.push(...(await publishedForChildren(ctx, model, published)));
      await organizationMeetingMediafiles(ctx, instance, model, parent);
    }
    instances.push(instance);
  }
  return instances;
}

export default defineAction({
  name: "mediafile.move",
  collection: "mediafile",
  kind: "update",
  schema: itemSchema(
    "mediafile",
    { required: ["parent_id", "owner_id"], additionalRequired: { ids: { description: "An array of agenda item ids where the items should be assigned to the new parent id.", ...idListSchema } } },
    "Mediafile new parent schema",
    "An object containing an array of mediafile ids and the new parent id the items should be moved to.",
  ),
  singular: true,
  permission: "mediafile.can_manage",
  checkPermissions: checkMediafilePermissions(),
  skipArchivedMeetingCheck: true,
  instances: moveInstances,
  updateInstance: validateMediafile,
});
