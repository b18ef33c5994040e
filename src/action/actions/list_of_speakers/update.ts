// list_of_speakers.update: closing the list needs list_of_speakers.can_manage; the moderator
// notes need list_of_speakers.can_manage_moderator_notes (and nothing more when they are all
// that changes).
import { defineAction } from "../../framework/define.js";
import { hasPerm, missingPermission } from "../../framework/permissions.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

async function require(ctx: ActionContext, permission: string, meetingId: number): Promise<void> {
  if (!(await hasPerm(ctx.db, ctx.userId, permission, meetingId))) throw missingPermission(permission);
}

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const meetingId = await ctx.meetingIdOf(item);
  if ("moderator_notes" in item) {
    await require(ctx, "list_of_speakers.can_manage_moderator_notes", meetingId);
    if (Object.keys(item).length === 2) return;
  }
  await require(ctx, "list_of_speakers.can_manage", meetingId);
}

export default defineAction({
  name: "list_of_speakers.update",
  collection: "list_of_speakers",
  kind: "update",
  schema: updateSchema("list_of_speakers", { optional: ["closed", "moderator_notes"] }),
  permission: "list_of_speakers.can_manage",
  checkPermissions,
});
