// Every collection's restriction rules by name.
import { actionWorker } from "./collections/action_worker.js";
import { agendaItem } from "./collections/agenda_item.js";
import { assignment, assignmentCandidate } from "./collections/assignment.js";
import { chatGroup, chatMessage } from "./collections/chat.js";
import { committee } from "./collections/committee.js";
import { group } from "./collections/group.js";
import { historyEntry, historyPosition } from "./collections/history.js";
import { importPreview } from "./collections/import_preview.js";
import { listOfSpeakers, pointOfOrderCategory, speaker, structureLevel, structureLevelListOfSpeakers } from "./collections/list_of_speakers.js";
import { mediafile, meetingMediafile } from "./collections/mediafile.js";
import { meeting } from "./collections/meeting.js";
import { personalNote, tag, topic } from "./collections/meeting_content.js";
import { meetingUser } from "./collections/meeting_user.js";
import { motion } from "./collections/motion.js";
import {
  motionBlock, motionCategory, motionChangeRecommendation, motionComment, motionCommentSection, motionEditor, motionState,
  motionSubmitter, motionSupporter, motionWorkflow, motionWorkingGroupSpeaker,
} from "./collections/motion_parts.js";
import { gender, organization, organizationTag, theme } from "./collections/organization.js";
import { option, poll, pollCandidate, pollCandidateList, vote } from "./collections/poll.js";
import { projection, projector, projectorCountdown, projectorMessage } from "./collections/projector.js";
import { user } from "./collections/user.js";
import type { CollectionRules } from "./rules.js";

export const COLLECTION_RULES: Readonly<Record<string, CollectionRules>> = {
  action_worker: actionWorker,
  agenda_item: agendaItem,
  assignment,
  assignment_candidate: assignmentCandidate,
  chat_group: chatGroup,
  chat_message: chatMessage,
  committee,
  gender,
  group,
  history_entry: historyEntry,
  history_position: historyPosition,
  import_preview: importPreview,
  list_of_speakers: listOfSpeakers,
  mediafile,
  meeting,
  meeting_mediafile: meetingMediafile,
  meeting_user: meetingUser,
  motion,
  motion_block: motionBlock,
  motion_category: motionCategory,
  motion_change_recommendation: motionChangeRecommendation,
  motion_comment: motionComment,
  motion_comment_section: motionCommentSection,
  motion_editor: motionEditor,
  motion_state: motionState,
  motion_submitter: motionSubmitter,
  motion_supporter: motionSupporter,
  motion_workflow: motionWorkflow,
  motion_working_group_speaker: motionWorkingGroupSpeaker,
  option,
  organization,
  organization_tag: organizationTag,
  personal_note: personalNote,
  point_of_order_category: pointOfOrderCategory,
  poll,
  poll_candidate: pollCandidate,
  poll_candidate_list: pollCandidateList,
  projection,
  projector,
  projector_countdown: projectorCountdown,
  projector_message: projectorMessage,
  speaker,
  structure_level: structureLevel,
  structure_level_list_of_speakers: structureLevelListOfSpeakers,
  tag,
  theme,
  topic,
  user,
  vote,
};
