// get_forwarding_meetings (spec presenter A5.11): per committee the sender's committee forwards
// to, its active meetings that have not ended before today.
import type { Database } from "../../db/types.js";
import { PresenterError, presenterMissingPermission } from "../errors.js";
import { hasPerm, idsOf, mustGet } from "../permissions.js";
import { ID_SCHEMA } from "../schemas.js";
import type { Presenter } from "../types.js";
import { toInstant, zonedDate, zonedIsoString } from "../zoned-time.js";

export const getForwardingMeetings: Presenter = {
  name: "get_forwarding_meetings",
  schema: { type: "object", properties: { meeting_id: ID_SCHEMA }, required: ["meeting_id"] },
  async run({ db, userId, data }) {
    const senderId = data.meeting_id as number;
    if (!(await hasPerm(db, userId, "motion.can_forward", senderId))) {
      throw presenterMissingPermission("get_forwarding_meetings", "motion.can_forward");
    }
    const sender = await mustGet(db, `meeting/${senderId}`, ["committee_id", "is_active_in_organization_id"]);
    if (!sender.is_active_in_organization_id) {
      throw new PresenterError("Your sender meeting is an archived meeting, which can not forward motions.");
    }
    const committee = await mustGet(db, `committee/${sender.committee_id}`, ["forward_to_committee_ids"]);
    const organization = await mustGet(db, "organization/1", ["time_zone"]);
    const organizationZone = (organization.time_zone as string | undefined) || "UTC";
    const result = [];
    for (const committeeId of idsOf(committee.forward_to_committee_ids)) {
      const receiver = await mustGet(db, `committee/${committeeId}`, ["name", "default_meeting_id"]);
      const meetings = await openMeetings(db, committeeId, senderId, organizationZone);
      if (meetings.length === 0) continue;
      result.push({ id: committeeId, name: receiver.name ?? "", meetings, default_meeting_id: receiver.default_meeting_id ?? null });
    }
    return result;
  },
};

async function openMeetings(db: Database, committeeId: number, senderId: number, organizationZone: string) {
  const candidates = await db.filter(
    "meeting",
    {
      and_filter: [
        { field: "is_active_in_organization_id", operator: "!=", value: null },
        { field: "end_time", operator: "!=", value: null },
        { field: "committee_id", operator: "=", value: committeeId },
        { field: "id", operator: "!=", value: senderId },
      ],
    },
    ["id", "name", "start_time", "end_time", "time_zone"],
  );
  const now = new Date();
  const open = [];
  for (const [id, meeting] of [...candidates].sort(([a], [b]) => a - b)) {
    const zone = (meeting.time_zone as string | undefined) || organizationZone;
    const end = toInstant(meeting.end_time);
    if (!end || zonedDate(end, zone) < zonedDate(now, zone)) continue;
    const start = toInstant(meeting.start_time);
    open.push({ id, name: meeting.name ?? "", start_time: start ? zonedIsoString(start, zone) : null, end_time: zonedIsoString(end, zone) });
  }
  return open;
}
