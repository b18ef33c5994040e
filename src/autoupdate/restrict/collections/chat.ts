// Chat groups and messages: chat managers, members of the read (and, for groups, write) groups,
// and the author of a message.
import { idList, idOf, type UserRights } from "../permissions.js";
import { meetingIdOf, type CollectionRules } from "../rules.js";

function readsChatGroup(rights: UserRights, groupId: number, includeWriters: boolean): boolean {
  const meetingId = meetingIdOf(rights, "chat_group", groupId);
  if (rights.hasPerm(meetingId, "chat.can_manage")) return true;
  const groups = [...idList(rights.field("chat_group", groupId, "read_group_ids"))];
  if (includeWriters) groups.push(...idList(rights.field("chat_group", groupId, "write_group_ids")));
  return rights.inAnyGroup(meetingId, groups);
}

export const chatGroup: CollectionRules = { A: (rights, id) => readsChatGroup(rights, id, true) };

export const chatMessage: CollectionRules = {
  A: (rights, id) => {
    const groupId = idOf(rights.field("chat_message", id, "chat_group_id"));
    if (groupId !== undefined && readsChatGroup(rights, groupId, false)) return true;
    const author = idOf(rights.field("chat_message", id, "meeting_user_id"));
    return rights.isOwnMeetingUser(author);
  },
};
