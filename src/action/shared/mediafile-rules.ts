// [MF] Rules shared by the mediafile actions (upstream MediafileMixin, MediafileCreateMixin,
// MediafileCalculatedFieldsMixin, meeting_mediafile_helper): who may act on organization- or
// meeting-owned files, parent/owner/access-group consistency, and the meeting_mediafiles that
// carry a file's (inherited) access groups per meeting.
import { inheritedAccess } from "../../checker/mediafile-access.js";
import meetingMediafileCreate from "../actions/meeting_mediafile/create.js";
import { ActionError, PermissionDeniedError } from "../errors.js";
import { fqidOf } from "../framework/fqid.js";
import { hasOrganizationManagementLevel, hasPerm, missingOrganizationManagementLevel, missingPermission } from "../framework/permissions.js";
import type { ActionContext, Instance, ItemHook } from "../framework/types.js";

export const ONE_ORGANIZATION_ID = 1;
const MEETING_FIELDS = ["meeting_id", "access_group_ids"];

export type Owner = [collection: "meeting" | "organization", id: number];

/** Upstream get_owner_data: the owner of the payload, else the stored file's. */
export async function ownerOf(ctx: ActionContext, instance: Instance): Promise<Owner> {
  let ownerId = instance.owner_id as string | undefined;
  if (!ownerId) ownerId = (await ctx.db.get(fqidOf("mediafile", Number(instance.id)), ["owner_id"])).owner_id as string;
  const [collection, id] = String(ownerId).split("/");
  return [collection as Owner[0], Number(id)];
}

async function assertNotArchived(ctx: ActionContext, meetingId: number): Promise<void> {
  // ctx.skipArchivedMeetingCheck mirrors the definition's flag (set so that the framework skips
  // its own check); sub-actions (cascades of meeting.delete) are not checked here.
  if (ctx.isSubAction) return;
  const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["id", "is_active_in_organization_id", "name"]);
  if (!meeting.is_active_in_organization_id) {
    throw new ActionError(`Meeting ${String(meeting.name ?? "")}/${meetingId} cannot be changed, because it is archived.`);
  }
}

/**
 * Archive check (meeting-owned files only) and permission check: organization files need
 * can_manage_organization except for the meeting-side fields (meeting_id, access_group_ids),
 * which need mediafile.can_manage in that meeting; meeting files need mediafile.can_manage there.
 * Set the definition's skipArchivedMeetingCheck: the archive check happens here.
 */
export function checkMediafilePermissions(options: { isDelete?: boolean } = {}): ItemHook {
  return async (ctx, item) => {
    const [collection, ownerId] = await ownerOf(ctx, item);
    if (collection === "meeting") await assertNotArchived(ctx, ownerId);
    if (ctx.internal) return;
    let meetingId = ownerId;
    if (collection === "organization") {
      if (ctx.userId === 0) throw new PermissionDeniedError(`Anonymous is not allowed to execute ${ctx.action.name}`);
      const fields = Object.keys(item).filter((field) => field !== "id");
      const beyondMeeting = fields.some((field) => !MEETING_FIELDS.includes(field));
      if ((beyondMeeting || options.isDelete) && !(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_organization"))) {
        throw missingOrganizationManagementLevel("can_manage_organization");
      }
      if (!fields.includes("meeting_id")) return;
      meetingId = Number(item.meeting_id);
    }
    if (!(await hasPerm(ctx.db, ctx.userId, "mediafile.can_manage", meetingId))) throw missingPermission("mediafile.can_manage");
  };
}

/** Internal route: no permission hook runs, so the archive check of meeting files happens here. */
export async function archiveCheckOnInternalRoute(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  if (!ctx.internal || ctx.isSubAction) return data;
  for (const item of data) {
    const [collection, ownerId] = await ownerOf(ctx, item);
    if (collection === "meeting") await assertNotArchived(ctx, ownerId);
  }
  return data;
}

async function parentPublished(ctx: ActionContext, mediafileId: number): Promise<boolean> {
  const model = await ctx.db.get(fqidOf("mediafile", mediafileId), ["published_to_meetings_in_organization_id"]);
  return model.published_to_meetings_in_organization_id === ONE_ORGANIZATION_ID;
}

/** Upstream check_implicitly_published: the file itself or its parent is published. */
async function implicitlyPublished(ctx: ActionContext, instance: Instance, parentId: number | undefined): Promise<boolean> {
  if ("id" in instance && (await ctx.db.get(fqidOf("mediafile", Number(instance.id)), ["published_to_meetings_in_organization_id"], { optional: true }))
    .published_to_meetings_in_organization_id === ONE_ORGANIZATION_ID) {
    return true;
  }
  if (!parentId) return false;
  return parentPublished(ctx, parentId);
}

/** Upstream MediafileMixin.update_instance: parent, token and access group consistency. */
export async function validateMediafile(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const [collection, ownerId] = await ownerOf(ctx, instance);
  let parentId = instance.parent_id as number | null | undefined;
  if (parentId) {
    const parent = await ctx.db.get(fqidOf("mediafile", parentId), ["is_directory", "owner_id"]);
    if (!parent.is_directory) throw new ActionError("Parent is not a directory.");
    if (parent.owner_id !== String(instance.owner_id)) throw new ActionError("Owner and parent don't match.");
  } else {
    const stored = await ctx.db.get(fqidOf("mediafile", Number(instance.id)), ["parent_id"], { optional: true });
    parentId = stored.parent_id as number | undefined;
  }
  if (collection === "organization") {
    if ("access_group_ids" in instance && (!("meeting_id" in instance) || !(await implicitlyPublished(ctx, instance, parentId ?? undefined)))) {
      throw new ActionError("access_group_ids is not allowed in organization mediafiles.");
    }
  } else {
    if ("token" in instance) throw new ActionError("token is not allowed in meeting mediafiles.");
    const groupIds = instance.access_group_ids as number[] | null | undefined;
    if (groupIds && groupIds.length > 0) {
      const groups = await ctx.db.getMany("group", groupIds, ["meeting_id"]);
      for (const group of groups.values()) {
        if (group.meeting_id !== ownerId) throw new ActionError("Owner and access groups don't match.");
      }
    }
  }
  return instance;
}

/** Upstream find_meeting_mediafile: the meeting_mediafile of a file in a meeting. */
export async function findMeetingMediafile(
  ctx: ActionContext,
  meetingId: number,
  mediafileId: number,
  fields: string[] = [],
): Promise<[id: number | undefined, model: Instance]> {
  const found = await ctx.db.filter(
    "meeting_mediafile",
    {
      and_filter: [
        { field: "meeting_id", operator: "=", value: meetingId },
        { field: "mediafile_id", operator: "=", value: mediafileId },
      ],
    },
    [...new Set(["id", ...fields])],
  );
  const [entry] = found.entries();
  return entry ? [entry[0], entry[1]] : [undefined, {}];
}

/**
 * Upstream calculate_inherited_groups_helper_with_parent_id: is_public and inherited groups of
 * a file under the given parent in a meeting. A parent without a meeting_mediafile there counts
 * as visible to the admin group only.
 */
export async function inheritedUnderParent(
  ctx: ActionContext,
  accessGroupIds: number[] | null | undefined,
  parentId: number | null | undefined,
  meetingId: number,
): Promise<[isPublic: boolean, inherited: number[]]> {
  let parentIsPublic: boolean | undefined;
  let parentInherited: number[] | undefined;
  if (parentId) {
    const [id, parent] = await findMeetingMediafile(ctx, meetingId, parentId, ["is_public", "inherited_access_group_ids"]);
    if (id) {
      parentIsPublic = parent.is_public as boolean | undefined;
      parentInherited = parent.inherited_access_group_ids as number[] | undefined;
    } else {
      const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["admin_group_id"]);
      parentIsPublic = false;
      parentInherited = [meeting.admin_group_id as number];
    }
  }
  return inheritedAccess(accessGroupIds, parentIsPublic, parentInherited);
}

export interface ChildAccess {
  /** The child mediafile's id. */
  id: number;
  meeting_id: number;
  is_public: boolean;
  inherited_access_group_ids: number[];
}

/**
 * Upstream handle_children: the new access values of every descendant (in this meeting) whose
 * values change under a parent with the given ones, depth first.
 */
export async function childrenAccess(
  ctx: ActionContext,
  mediafileId: number,
  parentIsPublic: boolean,
  parentInherited: number[],
  meetingId: number,
): Promise<ChildAccess[]> {
  const mediafile = await ctx.db.get(fqidOf("mediafile", mediafileId), ["child_ids"]);
  const childIds = (mediafile.child_ids as number[] | undefined) ?? [];
  if (childIds.length === 0) return [];
  const found = await ctx.db.filter(
    "meeting_mediafile",
    {
      and_filter: [
        { field: "meeting_id", operator: "=", value: meetingId },
        { or_filter: childIds.map((id) => ({ field: "mediafile_id", operator: "=" as const, value: id })) },
      ],
    },
    ["access_group_ids", "inherited_access_group_ids", "is_public", "mediafile_id", "id"],
  );
  const byMediafile = new Map<number, Instance>();
  for (const model of found.values()) byMediafile.set(model.mediafile_id as number, model);
  const result: ChildAccess[] = [];
  for (const childId of childIds) {
    const existing = byMediafile.get(childId) ?? {};
    const [isPublic, inherited] = inheritedAccess((existing.access_group_ids as number[] | undefined) ?? [], parentIsPublic, parentInherited);
    if (existing.is_public !== isPublic || !sameList(existing.inherited_access_group_ids as number[] | undefined, inherited)) {
      result.push({ id: childId, meeting_id: meetingId, is_public: isPublic, inherited_access_group_ids: inherited });
      result.push(...(await childrenAccess(ctx, childId, isPublic, inherited, meetingId)));
    }
  }
  return result;
}

/** Python list equality (None != []). */
function sameList(a: number[] | undefined, b: number[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Upstream MediafileCreateMixin.update_instance: a new file takes its parent's publication. */
export async function inheritPublication(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (instance.parent_id) {
    const parent = await ctx.db.get(fqidOf("mediafile", Number(instance.parent_id)), ["published_to_meetings_in_organization_id"]);
    instance.published_to_meetings_in_organization_id = parent.published_to_meetings_in_organization_id ?? null;
  }
  return instance;
}

/**
 * After a file is created: its meeting_mediafile (meeting-owned: takes the payload's
 * access_group_ids), or one per meeting in which its parent has one (organization-owned).
 */
export async function createMeetingMediafiles(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const [collection, ownerId] = await ownerOf(ctx, instance);
  if (collection === "meeting") {
    const payload: Instance = { meeting_id: ownerId, mediafile_id: instance.id };
    if ("access_group_ids" in instance) {
      payload.access_group_ids = instance.access_group_ids;
      delete instance.access_group_ids;
    }
    [payload.is_public, payload.inherited_access_group_ids] = await inheritedUnderParent(
      ctx,
      payload.access_group_ids as number[] | null | undefined,
      instance.parent_id as number | undefined,
      ownerId,
    );
    await ctx.execute(meetingMediafileCreate, [payload]);
    return instance;
  }
  if (!instance.parent_id) return instance;
  const parentMeetingMediafiles = await ctx.db.filter(
    "meeting_mediafile",
    { field: "mediafile_id", operator: "=", value: instance.parent_id },
    ["inherited_access_group_ids", "is_public", "meeting_id"],
  );
  const payloads: Instance[] = [];
  for (const parent of parentMeetingMediafiles.values()) {
    const [isPublic, inherited] = inheritedAccess(null, parent.is_public as boolean | undefined, parent.inherited_access_group_ids as number[] | undefined);
    payloads.push({ meeting_id: parent.meeting_id, mediafile_id: instance.id, is_public: isPublic, inherited_access_group_ids: inherited });
  }
  if (payloads.length > 0) await ctx.execute(meetingMediafileCreate, payloads);
  return instance;
}
