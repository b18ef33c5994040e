// [ATT] attachment_mediafile_ids (mediafile ids) become attachment_meeting_mediafile_ids: the
// mediafile's meeting_mediafile in this meeting, created when missing (published files only).
import meetingMediafileCreate from "../actions/meeting_mediafile/create.js";
import { ActionError } from "../errors.js";
import { fqidOf } from "../framework/fqid.js";
import type { ActionContext, Instance, InstanceHook } from "../framework/types.js";

async function meetingMediafileIdOrPayload(ctx: ActionContext, meetingId: number, mediafileId: number): Promise<number | Instance> {
  const found = await ctx.db.filter(
    "meeting_mediafile",
    {
      and_filter: [
        { field: "meeting_id", operator: "=", value: meetingId },
        { field: "mediafile_id", operator: "=", value: mediafileId },
      ],
    },
    ["id"],
  );
  const [existing] = found.keys();
  if (existing !== undefined) return existing;
  const meeting = await ctx.db.get(fqidOf("meeting", meetingId), ["admin_group_id"]);
  const payload: Instance = {
    meeting_id: meetingId,
    mediafile_id: mediafileId,
    inherited_access_group_ids: [meeting.admin_group_id ?? null],
    is_public: false,
  };
  const mediafile = await ctx.db.get(fqidOf("mediafile", mediafileId), ["parent_id", "published_to_meetings_in_organization_id"]);
  if (!mediafile.published_to_meetings_in_organization_id) {
    throw new ActionError("No meeting_mediafile creation possible: Mediafile is not published.");
  }
  if (!mediafile.parent_id) payload.access_group_ids = payload.inherited_access_group_ids;
  return payload;
}

export const attachmentsToMeetingMediafiles: InstanceHook = async (ctx, instance) => {
  if (!("attachment_mediafile_ids" in instance)) return instance;
  const mediafileIds = (instance.attachment_mediafile_ids as number[] | null) ?? [];
  delete instance.attachment_mediafile_ids;
  const meetingId = await ctx.meetingIdOf(instance);
  const resolved: Array<number | Instance> = [];
  for (const mediafileId of mediafileIds) resolved.push(await meetingMediafileIdOrPayload(ctx, meetingId, mediafileId));
  const payloads = resolved.filter((entry): entry is Instance => typeof entry !== "number");
  const created = payloads.length > 0 ? ((await ctx.execute(meetingMediafileCreate, payloads)) ?? []) : [];
  let next = 0;
  instance.attachment_meeting_mediafile_ids = resolved.map((entry) => (typeof entry === "number" ? entry : Number(created[next++]?.id)));
  return instance;
};

/** The id of the mediafile's meeting_mediafile in the meeting, created when missing. */
export async function meetingMediafileFor(ctx: ActionContext, meetingId: number, mediafileId: number): Promise<number> {
  const found = await meetingMediafileIdOrPayload(ctx, meetingId, mediafileId);
  if (typeof found === "number") return found;
  const [created] = (await ctx.execute(meetingMediafileCreate, [found])) ?? [];
  return Number(created?.id);
}
