// Upstream's assert_belongs_to_meeting: every model must be part of the meeting (users through
// their meetings or a meeting_user with groups, mediafiles through their owner).
import { ActionError, pythonList } from "../errors.js";
import { collectionOf, idOf } from "../framework/fqid.js";
import type { ActionContext } from "../framework/types.js";

async function belongs(ctx: ActionContext, fqid: string, meetingId: number): Promise<boolean> {
  switch (collectionOf(fqid)) {
    case "meeting":
      return idOf(fqid) === meetingId;
    case "user": {
      const user = await ctx.db.get(fqid, ["meeting_ids"], { optional: true });
      if (((user.meeting_ids as number[] | undefined) ?? []).includes(meetingId)) return true;
      const meetingUsers = await ctx.db.filter(
        "meeting_user",
        {
          and_filter: [
            { field: "meeting_id", operator: "=", value: meetingId },
            { field: "user_id", operator: "=", value: idOf(fqid) },
          ],
        },
        ["group_ids"],
      );
      return [...meetingUsers.values()].some((meetingUser) => ((meetingUser.group_ids as number[] | undefined) ?? []).length > 0);
    }
    case "mediafile": {
      const mediafile = await ctx.db.get(fqid, ["owner_id"]);
      return mediafile.owner_id === `meeting/${meetingId}`;
    }
    default: {
      const model = await ctx.db.get(fqid, ["meeting_id"], { optional: true });
      return model.meeting_id === meetingId;
    }
  }
}

export async function assertBelongsToMeeting(ctx: ActionContext, fqids: string | string[], meetingId: number): Promise<void> {
  const foreign = new Set<string>();
  for (const fqid of Array.isArray(fqids) ? fqids : [fqids]) if (!(await belongs(ctx, fqid, meetingId))) foreign.add(fqid);
  if (foreign.size > 0) throw new ActionError(`The following models do not belong to meeting ${meetingId}: ${pythonList([...foreign])}`);
}
