// Polls, options, votes and candidate lists: visible with the poll's content object; results and
// tokens by poll state and whether the user manages the poll.
import { idOf, type UserRights } from "../permissions.js";
import { meetingIdOf, throughRelation, type CollectionRules, type See } from "../rules.js";

const CONTENT_MODE: Record<string, [mode: string, managePermission: string]> = {
  motion: ["C", "motion.can_manage_polls"],
  assignment: ["A", "assignment.can_manage_polls"],
  topic: ["A", "poll.can_manage"],
};

function contentOf(rights: UserRights, pollId: number): { collection: string; id: number } | undefined {
  const [collection, id] = String(rights.field("poll", pollId, "content_object_id") ?? "").split("/");
  return collection && id ? { collection, id: Number(id) } : undefined;
}

function seePoll(rights: UserRights, pollId: number, see: See): boolean {
  const content = contentOf(rights, pollId);
  const rule = content && CONTENT_MODE[content.collection];
  return rule !== undefined && see(content!.collection, rule[0], content!.id);
}

function managesPoll(rights: UserRights, pollId: number): boolean {
  const content = contentOf(rights, pollId);
  const rule = content && CONTENT_MODE[content.collection];
  return rule !== undefined && rights.hasPerm(meetingIdOf(rights, "poll", pollId), rule[1]);
}

const stateOf = (rights: UserRights, pollId: number) => rights.field("poll", pollId, "state");

function resultsVisible(rights: UserRights, pollId: number, see: See, losManagersToo: boolean): boolean {
  const state = stateOf(rights, pollId);
  if (state === "published") return seePoll(rights, pollId, see);
  if (state !== "finished") return false;
  if (managesPoll(rights, pollId)) return true;
  return losManagersToo && rights.hasPerm(meetingIdOf(rights, "poll", pollId), "list_of_speakers.can_manage");
}

export const poll: CollectionRules = {
  A: seePoll,
  B: (rights, id, see) => resultsVisible(rights, id, see, false),
  C: (rights, id) => {
    if (stateOf(rights, id) !== "started") return false;
    const meetingId = meetingIdOf(rights, "poll", id);
    return (
      managesPoll(rights, id) ||
      rights.hasPerm(meetingId, "poll.can_see_progress") ||
      (rights.hasPerm(meetingId, "user.can_see") && rights.hasPerm(meetingId, "list_of_speakers.can_manage"))
    );
  },
  D: (rights, id, see) => resultsVisible(rights, id, see, true),
};

function pollOfOption(rights: UserRights, optionId: number): number | undefined {
  return idOf(rights.field("option", optionId, "poll_id")) ?? idOf(rights.field("option", optionId, "used_as_global_option_in_poll_id"));
}

export const option: CollectionRules = {
  A: (rights, id, see) => {
    const pollId = pollOfOption(rights, id);
    return pollId !== undefined && see("poll", "A", pollId);
  },
  B: (rights, id, see) => {
    const pollId = pollOfOption(rights, id);
    if (pollId === undefined || !see("poll", "A", pollId)) return false;
    return managesPoll(rights, pollId) || stateOf(rights, pollId) === "published";
  },
};

export const vote: CollectionRules = {
  A: (rights, id, see) => {
    const optionId = idOf(rights.field("vote", id, "option_id"));
    const pollId = optionId === undefined ? undefined : pollOfOption(rights, optionId);
    if (pollId === undefined || !see("poll", "A", pollId)) return false;
    if (stateOf(rights, pollId) === "published" || managesPoll(rights, pollId)) return true;
    return rights.isSelf(idOf(rights.field("vote", id, "user_id"))) || rights.isSelf(idOf(rights.field("vote", id, "delegated_user_id")));
  },
  B: (rights, id, see) => {
    const optionId = idOf(rights.field("vote", id, "option_id"));
    const pollId = optionId === undefined ? undefined : pollOfOption(rights, optionId);
    if (pollId === undefined) return false;
    const state = stateOf(rights, pollId);
    if (state === "published") return see("vote", "A", id);
    return state === "finished" && managesPoll(rights, pollId);
  },
};

export const pollCandidateList: CollectionRules = { A: throughRelation("poll_candidate_list", "option_id", "option") };

export const pollCandidate: CollectionRules = { A: throughRelation("poll_candidate", "poll_candidate_list_id", "poll_candidate_list") };
