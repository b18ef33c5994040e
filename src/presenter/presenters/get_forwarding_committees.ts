// get_forwarding_committees (spec presenter A5.10): names of the committees that may forward
// motions to the meeting's committee.
import { presenterMissingPermission } from "../errors.js";
import { hasPerm, idsOf, mustGet } from "../permissions.js";
import { ID_SCHEMA } from "../schemas.js";
import type { Presenter } from "../types.js";

export const getForwardingCommittees: Presenter = {
  name: "get_forwarding_committees",
  schema: { type: "object", properties: { meeting_id: ID_SCHEMA }, required: ["meeting_id"] },
  async run({ db, userId, data }) {
    const meetingId = data.meeting_id as number;
    if (!(await hasPerm(db, userId, "motion.can_manage_metadata", meetingId))) {
      throw presenterMissingPermission("get_forwarding_committees", "motion.can_manage_metadata");
    }
    const meeting = await mustGet(db, `meeting/${meetingId}`, ["committee_id"]);
    const committee = await mustGet(db, `committee/${meeting.committee_id}`, ["receive_forwardings_from_committee_ids"]);
    const names: string[] = [];
    for (const committeeId of idsOf(committee.receive_forwardings_from_committee_ids)) {
      const sender = await mustGet(db, `committee/${committeeId}`, ["name"]);
      if (sender.name) names.push(sender.name as string);
    }
    return names;
  },
};
