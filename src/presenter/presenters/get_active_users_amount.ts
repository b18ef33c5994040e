// get_active_users_amount (spec presenter A5.2): the number of active users, for user managers.
import { assertOrganizationManagementLevel } from "../permissions.js";
import type { Presenter } from "../types.js";

export const getActiveUsersAmount: Presenter = {
  name: "get_active_users_amount",
  schema: { type: "object", properties: {}, additionalProperties: false },
  async run({ db, userId }) {
    await assertOrganizationManagementLevel(db, userId, "can_manage_users");
    const amount = await db.count("user", { field: "is_active", operator: "=", value: true });
    return { active_users_amount: amount };
  },
};
