// check_database (spec presenter A5.14): exports one or every meeting and runs the models
// checker over each export (internal mode, defaults repaired); superadmins only.
import { CheckError, checkModels, EXTERNAL_MOTION_FIELDS } from "../../checker/checker.js";
import type { Database } from "../../db/types.js";
import { exportMeeting } from "../../export/export-meeting.js";
import { PermissionDeniedError } from "../errors.js";
import { hasOrganizationManagementLevel } from "../permissions.js";
import type { Presenter } from "../types.js";

export async function assertSuperadminForCheck(db: Database, userId: number): Promise<void> {
  if (!(await hasOrganizationManagementLevel(db, userId, "superadmin"))) {
    throw new PermissionDeniedError("You are not allowed to perform presenter check_database. Missing permission: superadmin");
  }
}

async function meetingErrors(db: Database, meetingId: number | undefined): Promise<Map<number, string>> {
  const meetingIds = meetingId ? [meetingId] : [...(await db.filter("meeting", undefined, ["id"])).keys()].sort((a, b) => a - b);
  const errors = new Map<number, string>();
  for (const id of meetingIds) {
    const exported = await exportMeeting(db, id, { internalTarget: true, updateMediafiles: true });
    try {
      checkModels(exported, { mode: "internal", repair: true, fieldsToRemove: { motion: EXTERNAL_MOTION_FIELDS } });
    } catch (error) {
      if (!(error instanceof CheckError)) throw error;
      errors.set(id, error.message);
    }
  }
  return errors;
}

export const checkDatabase: Presenter = {
  name: "check_database",
  schema: {
    type: "object",
    title: "check database",
    description: "check database",
    properties: { meeting_id: { type: ["integer", "null"], minimum: 1 } },
    required: [],
    additionalProperties: false,
  },
  async run({ db, userId, data }) {
    await assertSuperadminForCheck(db, userId);
    const errors = await meetingErrors(db, (data.meeting_id as number | null | undefined) ?? undefined);
    if (errors.size === 0) return { ok: true, errors: "" };
    return { ok: false, errors: [...errors].flatMap(([id, text]) => [`Meeting ${id}`, text]).join("\n") };
  },
};
