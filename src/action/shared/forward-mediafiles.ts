// Upstream ForwardMediafilesMixin + the attachment part of BaseMotionCreateForwarded: the
// attachments of forwarded motions reach the target meetings. Meeting-wide mediafiles are
// duplicated (mediafile.duplicate_to_another_meeting), organization-wide ones are reused; each
// (meeting, mediafile) gets a meeting_mediafile unless it already has one. Per request, every
// attachment is forwarded to a meeting once (motion.create_forwarded and its amendments share it).
import type { Model } from "../../db/types.js";
import { ActionError } from "../errors.js";
import type { ActionContext, Instance } from "../framework/types.js";

const ORGANIZATION_FQID = "organization/1";

interface ForwardState {
  /** meeting id -> meeting_mediafile ids already forwarded there. */
  forwarded: Map<number, Set<number>>;
  /** meeting id -> origin meeting_mediafile id -> new meeting_mediafile id. */
  replace: Map<number, Map<number, number>>;
}

const states = new WeakMap<object, ForwardState>();

function stateOf(ctx: ActionContext): ForwardState {
  let state = states.get(ctx.request);
  if (!state) {
    state = { forwarded: new Map(), replace: new Map() };
    states.set(ctx.request, state);
  }
  return state;
}

export async function forwardWithAttachmentsDisabled(ctx: ActionContext): Promise<boolean> {
  const organization = await ctx.db.get(ORGANIZATION_FQID, ["disable_forward_with_attachments"], { optional: true });
  return Boolean(organization.disable_forward_with_attachments);
}

export async function checkCanForwardWithAttachments(ctx: ActionContext): Promise<void> {
  if (await forwardWithAttachmentsDisabled(ctx)) throw new ActionError("Forward with attachments is disabled");
}

/** prepareData step: duplicates the attachments of all items with with_attachments. */
export async function duplicateAttachmentsOfItems(ctx: ActionContext, data: Instance[]): Promise<void> {
  if (await forwardWithAttachmentsDisabled(ctx)) return;
  const state = stateOf(ctx);
  const targets = new Map<number, Set<number>>();
  for (const item of data) {
    if (!item.with_attachments) continue;
    const originId = Number(item.origin_id);
    if (!targets.has(originId)) targets.set(originId, new Set());
    targets.get(originId)!.add(Number(item.meeting_id));
  }
  if (targets.size === 0) return;
  const origins = await ctx.db.getMany("motion", [...targets.keys()], ["attachment_meeting_mediafile_ids"]);
  // target meeting -> meeting_mediafile ids to forward there
  const perMeeting = new Map<number, number[]>();
  for (const [originId, meetingIds] of targets) {
    const attachments = new Set((origins.get(originId)?.attachment_meeting_mediafile_ids as number[] | undefined) ?? []);
    for (const meetingId of meetingIds) {
      const already = state.forwarded.get(meetingId) ?? new Set<number>();
      const fresh = [...attachments].filter((id) => !already.has(id));
      perMeeting.set(meetingId, [...new Set([...(perMeeting.get(meetingId) ?? []), ...fresh])].sort((a, b) => a - b));
      state.forwarded.set(meetingId, new Set([...already, ...attachments]));
    }
  }
  const allIds = [...new Set([...perMeeting.values()].flat())];
  if (allIds.length === 0) return;
  const meetingMediafiles = await ctx.db.getMany("meeting_mediafile", allIds, ["mediafile_id", "is_public", "access_group_ids", "inherited_access_group_ids"]);
  const mediafileIds = [...new Set([...meetingMediafiles.values()].map((mm) => mm.mediafile_id as number))];
  const mediafiles = await ctx.db.getMany("mediafile", mediafileIds, ["owner_id", "parent_id"]);

  // meeting -> new meeting_mediafile data (with old id)
  const newEntries: Array<{ meetingId: number; oldId: number; data: Model }> = [];
  for (const [meetingId, mmIds] of perMeeting) {
    for (const oldId of mmIds) {
      const mm = meetingMediafiles.get(oldId);
      if (!mm) continue;
      newEntries.push({ meetingId, oldId, data: mm });
    }
  }
  // meeting -> origin mediafile id -> target mediafile id
  const mediafileReplace = new Map<number, Map<number, number>>();
  const toDuplicate: Array<{ meetingId: number; originId: number }> = [];
  for (const entry of newEntries) {
    const originMediafile = entry.data.mediafile_id as number;
    const replace = mediafileReplace.get(entry.meetingId) ?? new Map<number, number>();
    mediafileReplace.set(entry.meetingId, replace);
    if (replace.has(originMediafile)) continue;
    const meetingWide = mediafiles.get(originMediafile)?.owner_id !== ORGANIZATION_FQID;
    if (meetingWide) toDuplicate.push({ meetingId: entry.meetingId, originId: originMediafile });
    else replace.set(originMediafile, originMediafile);
  }
  if (toDuplicate.length > 0) {
    const ids = await ctx.reserveIds("mediafile", toDuplicate.length);
    toDuplicate.forEach(({ meetingId, originId }, i) => mediafileReplace.get(meetingId)!.set(originId, ids[i]!));
    const duplicateData = toDuplicate.map(({ meetingId, originId }) => {
      const item: Instance = { id: mediafileReplace.get(meetingId)!.get(originId), owner_id: `meeting/${meetingId}`, origin_id: originId };
      const parentId = mediafiles.get(originId)?.parent_id as number | undefined;
      if (parentId) {
        const mapped = mediafileReplace.get(meetingId)!.get(parentId);
        if (mapped !== undefined) item.parent_id = mapped;
      }
      return item;
    });
    await ctx.execute("mediafile.duplicate_to_another_meeting", duplicateData);
  }

  // Existing meeting_mediafiles of (meeting, target mediafile) in the stored data are reused.
  const createData: Instance[] = [];
  const createdFor: Array<{ meetingId: number; oldId: number }> = [];
  for (const entry of newEntries) {
    const targetMediafile = mediafileReplace.get(entry.meetingId)!.get(entry.data.mediafile_id as number)!;
    const existing = await ctx.request.tx.filter(
      "meeting_mediafile",
      {
        and_filter: [
          { field: "mediafile_id", operator: "=", value: targetMediafile },
          { field: "meeting_id", operator: "=", value: entry.meetingId },
        ],
      },
      ["id"],
    );
    const replace = state.replace.get(entry.meetingId) ?? new Map<number, number>();
    state.replace.set(entry.meetingId, replace);
    const existingId = [...existing.keys()][0];
    if (existingId !== undefined) {
      replace.set(entry.oldId, existingId);
      continue;
    }
    const data: Instance = { is_public: entry.data.is_public ?? false, mediafile_id: targetMediafile, meeting_id: entry.meetingId };
    for (const field of ["access_group_ids", "inherited_access_group_ids"]) if (entry.data[field] !== undefined) data[field] = entry.data[field];
    createData.push(data);
    createdFor.push(entry);
  }
  if (createData.length > 0) {
    const results = (await ctx.execute("meeting_mediafile.create", createData)) ?? [];
    createdFor.forEach((entry, i) => state.replace.get(entry.meetingId)!.set(entry.oldId, (results[i] as { id: number }).id));
  }
}

/** The new motion's attachment_meeting_mediafile_ids from the origin's, through the replace map. */
export async function forwardAttachments(ctx: ActionContext, instance: Instance): Promise<void> {
  const replace = stateOf(ctx).replace.get(Number(instance.meeting_id));
  if (!replace || replace.size === 0) return;
  const origin = await ctx.db.get(`motion/${Number(instance.origin_id)}`, ["attachment_meeting_mediafile_ids"]);
  instance.attachment_meeting_mediafile_ids = ((origin.attachment_meeting_mediafile_ids as number[] | undefined) ?? [])
    .map((id) => replace.get(id))
    .filter((id): id is number => id !== undefined);
}
