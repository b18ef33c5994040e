// Users (X requested, Y the request user): names for whoever shares something visible with X,
// personal data for user managers, X themself, committee managers and sensitive-data readers.
import { idList, idOf, type UserRights } from "../permissions.js";
import type { CollectionRules } from "../rules.js";

const OML_RANK: Record<string, number> = { can_manage_users: 1, can_manage_organization: 2, superadmin: 3 };

const isSelf = (rights: UserRights, id: number) => rights.isSelf(id);

function inManagedCommittee(rights: UserRights, id: number): boolean {
  return idList(rights.field("user", id, "committee_ids")).some((committee) => rights.managesCommittee(committee));
}

/** X has a meeting_user in a meeting where Y holds the permission. */
function inMeetingWith(rights: UserRights, id: number, permission: string): boolean {
  return idList(rights.field("user", id, "meeting_user_ids")).some((meetingUser) =>
    rights.hasPerm(idOf(rights.field("meeting_user", meetingUser, "meeting_id")), permission),
  );
}

const userManager = (rights: UserRights) => rights.hasOrganizationLevel("can_manage_users");

const modeD = (rights: UserRights, id: number) => userManager(rights) || inMeetingWith(rights, id, "user.can_manage");

export const user: CollectionRules = {
  // Identity checks come last: a verdict reached without them holds for the whole permission profile.
  A: (rights, id, see) =>
    userManager(rights) ||
    inManagedCommittee(rights, id) ||
    idList(rights.field("user", id, "meeting_user_ids")).some((meetingUser) => see("meeting_user", "A", meetingUser)) ||
    isSelf(rights, id),
  B: (rights, id) => userManager(rights) || inManagedCommittee(rights, id) || inMeetingWith(rights, id, "user.can_see_sensitive_data") || isSelf(rights, id),
  D: modeD,
  E: (rights, id) =>
    rights.loggedIn && (userManager(rights) || inManagedCommittee(rights, id) || inMeetingWith(rights, id, "user.can_manage") || isSelf(rights, id)),
  F: userManager,
  G: () => false,
  H: (rights, id) => {
    if (!rights.loggedIn) return false;
    const theirs = OML_RANK[String(rights.field("user", id, "organization_management_level"))] ?? 0;
    if (rights.organizationLevel() < theirs) return false;
    return modeD(rights, id) || inManagedCommittee(rights, id);
  },
};
