// Upstream's personal_note PermissionMixin: personal notes belong to the request user; anonymous
// is refused and the user must be in the note's meeting. Update and delete also need the note to
// be one of the user's own (one of the user's meeting users).
import { PermissionDeniedError } from "../errors.js";
import { fqidOf } from "../framework/fqid.js";
import type { ActionContext, Instance } from "../framework/types.js";

export async function assertUserInMeeting(ctx: ActionContext, meetingId: number): Promise<void> {
  if (ctx.userId === 0) throw new PermissionDeniedError(`Anonymous is not allowed to execute ${ctx.action.name}`);
  const user = await ctx.db.get(fqidOf("user", ctx.userId), ["meeting_ids"]);
  if (!((user.meeting_ids as number[] | undefined) ?? []).includes(meetingId)) throw new PermissionDeniedError("User not associated with meeting.");
}

/** update/delete: the note must belong to one of the request user's meeting users. */
export function ownNoteCheck(verb: "change" | "delete") {
  return async (ctx: ActionContext, item: Instance): Promise<void> => {
    await assertUserInMeeting(ctx, await ctx.meetingIdOf(item));
    const note = await ctx.db.get(fqidOf("personal_note", Number(item.id)), ["meeting_user_id"]);
    const user = await ctx.db.get(fqidOf("user", ctx.userId), ["meeting_user_ids"]);
    if (!((user.meeting_user_ids as number[] | undefined) ?? []).includes(note.meeting_user_id as number)) {
      throw new PermissionDeniedError(`Cannot ${verb} not owned personal note.`);
    }
  };
}
