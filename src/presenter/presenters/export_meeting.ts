// export_meeting (spec presenter A5.13): a meeting as a models map for meeting.import, for
// superadmins; meetings locked from inside cannot be exported.
import { addTimestampFractions, exportMeeting } from "../../export/export-meeting.js";
import type { Model } from "../../db/types.js";
import { PermissionDeniedError, PresenterError } from "../errors.js";
import { hasOrganizationManagementLevel } from "../permissions.js";
import type { Presenter } from "../types.js";

export const exportMeetingPresenter: Presenter = {
  name: "export_meeting",
  schema: {
    type: "object",
    title: "export meeting",
    description: "export meeting",
    properties: { meeting_id: { type: "integer", minimum: 1 }, old_db_compatibility: { type: "boolean" } },
  },
  async run({ db, userId, data }) {
    if (!(await hasOrganizationManagementLevel(db, userId, "superadmin"))) {
      throw new PermissionDeniedError("You are not allowed to perform presenter export_meeting. Missing permission: superadmin");
    }
    const oldDbCompatibility = Boolean(data.old_db_compatibility);
    const exported = await exportMeeting(db, data.meeting_id as number, { unixTimestamps: oldDbCompatibility });
    const meetings = exported.meeting as Record<string, Model>;
    const locked = Object.entries(meetings).find(([, meeting]) => meeting.locked_from_inside);
    if (locked) throw new PresenterError(`Cannot export: meeting ${locked[0]} is locked.`);
    for (const meeting of Object.values(meetings)) {
      delete meeting.organization_tag_ids;
      delete meeting.default_meeting_for_committee_id;
    }
    if (!oldDbCompatibility) await addTimestampFractions(db, exported);
    if (oldDbCompatibility) {
      for (const meetingMediafile of Object.values((exported.meeting_mediafile ?? {}) as Record<string, Model>)) {
        meetingMediafile.inherited_access_group_ids ??= [];
      }
    }
    return exported;
  },
};
