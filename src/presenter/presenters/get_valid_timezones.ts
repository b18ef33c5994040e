// get_valid_timezones (spec presenter A5.4): PostgreSQL's time zone names with their current abbreviations.
import type { Database } from "../../db/types.js";
import { missingPermission, PresenterError } from "../errors.js";
import { hasOrganizationManagementLevel, hasPerm, idsOf } from "../permissions.js";
import type { Presenter } from "../types.js";

export const getValidTimezones: Presenter = {
  name: "get_valid_timezones",
  schema: { type: "object", properties: {} },
  async run({ db, userId }) {
    await assertMaySeeTimezones(db, userId);
    const rows = await db.query<{ name: string; abbrev: string }>("SELECT name, abbrev FROM pg_timezone_names");
    return Object.fromEntries(rows.map((row) => [row.name, row.abbrev]));
  },
};

/** Organization managers, committee managers and whoever may manage settings of one of their meetings. */
async function assertMaySeeTimezones(db: Database, userId: number): Promise<void> {
  if (await hasOrganizationManagementLevel(db, userId, "can_manage_organization")) return;
  const user = await db.get(`user/${userId}`, ["committee_management_ids", "meeting_ids"]);
  // Upstream reads the user unconditionally; anonymous (user 0) fails there.
  if (!user) throw new PresenterError(`Model 'user/${userId}' does not exist.`);
  if (idsOf(user.committee_management_ids).length > 0) return;
  for (const meetingId of idsOf(user.meeting_ids)) {
    if (await hasPerm(db, userId, "meeting.can_manage_settings", meetingId)) return;
  }
  throw missingPermission("meeting.can_manage_settings");
}
