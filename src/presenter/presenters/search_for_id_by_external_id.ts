// search_for_id_by_external_id (spec presenter A5.6): the first committee, meeting or group with
// the external id inside its parent; groups of meetings locked from inside only for their members.
import type { Database, Model } from "../../db/types.js";
import { assertOrganizationManagementLevel, idsOf } from "../permissions.js";
import type { Presenter } from "../types.js";

const PARENT_FIELD: Record<string, string> = { group: "meeting_id", meeting: "committee_id", committee: "organization_id" };

export const searchForIdByExternalId: Presenter = {
  name: "search_for_id_by_external_id",
  schema: {
    type: "object",
    properties: {
      collection: { type: "string", enum: ["committee", "meeting", "group"] },
      external_id: { type: "string" },
      context_id: { type: "integer" },
    },
    required: ["collection", "external_id", "context_id"],
    additionalProperties: false,
  },
  async run({ db, userId, data }) {
    await assertOrganizationManagementLevel(db, userId, "can_manage_organization");
    const collection = data.collection as string;
    const externalId = data.external_id as string;
    const found = await db.filter(
      collection,
      {
        and_filter: [
          { field: "external_id", operator: "=", value: externalId },
          { field: PARENT_FIELD[collection]!, operator: "=", value: data.context_id },
        ],
      },
      collection === "group" ? ["id", "meeting_id"] : ["id"],
    );
    const hits = collection === "group" ? await visibleGroups(db, userId, found) : [...found.values()];
    const first = hits.sort((a, b) => (a.id as number) - (b.id as number))[0];
    return first ? { id: first.id } : { id: null, error: `No item with '${externalId}' was found.` };
  },
};

/** Groups of meetings locked from inside count only when the user is in one of that meeting's groups. */
async function visibleGroups(db: Database, userId: number, groups: Map<number, Model>): Promise<Model[]> {
  const meetingIds = [...new Set([...groups.values()].map((group) => group.meeting_id as number))];
  const meetings = await db.getMany("meeting", meetingIds, ["locked_from_inside", "group_ids"]);
  const visible: Model[] = [];
  for (const group of groups.values()) {
    const meeting = meetings.get(group.meeting_id as number);
    if (!meeting?.locked_from_inside || (await userInMeetingGroups(db, userId, group.meeting_id as number, idsOf(meeting.group_ids)))) {
      visible.push(group);
    }
  }
  return visible;
}

async function userInMeetingGroups(db: Database, userId: number, meetingId: number, meetingGroupIds: number[]): Promise<boolean> {
  const meetingUsers = await db.filter(
    "meeting_user",
    { and_filter: [{ field: "meeting_id", operator: "=", value: meetingId }, { field: "user_id", operator: "=", value: userId }] },
    ["group_ids"],
  );
  const own = new Set([...meetingUsers.values()].flatMap((meetingUser) => idsOf(meetingUser.group_ids)));
  return meetingGroupIds.some((id) => own.has(id));
}
