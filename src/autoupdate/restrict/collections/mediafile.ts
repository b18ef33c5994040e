// Files: organization files for organization managers, files with a token for everyone,
// published organization files for admins anywhere, meeting files through their meeting_mediafiles.
import { idList, idOf, type UserRights } from "../permissions.js";
import type { CollectionRules, See } from "../rules.js";

const LOGO_AND_FONT_FIELDS = [
  "used_as_logo_projector_main_in_meeting_id", "used_as_logo_projector_header_in_meeting_id", "used_as_logo_web_header_in_meeting_id",
  "used_as_logo_pdf_header_l_in_meeting_id", "used_as_logo_pdf_header_r_in_meeting_id", "used_as_logo_pdf_footer_l_in_meeting_id",
  "used_as_logo_pdf_footer_r_in_meeting_id", "used_as_logo_pdf_ballot_paper_in_meeting_id", "used_as_font_regular_in_meeting_id",
  "used_as_font_italic_in_meeting_id", "used_as_font_bold_in_meeting_id", "used_as_font_bold_italic_in_meeting_id",
  "used_as_font_monospace_in_meeting_id", "used_as_font_chyron_speaker_name_in_meeting_id",
  "used_as_font_projector_h1_in_meeting_id", "used_as_font_projector_h2_in_meeting_id",
];

function seeMediafile(rights: UserRights, id: number, see: See): boolean {
  const owner = String(rights.field("mediafile", id, "owner_id") ?? "");
  const ownedByOrganization = owner.startsWith("organization/");
  if (ownedByOrganization && rights.hasOrganizationLevel("can_manage_organization")) return true;
  const token = rights.field("mediafile", id, "token");
  if (typeof token === "string" && token !== "") return true;
  const published = rights.field("mediafile", id, "published_to_meetings_in_organization_id") !== undefined;
  if (published && rights.adminAnywhere()) return true;
  if (ownedByOrganization && !published) return false;
  return idList(rights.field("mediafile", id, "meeting_mediafile_ids")).some((meetingMediafile) => see("meeting_mediafile", "A", meetingMediafile));
}

export const mediafile: CollectionRules = { A: seeMediafile };

export const meetingMediafile: CollectionRules = {
  A: (rights, id, see) => {
    const meetingId = idOf(rights.field("meeting_mediafile", id, "meeting_id"));
    if (!rights.canSeeMeeting(meetingId)) return false;
    if (rights.isAdmin(meetingId)) return true;
    if (LOGO_AND_FONT_FIELDS.some((field) => rights.field("meeting_mediafile", id, field) !== undefined)) return true;
    if (idList(rights.field("meeting_mediafile", id, "projection_ids")).some((projection) => see("projection", "A", projection))) return true;
    if (!rights.hasPerm(meetingId, "mediafile.can_see")) return false;
    if (rights.field("meeting_mediafile", id, "is_public") === true) return true;
    return rights.inAnyGroup(meetingId, idList(rights.field("meeting_mediafile", id, "inherited_access_group_ids")));
  },
};
