// assignment.update: entering phase "voting" with the meeting's
// assignment_poll_add_candidates_to_list_of_speakers puts every candidate who is not yet on the
// list of speakers onto it (speaker.create). Attachments are mediafile ids.
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { idListSchema, updateSchema } from "../../validation/schemas.js";
import { attachmentsToMeetingMediafiles } from "../../shared/attachments.js";
import speakerCreate from "../speaker/create.js";

async function addCandidatesAsSpeakers(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (instance.phase !== "voting") return instance;
  const assignment = await ctx.db.get(`assignment/${instance.id}`, ["meeting_id", "candidate_ids", "list_of_speakers_id", "phase"]);
  const candidateIds = (assignment.candidate_ids as number[] | undefined) ?? [];
  if (assignment.phase === "voting" || candidateIds.length === 0) return instance;
  const meeting = await ctx.db.get(`meeting/${assignment.meeting_id}`, ["assignment_poll_add_candidates_to_list_of_speakers"]);
  if (!meeting.assignment_poll_add_candidates_to_list_of_speakers) return instance;
  const los = await ctx.db.get(`list_of_speakers/${assignment.list_of_speakers_id}`, ["speaker_ids"]);
  const speakers = await ctx.db.getMany("speaker", (los.speaker_ids as number[] | undefined) ?? [], ["meeting_user_id"]);
  const onList = new Set([...speakers.values()].map((speaker) => speaker.meeting_user_id));
  const candidates = await ctx.db.getMany("assignment_candidate", candidateIds, ["meeting_user_id"]);
  for (const candidate of candidates.values()) {
    if (onList.has(candidate.meeting_user_id)) continue;
    await ctx.execute(speakerCreate, [{ list_of_speakers_id: assignment.list_of_speakers_id, meeting_user_id: candidate.meeting_user_id }]);
  }
  return instance;
}

export default defineAction({
  name: "assignment.update",
  collection: "assignment",
  kind: "update",
  schema: updateSchema("assignment", {
    optional: ["title", "description", "open_posts", "phase", "default_poll_description", "number_poll_candidates", "tag_ids"],
    additionalOptional: { attachment_mediafile_ids: idListSchema },
  }),
  permission: "assignment.can_manage",
  updateInstance: [attachmentsToMeetingMediafiles, addCandidatesAsSpeakers],
});
