// search_users (spec presenter A5.5): for each search entry the users that match it exactly
// (case-insensitive) by username, else saml id, else member number, else first name + last
// name + email.
import type { Database, Filter, Model } from "../../db/types.js";
import { PermissionDeniedError, PresenterError } from "../errors.js";
import { hasOrganizationManagementLevel, hasPerm, managesCommittee, missingOrganizationManagementLevel, mustGet } from "../permissions.js";
import type { Presenter } from "../types.js";

const SEARCH_GROUPS = [["username"], ["saml_id"], ["member_number"], ["first_name", "last_name", "email"]];
const SEARCH_FIELDS = SEARCH_GROUPS.flat();

type SearchEntry = Record<string, string>;

export const searchUsers: Presenter = {
  name: "search_users",
  schema: {
    type: "object",
    properties: {
      permission_type: { type: "string", enum: ["meeting", "committee", "organization"] },
      permission_id: { type: "integer", minimum: 1 },
      search: {
        type: "array",
        minItems: 1,
        items: {
          type: "object",
          properties: Object.fromEntries(SEARCH_FIELDS.map((field) => [field, { type: "string" }])),
          additionalProperties: false,
        },
      },
    },
    required: ["permission_type", "permission_id", "search"],
    additionalProperties: false,
  },
  async run({ db, userId, data }) {
    await assertMaySearch(db, userId, data.permission_type as string, data.permission_id as number);
    const rawEntries = data.search as SearchEntry[];
    const entries = rawEntries.map(normalized);
    const candidates = await fetchCandidates(db, entries);
    const result = entries.map((entry) => candidates.filter((user) => matches(user, entry)).map(userView));
    const namesTheLord = rawEntries.some((entry) => SEARCH_FIELDS.some((field) => entry[field] === "Jehova" || entry[field] === "Jehovah"));
    if (namesTheLord && result.every((users) => users.length === 0)) throw new PresenterError("Oooh! He said it again! Oooh!...");
    return result;
  },
};

async function assertMaySearch(db: Database, userId: number, type: string, id: number): Promise<void> {
  if (await hasOrganizationManagementLevel(db, userId, "can_manage_users")) return;
  if (type === "organization") throw missingOrganizationManagementLevel("can_manage_users");
  if (type === "committee") {
    if (await managesCommittee(db, userId, id)) return;
    throw new PermissionDeniedError(`Missing permission: CommitteeManagementLevel can_manage in committee ${id}`);
  }
  if (await hasPerm(db, userId, "user.can_manage", id)) return;
  const meeting = await mustGet(db, `meeting/${id}`, ["committee_id"]);
  if (await managesCommittee(db, userId, meeting.committee_id as number)) return;
  throw new PermissionDeniedError(`Missing permission: Permission user.can_manage in meeting ${id}`);
}

function normalized(entry: SearchEntry): SearchEntry {
  return Object.fromEntries(SEARCH_FIELDS.map((field) => [field, (entry[field] ?? "").trim().toLowerCase()]));
}

/** One query for all entries: per entry the first group whose fields are all given. */
async function fetchCandidates(db: Database, entries: SearchEntry[]): Promise<Model[]> {
  const filters: Filter[] = [];
  for (const entry of entries) {
    const group = SEARCH_GROUPS.find((fields) => fields.every((field) => entry[field]));
    if (!group) continue;
    filters.push({ and_filter: group.map((field) => ({ field, operator: "~=" as const, value: entry[field] })) });
  }
  if (filters.length === 0) return [];
  const users = await db.filter("user", { or_filter: filters }, ["id", ...SEARCH_FIELDS]);
  return [...users.values()].sort((a, b) => (a.id as number) - (b.id as number));
}

/** Decided by the first group with any given field: all of its fields must be equal. */
function matches(user: Model, entry: SearchEntry): boolean {
  const group = SEARCH_GROUPS.find((fields) => fields.some((field) => entry[field]));
  if (!group) return false;
  return group.every((field) => String(user[field] ?? "").toLowerCase() === entry[field]);
}

function userView(user: Model): Record<string, unknown> {
  return Object.fromEntries(["id", ...SEARCH_FIELDS].map((field) => [field, user[field] ?? null]));
}
