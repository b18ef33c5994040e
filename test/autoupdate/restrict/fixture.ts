// A small in-memory data set for restricter tests: models by fqid, read like the live state.
import type { StateReader } from "../../../src/autoupdate/restrict/index.js";

export type Data = Record<string, Record<string, unknown>>;

export function stateOf(data: Data): StateReader {
  return {
    getField: (collection, id, field) => data[`${collection}/${id}`]?.[field],
    exists: (collection, id) => `${collection}/${id}` in data,
    ids: (collection) =>
      Object.keys(data)
        .filter((fqid) => fqid.startsWith(`${collection}/`))
        .map((fqid) => Number(fqid.split("/")[1]))
        .sort((a, b) => a - b),
  };
}

/**
 * One meeting (1) in committee 1 with a default group (1), an admin group (2) and a group 3
 * holding `permissions`; user 1 is in group 3 (meeting_user 10), user 2 in no meeting,
 * user 3 superadmin without membership.
 */
export function meetingWith(permissions: string[], extra: Data = {}): Data {
  return {
    "organization/1": { id: 1, enable_anonymous: false },
    "committee/1": { id: 1, meeting_ids: [1] },
    "meeting/1": { id: 1, committee_id: 1, admin_group_id: 2, default_group_id: 1, group_ids: [1, 2, 3], meeting_user_ids: [10] },
    "group/1": { id: 1, meeting_id: 1, permissions: [] },
    "group/2": { id: 2, meeting_id: 1 },
    "group/3": { id: 3, meeting_id: 1, permissions, meeting_user_ids: [10] },
    "user/1": { id: 1, meeting_user_ids: [10] },
    "user/2": { id: 2 },
    "user/3": { id: 3, organization_management_level: "superadmin" },
    "meeting_user/10": { id: 10, user_id: 1, meeting_id: 1, group_ids: [3] },
    ...extra,
  };
}
