// get_users (spec presenter A5.1): one page of user ids, filtered by a name substring and sorted
// by the given criteria, for user managers.
import type { Model } from "../../db/types.js";
import { assertOrganizationManagementLevel } from "../permissions.js";
import type { Presenter } from "../types.js";

/** Sortable fields with the value that stands in for an unset one. */
const SORT_DEFAULTS: Record<string, unknown> = {
  first_name: "",
  last_name: "",
  username: "",
  title: "",
  is_active: false,
  is_physical_person: false,
  email: "",
  last_email_send: 0,
  is_demo_user: false,
  number: "",
  vote_weight: "",
};

const DEFAULT_CRITERIA = ["last_name", "first_name", "username"];

export const getUsers: Presenter = {
  name: "get_users",
  schema: {
    type: "object",
    properties: {
      start_index: { type: "integer" },
      entries: { type: "integer" },
      sort_criteria: { type: "array", items: { type: "string", enum: Object.keys(SORT_DEFAULTS) } },
      reverse: { type: "boolean" },
      filter: { type: ["string", "null"] },
    },
    required: [],
    additionalProperties: false,
  },
  async run({ db, userId, data }) {
    await assertOrganizationManagementLevel(db, userId, "can_manage_users");
    const criteria = (data.sort_criteria as string[] | undefined) ?? DEFAULT_CRITERIA;
    const fields = [...new Set([...criteria, "username", "first_name", "last_name", "id"])];
    const users = [...(await db.filter("user", undefined, fields)).values()].sort((a, b) => (a.id as number) - (b.id as number));
    const filtered = typeof data.filter === "string" && data.filter ? users.filter((user) => matchesName(user, data.filter as string)) : users;
    const direction = data.reverse === true ? -1 : 1;
    filtered.sort((a, b) => direction * compareBy(a, b, criteria));
    const start = (data.start_index as number | undefined) ?? 0;
    const page = pythonSlice(filtered, start, start + ((data.entries as number | undefined) ?? 100));
    return { users: page.map((user) => user.id) };
  },
};

function matchesName(user: Model, text: string): boolean {
  return ["username", "first_name", "last_name"].some((field) => typeof user[field] === "string" && (user[field] as string).includes(text));
}

function sortValue(user: Model, field: string): unknown {
  const value = user[field];
  return value === null || value === undefined ? SORT_DEFAULTS[field] : value;
}

function compareBy(a: Model, b: Model, criteria: string[]): number {
  for (const field of criteria) {
    const order = compareValues(sortValue(a, field), sortValue(b, field));
    if (order !== 0) return order;
  }
  return 0;
}

/** Python's ordering: strings by code point, booleans as 0/1, numbers and dates numerically. */
function compareValues(a: unknown, b: unknown): number {
  const plain = (value: unknown) => (value instanceof Date ? value.getTime() : typeof value === "boolean" ? Number(value) : value);
  const left = plain(a);
  const right = plain(b);
  if (typeof left === "number" && typeof right === "number") return left - right;
  const leftText = String(left);
  const rightText = String(right);
  return leftText < rightText ? -1 : leftText > rightText ? 1 : 0;
}

/** list[start:end] with Python's handling of negative bounds. */
function pythonSlice<T>(items: T[], start: number, end: number): T[] {
  const bound = (index: number) => (index < 0 ? Math.max(0, items.length + index) : Math.min(index, items.length));
  return items.slice(bound(start), bound(end));
}
