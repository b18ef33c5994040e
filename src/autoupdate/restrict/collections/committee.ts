// Committees: user managers, managers of the committee or of a forwarding partner, and members.
import { idList, type UserRights } from "../permissions.js";
import type { CollectionRules } from "../rules.js";

function managesCommitteeOrPartner(rights: UserRights, id: number): boolean {
  if (rights.managesCommittee(id)) return true;
  const partners = [
    ...idList(rights.field("committee", id, "forward_to_committee_ids")),
    ...idList(rights.field("committee", id, "receive_forwardings_from_committee_ids")),
  ];
  return partners.some((partner) => rights.managesCommittee(partner));
}

export const committee: CollectionRules = {
  A: (rights, id) =>
    rights.hasOrganizationLevel("can_manage_users") ||
    managesCommitteeOrPartner(rights, id) ||
    idList(rights.field("committee", id, "user_ids")).some((user) => rights.isSelf(user)),
  B: (rights, id) => rights.hasOrganizationLevel("can_manage_organization") || managesCommitteeOrPartner(rights, id),
};
