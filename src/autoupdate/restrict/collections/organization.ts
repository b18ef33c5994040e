// Organization-wide collections: the organization itself, genders, themes, organization tags.
import type { CollectionRules } from "../rules.js";
import { always } from "../rules.js";

export const organization: CollectionRules = {
  A: always,
  B: (rights) => rights.loggedIn,
  C: (rights) => rights.hasOrganizationLevel("can_manage_users"),
  D: (rights) => rights.hasOrganizationLevel("superadmin"),
  E: (rights) => rights.adminAnywhere(),
};

export const gender: CollectionRules = { A: always };

export const theme: CollectionRules = { A: always };

export const organizationTag: CollectionRules = { A: (rights) => rights.loggedIn };
