// get_user_related_models (spec presenter A5.8): what a user is tied to (OML, committees,
// meetings with their speakers, submitters, candidates), shown before deleting the user.
import type { Database, Model } from "../../db/types.js";
import { idsOf } from "../permissions.js";
import { checkPermissionsForScope } from "../../permissions/index.js";
import { ID_LIST_SCHEMA } from "../schemas.js";
import type { Presenter } from "../types.js";

const MEETING_USER_FIELDS = ["speaker_ids", "motion_submitter_ids", "assignment_candidate_ids", "locked_out"];

export const getUserRelatedModels: Presenter = {
  name: "get_user_related_models",
  schema: { type: "object", properties: { user_ids: ID_LIST_SCHEMA }, required: ["user_ids"], additionalProperties: false },
  async run({ db, userId, data }) {
    const users = await db.getMany("user", data.user_ids as number[], ["id", "organization_management_level", "meeting_user_ids", "committee_ids", "committee_management_ids"]);
    const result: Record<string, Record<string, unknown>> = {};
    for (const [id, user] of [...users].sort(([a], [b]) => a - b)) {
      await checkPermissionsForScope(db, userId, id);
      const related: Record<string, unknown> = {};
      if (user.organization_management_level) related.organization_management_level = user.organization_management_level;
      const committees = await committeesOf(db, user);
      if (committees.length > 0) related.committees = committees;
      const meetings = await meetingsOf(db, userId, user);
      if (meetings.length > 0) related.meetings = meetings;
      result[String(id)] = related;
    }
    return result;
  },
};

async function committeesOf(db: Database, user: Model) {
  const managed = new Set(idsOf(user.committee_management_ids));
  const committees = await db.getMany("committee", idsOf(user.committee_ids), ["id", "name"]);
  return [...committees]
    .sort(([a], [b]) => a - b)
    .map(([id, committee]) => ({ id, name: committee.name ?? "", cml: managed.has(id) ? "can_manage" : "" }));
}

/** Meetings where the user holds a group; details hidden for meetings locked from inside unless the requester is in them. */
async function meetingsOf(db: Database, requesterId: number, user: Model) {
  const meetingUsers = [...(await db.getMany("meeting_user", idsOf(user.meeting_user_ids), ["id", ...MEETING_USER_FIELDS, "group_ids", "meeting_id"])).values()]
    .filter((meetingUser) => idsOf(meetingUser.group_ids).length > 0)
    .sort((a, b) => (a.id as number) - (b.id as number));
  if (meetingUsers.length === 0) return [];
  const meetings = await db.getMany("meeting", meetingUsers.map((meetingUser) => meetingUser.meeting_id as number), ["id", "name", "is_active_in_organization_id", "locked_from_inside"]);
  const requester = await db.get(`user/${requesterId}`, ["meeting_ids"]);
  const requesterMeetings = new Set(idsOf(requester?.meeting_ids));
  const result = [];
  for (const meetingUser of meetingUsers) {
    const meeting = meetings.get(meetingUser.meeting_id as number);
    if (!meeting) continue;
    const visible = !meeting.locked_from_inside || requesterMeetings.has(meeting.id as number);
    const details = Object.fromEntries(MEETING_USER_FIELDS.filter((field) => visible && isTruthy(meetingUser[field])).map((field) => [field, meetingUser[field]]));
    result.push({
      id: meeting.id,
      name: meeting.name ?? null,
      is_active_in_organization_id: meeting.is_active_in_organization_id ?? null,
      is_locked: meeting.locked_from_inside ?? false,
      ...details,
    });
  }
  return result;
}

function isTruthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}
