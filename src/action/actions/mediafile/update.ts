// mediafile.update: title/token on the file; access_group_ids (with meeting_id) go to the file's
// meeting_mediafile in that meeting (created when missing, unless it would only repeat the
// implicit admin-group default) with is_public and inherited_access_group_ids recalculated for
// the file and every descendant whose values change.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { modelFieldSchema, requiredIdSchema, updateSchema } from "../../framework/schemas.js";
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
import meetingMediafileUpdate from "../meeting_mediafile/update.js";

async function withChildren(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  await archiveCheckOnInternalRoute(ctx, data);
  const instances: Instance[] = [];
  for (const instance of data) {
    if (instance.access_group_ids === undefined || instance.access_group_ids === null) {
      instances.push(instance);
      continue;
    }
    const meetingId = Number(instance.meeting_id ?? 0);
    if (!meetingId) throw new ActionError("Cannot update access groups without meeting_id");
    const mediafile = await ctx.db.get(fqidOf("mediafile", Number(instance.id)), ["parent_id"]);
    const [isPublic, inherited] = await inheritedUnderParent(ctx, instance.access_group_ids as number[], mediafile.parent_id as number | undefined, meetingId);
    instance.is_public = isPublic;
    instance.inherited_access_group_ids = inherited;
    instances.push(instance);
    instances.push(...((await childrenAccess(ctx, Number(instance.id), isPublic, inherited, meetingId)) as unknown as Instance[]));
  }
  return instances;
}

/** The meeting-side fields leave the file for its meeting_mediafile. */
async function toMeetingMediafile(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const meetingId = instance.meeting_id as number | undefined;
  delete instance.meeting_id;
  if (!meetingId) return instance;
  const fields: Instance = {};
  for (const field of ["is_public", "access_group_ids", "inherited_access_group_ids"]) {
    if (field in instance) {
      fields[field] = instance[field];
      delete instance[field];
    }
  }
  if (Object.keys(fields).length === 0) return instance;
  const [existing] = await findMeetingMediafile(ctx, meetingId, Number(instance.id));
  if (existing) {
    await ctx.execute(meetingMediafileUpdate, [{ id: existing, ...fields }]);
    return instance;
  }
  const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["admin_group_id"]);
  const inherited = fields.inherited_access_group_ids as number[] | undefined;
  const onlyAdminDefault = Array.isArray(inherited) && inherited.length === 1 && inherited[0] === meeting.admin_group_id;
  const groups = fields.access_group_ids as number[] | null | undefined;
  if ((groups && groups.length > 0) || !onlyAdminDefault) {
    await ctx.execute(meetingMediafileCreate, [{ meeting_id: meetingId, mediafile_id: instance.id, ...fields }]);
  }
  return instance;
}

export default defineAction({
  name: "mediafile.update",
  collection: "mediafile",
  kind: "update",
  schema: updateSchema("mediafile", {
    optional: ["title", "token"],
    additionalOptional: { meeting_id: requiredIdSchema, access_group_ids: modelFieldSchema("meeting_mediafile", "access_group_ids") },
  }),
  permission: "mediafile.can_manage",
  checkPermissions: checkMediafilePermissions(),
  skipArchivedMeetingCheck: true,
  instances: withChildren,
  instancesAreOriginal: false,
  updateInstance: [validateMediafile, toMeetingMediafile],
});
