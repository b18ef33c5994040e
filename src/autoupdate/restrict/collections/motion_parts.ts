// The collections around motions: blocks, categories, workflows and states, comments and their
// sections, change recommendations, submitters, supporters, editors and working group speakers.
import { idList, idOf, type UserRights } from "../permissions.js";
import { meetingIdOf, throughRelation, withPermission, type CollectionRules, type See } from "../rules.js";
import { isSubmitter } from "./motion.js";

export const motionBlock: CollectionRules = {
  A: (rights, id) => {
    const meetingId = meetingIdOf(rights, "motion_block", id);
    if (rights.hasPerm(meetingId, "motion.can_manage")) return true;
    return rights.hasPerm(meetingId, "motion.can_see") && rights.field("motion_block", id, "internal") !== true;
  },
};

export const motionCategory: CollectionRules = { A: withPermission("motion_category", "motion.can_see") };

export const motionWorkflow: CollectionRules = { A: withPermission("motion_workflow", "motion.can_see") };

export const motionState: CollectionRules = {
  A: (rights, id, see) =>
    rights.hasPerm(meetingIdOf(rights, "motion_state", id), "motion.can_see") ||
    idList(rights.field("motion_state", id, "motion_ids")).some((motion) => see("motion", "C", motion)),
};

export const motionChangeRecommendation: CollectionRules = {
  A: (rights, id, see) => {
    if (rights.hasPerm(meetingIdOf(rights, "motion_change_recommendation", id), "motion.can_manage_metadata")) return true;
    const motionId = idOf(rights.field("motion_change_recommendation", id, "motion_id"));
    if (motionId === undefined || !see("motion", "C", motionId)) return false;
    if (rights.field("motion_change_recommendation", id, "internal") === true) return false;
    const stateId = idOf(rights.field("motion", motionId, "state_id"));
    return stateId === undefined || rights.field("motion_state", stateId, "is_internal") !== true;
  },
};

function sectionGroups(rights: UserRights, sectionId: number): number[] {
  return [...idList(rights.field("motion_comment_section", sectionId, "read_group_ids")), ...idList(rights.field("motion_comment_section", sectionId, "write_group_ids"))];
}

export const motionComment: CollectionRules = {
  A: (rights, id, see: See) => {
    const sectionId = idOf(rights.field("motion_comment", id, "section_id"));
    const motionId = idOf(rights.field("motion_comment", id, "motion_id"));
    if (sectionId === undefined || motionId === undefined || !see("motion", "C", motionId)) return false;
    if (rights.inAnyGroup(meetingIdOf(rights, "motion_comment", id), sectionGroups(rights, sectionId))) return true;
    return rights.field("motion_comment_section", sectionId, "submitter_can_write") === true && isSubmitter(rights, motionId);
  },
};

export const motionCommentSection: CollectionRules = {
  A: (rights, id) => {
    const meetingId = meetingIdOf(rights, "motion_comment_section", id);
    if (rights.hasPerm(meetingId, "motion.can_manage")) return true;
    if (!rights.hasPerm(meetingId, "motion.can_see")) return false;
    return rights.inAnyGroup(meetingId, sectionGroups(rights, id)) || rights.field("motion_comment_section", id, "submitter_can_write") === true;
  },
};

export const motionSubmitter: CollectionRules = { A: throughRelation("motion_submitter", "motion_id", "motion", "C") };

export const motionSupporter: CollectionRules = { A: throughRelation("motion_supporter", "motion_id", "motion", "C") };

export const motionEditor: CollectionRules = { A: withPermission("motion_editor", "motion.can_manage_metadata") };

export const motionWorkingGroupSpeaker: CollectionRules = { A: withPermission("motion_working_group_speaker", "motion.can_manage_metadata") };
