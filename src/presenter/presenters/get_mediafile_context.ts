// get_mediafile_context (spec presenter A5.12): for each mediafile, what it and its descendants
// are used for in which meeting, so the client can warn before deleting or unpublishing.
import type { Database, Model } from "../../db/types.js";
import { missingPermission } from "../errors.js";
import { assertOrganizationManagementLevel, hasPerm, idsOf } from "../permissions.js";
import { ID_LIST_SCHEMA } from "../schemas.js";
import type { Presenter } from "../types.js";

const LOGO_PLACES = ["projector_main", "projector_header", "web_header", "pdf_header_l", "pdf_header_r", "pdf_footer_l", "pdf_footer_r", "pdf_ballot_paper"];
const FONT_PLACES = ["regular", "italic", "bold", "bold_italic", "monospace", "chyron_speaker_name", "projector_h1", "projector_h2"];
const LOGO_FIELDS = LOGO_PLACES.map((place) => `used_as_logo_${place}_in_meeting_id`);
const FONT_FIELDS = FONT_PLACES.map((place) => `used_as_font_${place}_in_meeting_id`);
const PROJECTION_PLACES = ["current", "preview", "history"] as const;

type MeetingUse = Record<string, unknown> & { name: unknown };

export const getMediafileContext: Presenter = {
  name: "get_mediafile_context",
  schema: { type: "object", properties: { mediafile_ids: ID_LIST_SCHEMA }, required: ["mediafile_ids"], additionalProperties: false },
  async run({ db, userId, data }) {
    const mediafiles = await db.getMany("mediafile", data.mediafile_ids as number[], ["id", "owner_id", "published_to_meetings_in_organization_id"]);
    await assertMayInspect(db, userId, new Set([...mediafiles.values()].map((mediafile) => String(mediafile.owner_id))));
    const result: Record<string, unknown> = {};
    for (const [id, mediafile] of mediafiles) {
      const { descendants, meetingMediafileIds } = await familyOf(db, id);
      result[String(id)] = {
        owner_id: mediafile.owner_id,
        published: mediafile.published_to_meetings_in_organization_id === 1,
        children_amount: descendants,
        meetings_of_interest: await meetingUses(db, meetingMediafileIds),
      };
    }
    return result;
  },
};

async function assertMayInspect(db: Database, userId: number, ownerIds: Set<string>): Promise<void> {
  if (ownerIds.delete("organization/1")) await assertOrganizationManagementLevel(db, userId, "can_manage_organization");
  for (const owner of ownerIds) {
    const meetingId = Number(owner.split("/")[1]);
    if (!(await hasPerm(db, userId, "mediafile.can_manage", meetingId))) throw missingPermission("mediafile.can_manage");
  }
}

/** The number of all descendants and the meeting_mediafiles of the file and its descendants. */
async function familyOf(db: Database, rootId: number): Promise<{ descendants: number; meetingMediafileIds: number[] }> {
  let level = [rootId];
  let descendants = -1;
  const meetingMediafileIds: number[] = [];
  while (level.length > 0) {
    descendants += level.length;
    const files = await db.getMany("mediafile", level, ["child_ids", "meeting_mediafile_ids"]);
    meetingMediafileIds.push(...[...files.values()].flatMap((file) => idsOf(file.meeting_mediafile_ids)));
    level = [...files.values()].flatMap((file) => idsOf(file.child_ids));
  }
  return { descendants, meetingMediafileIds };
}

async function meetingUses(db: Database, meetingMediafileIds: number[]): Promise<Record<string, MeetingUse>> {
  const meetingMediafiles = await db.getMany("meeting_mediafile", meetingMediafileIds, ["meeting_id", "attachment_ids", "projection_ids", ...LOGO_FIELDS, ...FONT_FIELDS]);
  const projectionIds = [...meetingMediafiles.values()].flatMap((meetingMediafile) => idsOf(meetingMediafile.projection_ids));
  const projections = await db.getMany("projection", projectionIds, ["meeting_id", "current_projector_id", "preview_projector_id", "history_projector_id"]);
  const uses = new Map<number, Record<string, boolean>>();
  for (const meetingMediafile of meetingMediafiles.values()) {
    const meetingId = meetingMediafile.meeting_id as number;
    const flags = usageFlags(meetingMediafile, meetingId, projections);
    const merged = uses.get(meetingId) ?? {};
    for (const [flag, value] of Object.entries(flags)) merged[flag] = Boolean(merged[flag]) || value;
    uses.set(meetingId, merged);
  }
  const interesting = [...uses].filter(([, flags]) => Object.values(flags).some(Boolean));
  const meetings = await db.getMany("meeting", interesting.map(([id]) => id), ["name"]);
  return Object.fromEntries(interesting.map(([id, flags]) => [String(id), { name: meetings.get(id)?.name ?? null, ...flags }]));
}

function usageFlags(meetingMediafile: Model, meetingId: number, projections: Map<number, Model>): Record<string, boolean> {
  const own = idsOf(meetingMediafile.projection_ids)
    .map((id) => projections.get(id))
    .filter((projection): projection is Model => projection?.meeting_id === meetingId);
  const flags: Record<string, boolean> = {
    holds_attachments: Array.isArray(meetingMediafile.attachment_ids) && meetingMediafile.attachment_ids.length > 0,
    holds_logos: LOGO_FIELDS.some((field) => Boolean(meetingMediafile[field])),
    holds_fonts: FONT_FIELDS.some((field) => Boolean(meetingMediafile[field])),
  };
  for (const place of PROJECTION_PLACES) {
    flags[`holds_${place}_projections`] = own.some((projection) => projection[`${place}_projector_id`] !== null && projection[`${place}_projector_id`] !== undefined);
  }
  return flags;
}
