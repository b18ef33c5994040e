// number_of_users (spec presenter A5.3): whether n more active users fit the organization's user limit.
import type { Presenter } from "../types.js";

export const numberOfUsers: Presenter = {
  name: "number_of_users",
  schema: {
    type: "object",
    properties: { number_of_users_to_add_or_activate: { type: "integer" } },
    required: ["number_of_users_to_add_or_activate"],
    additionalProperties: false,
  },
  async run({ db, data }) {
    const organization = await db.get("organization/1", ["limit_of_users"]);
    const limit = Number(organization?.limit_of_users ?? 0);
    if (limit === 0) return { possible: true };
    const active = await db.count("user", { field: "is_active", operator: "=", value: true });
    return { possible: active + (data.number_of_users_to_add_or_activate as number) <= limit };
  },
};
