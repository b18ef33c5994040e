// user.merge_together: merges the users of user_ids into the user id (merge rules in
// shared/user-merge.ts), re-creates or merges their meeting users and sub-models through the
// internal sub-actions, rewrites entitled_users_at_stop of stopped polls and deletes the merged
// users. Refused for poll, speaker and delegation conflicts. History on every user involved.
import type { Model } from "../../../db/types.js";
import {
  hasOrganizationManagementLevel,
  MissingPermissionError,
  ORGANIZATION_MANAGEMENT_LEVELS,
  pythonIntSetOrder,
  type OrganizationManagementLevel,
} from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { idListSchema, itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { MEETING_USER_TRANSFER_FIELDS } from "../../shared/user-rules.js";
import { UserMerge } from "../../shared/user-merge.js";

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

/** The merges of this request, kept for the history (one per instance, in order). */
const runs = new WeakMap<ActionContext, UserMerge[]>();

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const selected = await ctx.db.getMany("user", [Number(item.id), ...ids(item.user_ids)], ["organization_management_level"]);
  let needed: OrganizationManagementLevel = "can_manage_users";
  for (const user of selected.values()) {
    const level = user.organization_management_level as OrganizationManagementLevel | undefined;
    if (level && ORGANIZATION_MANAGEMENT_LEVELS.indexOf(level) > ORGANIZATION_MANAGEMENT_LEVELS.indexOf(needed)) needed = level;
  }
  if (!(await hasOrganizationManagementLevel(ctx.db, ctx.userId, needed))) throw MissingPermissionError.single(needed);
}

/** One user per merge; the merged users' lines in entitled_users_at_stop point to their new user. */
async function prepareData(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const all = data.flatMap((item) => [...new Set([...ids(item.user_ids), Number(item.id)])]);
  if (all.length !== new Set(all).size) throw new ActionError("Users cannot be part of different merges at the same time");
  const mergedInto = new Map<number, number>();
  for (const item of data) for (const id of ids(item.user_ids)) mergedInto.set(id, Number(item.id));
  const polls = await ctx.db.filter("poll", { field: "entitled_users_at_stop", operator: "!=", value: null }, ["entitled_users_at_stop"]);
  const payloads: Instance[] = [];
  for (const [id, poll] of [...polls].sort(([a], [b]) => a - b)) {
    const entitled = poll.entitled_users_at_stop;
    if (!Array.isArray(entitled) || entitled.length === 0) continue;
    const rewritten = structuredClone(entitled) as Model[];
    let changed = false;
    for (const line of rewritten) {
      const user = Number(line.user_merged_into_id || line.user_id);
      if (mergedInto.has(user)) {
        line.user_merged_into_id = mergedInto.get(user);
        changed = true;
      }
      const proxy = Number(line.delegation_user_merged_into_id || line.vote_delegated_to_user_id);
      if (mergedInto.has(proxy)) {
        line.delegation_user_merged_into_id = mergedInto.get(proxy);
        changed = true;
      }
    }
    if (changed) payloads.push({ id, entitled_users_at_stop: rewritten });
  }
  if (payloads.length > 0) await ctx.execute("poll.update", payloads, { skipHistory: true });
  return data;
}

/** Conflicts in polls: same poll voted, same poll as options, same candidate list, running polls, delegations. */
async function checkPolls(ctx: ActionContext, into: Model, others: Model[]): Promise<void> {
  const all = [into, ...others];
  const votedPolls = new Map<number, Set<number>>(all.map((user) => [Number(user.id), new Set(ids(user.poll_voted_ids))]));
  const optionPolls = new Map<number, Set<number>>();
  const candidateLists = new Map<number, Set<number>>();
  const meetingUserIds: number[] = [];
  for (const user of all) {
    const userId = Number(user.id);
    const candidateIds = ids(user.poll_candidate_ids);
    const optionIds = ids(user.option_ids);
    const voteIds = [...new Set([...ids(user.vote_ids), ...ids(user.delegated_vote_ids)])];
    if (candidateIds.length + optionIds.length + voteIds.length > 0) {
      if (candidateIds.length > 0) {
        const candidates = await ctx.db.getMany("poll_candidate", candidateIds, ["poll_candidate_list_id"]);
        candidateLists.set(userId, new Set([...candidates.values()].map((c) => Number(c.poll_candidate_list_id)).filter(Boolean)));
      }
      if (optionIds.length > 0) {
        const options = await ctx.db.getMany("option", optionIds, ["poll_id"]);
        optionPolls.set(userId, new Set([...options.values()].map((o) => Number(o.poll_id)).filter(Boolean)));
      }
      const votes = await ctx.db.getMany("vote", voteIds, ["option_id"]);
      const voteOptionIds = [...new Set([...votes.values()].map((v) => Number(v.option_id)).filter(Boolean))];
      const voteOptions = await ctx.db.getMany("option", voteOptionIds, ["poll_id"]);
      for (const option of voteOptions.values()) if (option.poll_id) votedPolls.get(userId)!.add(Number(option.poll_id));
    }
    meetingUserIds.push(...ids(user.meeting_user_ids));
  }
  const conflicts = (perUser: Map<number, Set<number>>): Set<number> => {
    const found = new Set<number>();
    for (const [a, first] of perUser) for (const [b, second] of perUser) if (a !== b) for (const id of first) if (second.has(id)) found.add(id);
    return found;
  };
  const messages = await checkMeetingUserConflicts(ctx, meetingUserIds);
  const voting = conflicts(votedPolls);
  if (voting.size > 0) messages.push(`among the selected users multiple voted in poll(s) ${pythonIntSetOrder(voting).join(", ")}`);
  const options = conflicts(optionPolls);
  if (options.size > 0) messages.push(`multiple of the selected users are among the options in poll(s) ${pythonIntSetOrder(options).join(", ")}`);
  const lists = conflicts(candidateLists);
  if (lists.size > 0) {
    const listModels = await ctx.db.getMany("poll_candidate_list", [...lists], ["option_id"]);
    const listOptions = await ctx.db.getMany("option", [...new Set([...listModels.values()].map((l) => Number(l.option_id)))], ["poll_id"]);
    const pollIds = new Set([...listOptions.values()].map((o) => Number(o.poll_id)));
    messages.push(`multiple of the selected users are in the same candidate list in poll(s) ${pythonIntSetOrder(pollIds).join(", ")}`);
  }
  if (messages.length > 0) throw new ActionError(`Cannot carry out merge into user/${String(into.id)}, because ${messages.join(" and ")}`);
}

/** Upstream check_polls_helper: running polls the meeting users may vote in, and delegation conflicts. */
async function checkMeetingUserConflicts(ctx: ActionContext, meetingUserIds: number[]): Promise<string[]> {
  const messages: string[] = [];
  const meetingUsers = await ctx.db.getMany("meeting_user", meetingUserIds, ["vote_delegations_from_ids", "vote_delegated_to_id", "meeting_id", "group_ids"]);
  const groupIds = new Set<number>();
  const meetingIds = new Set<number>();
  const meetingOfGroup = new Map<number, number>();
  for (const meetingUser of meetingUsers.values()) {
    const groups = ids(meetingUser.group_ids);
    if (groups.length === 0) continue;
    for (const id of groups) {
      meetingOfGroup.set(id, Number(meetingUser.meeting_id));
      groupIds.add(id);
    }
    meetingIds.add(Number(meetingUser.meeting_id));
  }
  if (meetingIds.size > 0) {
    const polls = await ctx.db.filter(
      "poll",
      {
        and_filter: [
          { field: "state", operator: "=", value: "started" },
          { or_filter: [...meetingIds].map((id) => ({ field: "meeting_id", operator: "=" as const, value: id })) },
        ],
      },
      ["entitled_group_ids"],
    );
    const entitled = new Set([...polls.values()].flatMap((poll) => ids(poll.entitled_group_ids)));
    const common = [...groupIds].filter((id) => entitled.has(id));
    if (common.length > 0) {
      const forbidden = [...new Set(common.map((id) => meetingOfGroup.get(id)!))].sort((a, b) => a - b);
      messages.push(`some of the users are entitled to vote in currently running polls in meeting(s) ${forbidden.join(", ")}`);
    }
  }
  const delegators = new Set([...meetingUsers.values()].flatMap((meetingUser) => ids(meetingUser.vote_delegations_from_ids)));
  const proxies = new Set([...meetingUsers.values()].map((meetingUser) => Number(meetingUser.vote_delegated_to_id)).filter(Boolean));
  const isDelegator = new Map<number, boolean>();
  const roleConflicts = new Set<number>();
  for (const meetingUser of meetingUsers.values()) {
    const meetingId = Number(meetingUser.meeting_id);
    for (const field of ["vote_delegated_to_id", "vote_delegations_from_ids"]) {
      const value = meetingUser[field];
      if (!(Array.isArray(value) ? value.length > 0 : value)) continue;
      if (isDelegator.get(meetingId) === (field !== "vote_delegated_to_id")) roleConflicts.add(meetingId);
      else isDelegator.set(meetingId, field === "vote_delegated_to_id");
    }
  }
  if (roleConflicts.size > 0) {
    messages.push(`some of the selected users have different delegations roles in meeting(s) ${[...roleConflicts].sort((a, b) => a - b).join(", ")}`);
  }
  const bad = meetingUserIds.filter((id) => delegators.has(id) || proxies.has(id));
  if (bad.length > 0) {
    const meetings = [...new Set(bad.map((id) => Number(meetingUsers.get(id)?.meeting_id)).filter(Boolean))].sort((a, b) => a - b);
    messages.push(`some of the selected users are delegating votes to each other in meeting(s) ${meetings.join(", ")}`);
  }
  return messages;
}

async function checkRunningSpeakers(ctx: ActionContext, meetingUserIds: number[]): Promise<void> {
  if (meetingUserIds.length === 0) return;
  const running = await ctx.db.filter(
    "speaker",
    {
      and_filter: [
        { field: "end_time", operator: "=", value: null },
        { or_filter: meetingUserIds.map((id) => ({ field: "meeting_user_id", operator: "=" as const, value: id })) },
        { field: "begin_time", operator: "!=", value: null },
      ],
    },
    ["id", "meeting_id"],
  );
  if (running.size === 0) return;
  const meetings = [...new Set([...running.values()].map((speaker) => Number(speaker.meeting_id)))].sort((a, b) => a - b);
  const speakerIds = [...running.keys()].sort((a, b) => a - b);
  throw new ActionError(`Speaker(s) ${speakerIds.join(", ")} are still running in meeting(s) ${meetings.join(", ")}`);
}

/** Runs the collected operations through the sub-actions (upstream call_other_actions). */
async function applyOperations(ctx: ActionContext, merge: UserMerge, mainPayload: Model): Promise<void> {
  const ops = merge.operations;
  const mainId = Number(mainPayload.id);
  const run = (action: string, data: Model[]) => ctx.execute(action, data as Instance[], { skipHistory: true });
  const meetingUserCreates = ops.meeting_user!.create;
  const meetingUserPayloads = [...ops.meeting_user!.update, ...meetingUserCreates];
  if (meetingUserPayloads.length > 0) {
    const viaUser = meetingUserPayloads.map((payload) => {
      const transfer: Model = { id: mainId, meeting_id: payload.meeting_id };
      for (const field of Object.keys(MEETING_USER_TRANSFER_FIELDS)) {
        if (field in payload) {
          transfer[field] = payload[field];
          delete payload[field];
        }
      }
      return transfer;
    });
    await run("user.update", viaUser);

    const meetingUserUpdates = ops.meeting_user!.update.filter((payload) => Object.keys(payload).length > 1);
    const newMeetingIds = meetingUserCreates.map((payload) => Number(payload.meeting_id));
    const ownMeetingUsers = async () =>
      new Map(
        [...(await ctx.db.filter("meeting_user", { field: "user_id", operator: "=", value: mainId }, ["meeting_id"]))].map(([id, model]) => [
          Number(model.meeting_id),
          id,
        ]),
      );
    if (newMeetingIds.length > 0) {
      const byMeeting = await ownMeetingUsers();
      for (const payload of meetingUserCreates) {
        payload.id = byMeeting.get(Number(payload.meeting_id));
        meetingUserUpdates.push(payload);
      }
    }
    if (meetingUserUpdates.length > 0) {
      for (const payload of meetingUserUpdates) delete payload.meeting_id;
      await run("meeting_user.update", meetingUserUpdates);
    }

    ops.personal_note!.create = ops.personal_note!.create.filter((payload) => payload.star || payload.note);
    const meetingUserOfMeeting = await ownMeetingUsers();
    const subActions: Array<[string, { create?: string; update?: string; delete?: string }]> = [
      ["personal_note", { create: "personal_note.create", update: "personal_note.update" }],
      ["speaker", { create: "speaker.create_for_merge", update: "speaker.update", delete: "speaker.delete" }],
      ["assignment_candidate", { update: "assignment_candidate.update", delete: "assignment_candidate.delete" }],
      ["motion_supporter", { update: "motion_supporter.update", delete: "motion_supporter.delete" }],
      ["motion_submitter", { update: "motion_submitter.update", delete: "motion_submitter.delete" }],
      ["motion_editor", { update: "motion_editor.update", delete: "motion_editor.delete" }],
      ["motion_working_group_speaker", { update: "motion_working_group_speaker.update", delete: "motion_working_group_speaker.delete" }],
    ];
    for (const [collection, actions] of subActions) {
      const collectionOps = ops[collection]!;
      if (actions.create && collectionOps.create.length > 0) {
        for (const payload of collectionOps.create) {
          const meetingId = Number(payload.meeting_id);
          delete payload.meeting_id;
          payload.meeting_user_id = meetingUserOfMeeting.get(meetingId);
        }
        await run(actions.create, collectionOps.create);
      }
      const updates = collectionOps.update.filter((payload) => Object.keys(payload).length > 1);
      if (actions.update && updates.length > 0) await run(actions.update, updates);
      if (actions.delete && collectionOps.delete.length > 0) await run(actions.delete, collectionOps.delete.map((id) => ({ id })));
    }
  }
  await run("user.update", [mainPayload]);
  if (ops.user!.delete.length > 0) await run("user.delete", ops.user!.delete.map((id) => ({ id })));
}

async function mergeUsers(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const userIds = ids(instance.user_ids);
  if (userIds.includes(ctx.userId)) throw new ActionError("Operator may not merge himself into others.");
  const merge = new UserMerge(ctx);
  const mainId = Number(instance.id);
  const models = await merge.models("user", [mainId, ...userIds]);
  const into = models.get(mainId);
  if (!into) throw new ActionError(`Model 'user/${mainId}' does not exist.`);
  const others = userIds.map((id) => models.get(id)).filter((model): model is Model => model !== undefined);

  await checkPolls(ctx, into, others);
  await checkRunningSpeakers(ctx, [...new Set([into, ...others].flatMap((user) => ids(user.meeting_user_ids)))]);

  const mainPayload = await merge.mergeByRank("user", into, others, instance);
  await applyOperations(ctx, merge, mainPayload);

  merge.historyGroups.user!.push([{ id: mainId }, [mainId, ...userIds], false]);
  runs.set(ctx, [...(runs.get(ctx) ?? []), merge]);
  return { id: mainId };
}

function historyInformation(ctx: ActionContext) {
  const information: Record<string, string[]> = {};
  for (const merge of runs.get(ctx) ?? []) {
    for (const [fqid, entries] of Object.entries(merge.historyInformation())) information[fqid] = entries;
  }
  runs.delete(ctx);
  // Upstream writes an (empty) update for every model that gets history without being written.
  for (const fqid of Object.keys(information)) {
    if (fqid.startsWith("assignment/") || fqid.startsWith("motion/")) {
      ctx.emit({ type: "update", fqid, fields: { id: Number(fqid.split("/")[1]) } });
    }
  }
  return information;
}

export default defineAction({
  name: "user.merge_together",
  collection: "user",
  kind: "update",
  schema: itemSchema("user", {
    required: ["id"],
    optional: [
      "username", "title", "first_name", "last_name", "is_active", "is_physical_person", "default_password", "gender_id", "email",
      "default_vote_weight", "pronoun", "member_number",
    ],
    additionalRequired: { user_ids: { description: "A list of user ids to merge into a user.", ...idListSchema } },
  }),
  skipArchivedMeetingCheck: true,
  checkPermissions,
  prepareData,
  updateInstance: mergeUsers,
  historyInformation,
});
