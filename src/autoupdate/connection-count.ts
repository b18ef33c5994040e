// /system/autoupdate/connection_count (spec 2.6): open connections per user, streams and long
// polls, for organization managers in full and for meeting admins limited to their meetings' users.
import { idList, idOf, UserRights } from "./restrict/permissions.js";
import type { AutoupdateService } from "./service.js";

export function connectionCountAnswer(service: AutoupdateService, userId: number): { status: number; body: string } {
  if (userId <= 0) return { status: 400, body: "Connection counting not allowed\n" };
  const rights = new UserRights(service.state, userId);
  const [streams, polls] = service.connectionCounts();
  let visible: (id: number) => boolean;
  if (rights.hasOrganizationLevel("can_manage_organization")) {
    visible = () => true;
  } else {
    const adminMeetings = [...rights.meetingUsers()]
      .filter(([meetingId, meetingUserId]) => {
        const adminGroup = idOf(service.state.getField("meeting", meetingId, "admin_group_id"));
        return adminGroup !== undefined && idList(service.state.getField("meeting_user", meetingUserId, "group_ids")).includes(adminGroup);
      })
      .map(([meetingId]) => meetingId);
    if (adminMeetings.length === 0) return { status: 400, body: "Connection counting not allowed\n" };
    const users = new Set<number>();
    for (const meetingId of adminMeetings) {
      for (const meetingUser of idList(service.state.getField("meeting", meetingId, "meeting_user_ids"))) {
        const user = idOf(service.state.getField("meeting_user", meetingUser, "user_id"));
        if (user !== undefined) users.add(user);
      }
    }
    visible = (id) => users.has(id);
  }
  const shown = (counts: Map<number, number>) => Object.fromEntries([...counts].filter(([id]) => visible(id)).map(([id, count]) => [String(id), count]));
  return { status: 200, body: `${JSON.stringify([shown(streams), shown(polls)])}\n` };
}
