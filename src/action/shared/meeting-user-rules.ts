// Rules shared by the meeting_user.* and user.* actions (upstream meeting_user/mixin.py,
// history_mixin.py, conditional_speaker_cascade_mixin.py): lock-out checks, vote delegation
// checks, the anonymous group, waiting speakers of removed participants, and the participant
// history texts written for the user.
import type { Filter, Model } from "../../db/types.js";
import { findMeetingUser, pythonIntSetOrder } from "../../permissions/index.js";
import { ActionError } from "../errors.js";
import { defineAction } from "../framework/define.js";
import { findAction } from "../framework/registry.js";
import { deleteSchema } from "../framework/schemas.js";
import type { ActionContext, HistoryInformation, Instance } from "../framework/types.js";

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);

export function meetingUserFilter(meetingId: number, userId: number): Filter {
  return {
    and_filter: [
      { field: "meeting_id", operator: "=", value: meetingId },
      { field: "user_id", operator: "=", value: userId },
    ],
  };
}

/** Upstream MeetingUserGroupMixin: nobody is added to an anonymous group explicitly. */
export async function checkNotAnonymousGroup(ctx: ActionContext, instance: Instance): Promise<void> {
  const groupIds = ids(instance.group_ids);
  if (groupIds.length === 0) return;
  const groups = await ctx.db.getMany("group", groupIds, ["anonymous_group_for_meeting_id"]);
  if ([...groups.values()].some((group) => group.anonymous_group_for_meeting_id)) {
    throw new ActionError("Cannot add explicit users to a meetings anonymous group");
  }
}

/**
 * Upstream CheckLockOutPermissionMixin.check_locking_status: a participant locked out of a
 * meeting may hold neither an organization management level, nor management of the meeting's
 * committee (or a parent), nor a group with user.can_manage or admin rights; nobody locks
 * himself out.
 */
export async function checkLockingStatus(
  ctx: ActionContext,
  meetingId: number | undefined,
  instance: Instance,
  userId: number | undefined,
  user?: Model,
): Promise<void> {
  if (!["locked_out", "group_ids", "organization_management_level", "committee_management_ids"].some((field) => field in instance)) return;
  let stored: Model = {};
  if (meetingId && (userId || user)) {
    stored = (await findMeetingUser(ctx.db, meetingId, userId ?? (user!.id as number), ["locked_out", "group_ids", "meeting_id", "user_id"])) ?? {};
  }
  let final: Model = { ...stored, ...instance };
  if (!userId) userId = (user?.id as number | undefined) ?? (final.user_id as number | undefined);
  if (userId === ctx.userId && final.locked_out) throw new ActionError("You may not lock yourself out of a meeting");
  if (userId) {
    await checkSettingOmlCmlForLocking(ctx, userId, final.meeting_id as number | undefined, instance);
    if (!user) {
      user = await ctx.db.get(`user/${userId}`, ["organization_management_level", "committee_management_ids"], { optional: true });
      if (Object.keys(user).length === 0) return;
    }
  }
  if (!final.locked_out) return;
  if (user) final = { ...user, ...final };
  const meetingOfFinal = final.meeting_id as number;
  if (final.organization_management_level) {
    throw new ActionError(`Cannot lock user from meeting ${meetingOfFinal} as long as he has the OrganizationManagementLevel ${String(final.organization_management_level)}`);
  }
  const managed = ids(final.committee_management_ids);
  const meeting = await ctx.db.get(`meeting/${meetingOfFinal}`, ["committee_id"]);
  const committees = await ctx.db.getMany("committee", managed, ["all_child_ids"]);
  const children = [...committees.values()].flatMap((committee) => ids(committee.all_child_ids));
  if (managed.includes(meeting.committee_id as number) || children.includes(meeting.committee_id as number)) {
    throw new ActionError(`Cannot lock user out of meeting ${meetingOfFinal} as he is manager of the meetings committee or one of its parents`);
  }
  const groups = await ctx.db.filter("group", { field: "meeting_id", operator: "=", value: meetingOfFinal }, ["permissions", "admin_group_for_meeting_id"]);
  const managing = new Set(
    [...groups]
      .filter(([, group]) => group.admin_group_for_meeting_id || ((group.permissions as string[] | undefined) ?? []).includes("user.can_manage"))
      .map(([id]) => id),
  );
  const forbidden = ids(final.group_ids).filter((id) => managing.has(id));
  if (forbidden.length > 0) {
    throw new ActionError(
      `Group(s) ${pythonIntSetOrder(forbidden).join(", ")} have user.can_manage permissions and may therefore not be used by users who are locked out`,
    );
  }
}

async function checkSettingOmlCmlForLocking(ctx: ActionContext, userId: number, meetingId: number | undefined, instance: Instance): Promise<void> {
  if (!(instance.organization_management_level || ids(instance.committee_management_ids).length > 0)) return;
  const lockedHere = await ctx.db.filter(
    "meeting_user",
    {
      and_filter: [
        { field: "user_id", operator: "=", value: userId },
        { field: "locked_out", operator: "=", value: true },
      ],
    },
    ["meeting_id"],
  );
  const locked = new Set([...lockedHere.values()].map((mu) => mu.meeting_id as number));
  if (instance.locked_out === false && meetingId) locked.delete(meetingId);
  if (instance.locked_out && meetingId) locked.add(meetingId);
  if (locked.size === 0) return;
  const lockedIds = pythonIntSetOrder([...locked]);
  if (instance.organization_management_level) {
    throw new ActionError(
      `Cannot give OrganizationManagementLevel ${String(instance.organization_management_level)} to user ${userId} as he is locked out of meeting(s) ${lockedIds.join(", ")}`,
    );
  }
  const committeeIds = ids(instance.committee_management_ids);
  const committees = await ctx.db.getMany("committee", committeeIds, ["meeting_ids", "all_child_ids"]);
  const childIds = [...committees.values()].flatMap((committee) => ids(committee.all_child_ids)).filter((id) => !committees.has(id));
  const children = await ctx.db.getMany("committee", childIds, ["meeting_ids"]);
  const committeeOfMeeting = new Map<number, number>();
  for (const [id, committee] of [...committees, ...children]) for (const meeting of ids(committee.meeting_ids)) committeeOfMeeting.set(meeting, id);
  const forbiddenMeetings = lockedIds.filter((id) => committeeOfMeeting.has(id));
  if (forbiddenMeetings.length === 0) return;
  const base = new Set(forbiddenMeetings.map((id) => committeeOfMeeting.get(id)!));
  const forbiddenCommittees = [...committees]
    .filter(([id, committee]) => base.has(id) || ids(committee.all_child_ids).some((child) => base.has(child)))
    .map(([id]) => id);
  throw new ActionError(
    `Cannot set user ${userId} as manager for committee(s) ${forbiddenCommittees.join(", ")} due to being locked out of meeting(s) ${forbiddenMeetings.join(", ")}`,
  );
}

/** Upstream MeetingUserMixin: the vote delegation rules of meeting_user.set_data. */
export async function checkVoteDelegations(ctx: ActionContext, instance: Instance): Promise<void> {
  if (!("vote_delegated_to_id" in instance) && !("vote_delegations_from_ids" in instance)) return;
  const self: Model = await ctx.db.get(`meeting_user/${Number(instance.id)}`, ["vote_delegated_to_id", "vote_delegations_from_ids", "user_id", "meeting_id"], {
    optional: true,
  });
  if ("vote_delegations_from_ids" in instance) self.vote_delegations_from_ids = instance.vote_delegations_from_ids;
  if ("vote_delegated_to_id" in instance) self.vote_delegated_to_id = instance.vote_delegated_to_id;
  const userId = (self.user_id ?? instance.user_id) as number;
  const meetingId = (self.meeting_id ?? instance.meeting_id) as number;
  if ("vote_delegated_to_id" in instance) {
    if (instance.id === instance.vote_delegated_to_id) throw new ActionError(`User ${userId} can't delegate the vote to himself.`);
    if (instance.vote_delegated_to_id) {
      if (ids(self.vote_delegations_from_ids).length > 0) {
        throw new ActionError(`User ${userId} cannot delegate his vote, because there are votes delegated to him.`);
      }
      const target = await ctx.db.get(`meeting_user/${Number(instance.vote_delegated_to_id)}`, ["vote_delegated_to_id", "user_id", "meeting_id"]);
      if (target.meeting_id !== meetingId) {
        throw new ActionError(`User ${String(target.user_id ?? "None")}'s delegation id don't belong to meeting ${meetingId}.`);
      }
      if (target.vote_delegated_to_id && instance.id !== target.vote_delegated_to_id) {
        throw new ActionError(
          `User ${userId} cannot delegate his vote to user ${String(target.user_id)}, because that user has delegated his vote himself.`,
        );
      }
    }
  }
  if ("vote_delegations_from_ids" in instance) {
    const fromIds = ids(instance.vote_delegations_from_ids);
    if (fromIds.length > 0 && self.vote_delegated_to_id) {
      throw new ActionError(`User ${userId} cannot receive vote delegations, because he delegated his own vote.`);
    }
    if (fromIds.includes(Number(instance.id))) throw new ActionError(`User ${userId} can't delegate the vote to himself.`);
    const voteErrors: number[] = [];
    const meetingErrors: number[] = [];
    for (const id of fromIds) {
      const other = await ctx.db.get(`meeting_user/${id}`, ["vote_delegations_from_ids", "user_id", "meeting_id"]);
      if (other.meeting_id !== meetingId) meetingErrors.push(other.user_id as number);
      const received = ids(other.vote_delegations_from_ids);
      if (received.length > 0 && !(received.length === 1 && received[0] === instance.id)) voteErrors.push(other.user_id as number);
    }
    if (meetingErrors.length > 0) throw new ActionError(`User(s) [${meetingErrors.join(", ")}] delegation ids don't belong to meeting ${meetingId}.`);
    if (voteErrors.length > 0) throw new ActionError(`User(s) [${voteErrors.join(", ")}] can't delegate their votes because they receive vote delegations.`);
  }
}

/** The generic speaker delete, for when the speaker family's own speaker.delete is not registered. */
const genericSpeakerDelete = defineAction({
  name: "speaker.delete",
  collection: "speaker",
  kind: "delete",
  visibility: "unregistered",
  schema: deleteSchema("speaker"),
});

/** Upstream conditionally_delete_speakers: speakers that have not begun speaking are deleted. */
export async function deleteWaitingSpeakers(ctx: ActionContext, speakerIds: number[]): Promise<void> {
  const candidates = speakerIds.filter((id) => !ctx.isToBeDeleted(`speaker/${id}`));
  if (candidates.length === 0) return;
  const speakers = await ctx.db.getMany("speaker", candidates, ["begin_time"]);
  const waiting = [...speakers.values()].filter((speaker) => speaker.begin_time === undefined || speaker.begin_time === null);
  if (waiting.length === 0) return;
  await ctx.execute(findAction("speaker.delete") ?? genericSpeakerDelete, waiting.map((speaker) => ({ id: speaker.id })));
}

/** Upstream remove_presence: user.set_present with present=false. */
export async function removePresence(ctx: ActionContext, userId: number, meetingId: number): Promise<void> {
  await ctx.execute("user.set_present", [{ id: userId, meeting_id: meetingId, present: false }]);
}

/** Upstream ExtendHistoryMixin + delegation partners: user models that get a (no-op) update so their history entries point to them. */
export async function touchUsersForHistory(ctx: ActionContext, instance: Instance, userId: number): Promise<void> {
  const stored = await ctx.db.get(`meeting_user/${Number(instance.id)}`, ["vote_delegated_to_id", "vote_delegations_from_ids"], {
    useChanges: false,
    optional: true,
  });
  const meetingUserIds = new Set<number>(ids(instance.vote_delegations_from_ids));
  if ("vote_delegations_from_ids" in instance) {
    const storedFrom = ids(stored.vote_delegations_from_ids);
    const added = [...meetingUserIds].filter((id) => !storedFrom.includes(id));
    storedFrom.forEach((id) => meetingUserIds.add(id));
    if (added.length > 0) {
      const addedModels = await ctx.db.getMany("meeting_user", added, ["vote_delegated_to_id"], { useChanges: false });
      for (const model of addedModels.values()) if (model.vote_delegated_to_id) meetingUserIds.add(model.vote_delegated_to_id as number);
    }
  }
  if (instance.vote_delegated_to_id) meetingUserIds.add(instance.vote_delegated_to_id as number);
  if ("vote_delegated_to_id" in instance && stored.vote_delegated_to_id) meetingUserIds.add(stored.vote_delegated_to_id as number);
  const userIds = new Set<number>([userId]);
  if (meetingUserIds.size > 0) {
    for (const model of (await ctx.db.getMany("meeting_user", [...meetingUserIds], ["user_id"])).values()) userIds.add(model.user_id as number);
  }
  for (const id of userIds) {
    if (!ctx.isToBeDeleted(`user/${id}`)) ctx.emit({ type: "update", fqid: `user/${id}`, fields: { id } });
  }
}

type Entry = string[];

function addEntries(information: Map<number, Entry[]>, userId: number, entries: Entry[]): void {
  const list = information.get(userId);
  if (!list) {
    information.set(userId, [...entries]);
    return;
  }
  for (const entry of entries) if (!list.some((other) => other.length === entry.length && other.every((part, i) => part === entry[i]))) list.push(entry);
}

/** "Participant added to groups {}, {} and structure level {} in meeting {}." */
export function composeAddedText(parts: [string, string[]][]): string {
  const middle = parts.map(
    ([collection, fqids], i) => `${i > 0 ? "and " : ""}${collection.replace(/_/g, " ")}${fqids.length !== 1 ? "s" : ""} ${fqids.map(() => "{}").join(", ")}`,
  );
  return ["Participant added to", ...middle, `${parts.length > 0 ? "in " : ""}meeting {}.`].join(" ");
}

export function addedFqids(instance: Instance): [string, string[]][] {
  const result: [string, string[]][] = [];
  for (const collection of ["group", "structure_level"]) {
    const values = ids(instance[`${collection}_ids`]);
    if (values.length > 0) result.push([collection, values.map((id) => `${collection}/${id}`)]);
  }
  return result;
}

function finish(information: Map<number, Entry[]>): HistoryInformation {
  return Object.fromEntries([...information].map(([userId, entries]) => [`user/${userId}`, entries.flat()]));
}

/** Upstream MeetingUserHistoryMixin.get_history_information over the instances of the action. */
export async function meetingUserHistory(ctx: ActionContext): Promise<HistoryInformation> {
  const information = new Map<number, Entry[]>();
  for (const given of ctx.instances) {
    const instance = structuredClone(given);
    const fields = [...Object.keys(instance), "user_id", "meeting_id"];
    const stored = await ctx.db.get(`meeting_user/${Number(instance.id)}`, fields, { useChanges: false, optional: true });
    if (Object.keys(stored).length === 0) await createdHistory(ctx, instance, information);
    else await updatedHistory(ctx, instance, stored, information);
  }
  return finish(information);
}

async function createdHistory(ctx: ActionContext, instance: Instance, information: Map<number, Entry[]>): Promise<void> {
  const current = await ctx.db.get(`meeting_user/${Number(instance.id)}`, ["user_id", "meeting_id"]);
  const entries: Entry[] = [];
  const parts = addedFqids(instance);
  if (parts.length > 0) entries.push([composeAddedText(parts), ...parts.flatMap(([, fqids]) => fqids), `meeting/${Number(current.meeting_id)}`]);
  await delegationHistory(ctx, information, entries, instance, current);
  if (entries.length > 0) addEntries(information, current.user_id as number, entries);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

async function updatedHistory(ctx: ActionContext, instance: Instance, stored: Model, information: Map<number, Entry[]>): Promise<void> {
  const entries: Entry[] = [];
  const userId = stored.user_id as number;
  const meetingId = stored.meeting_id as number;
  for (const field of Object.keys(instance)) if (sameValue(instance[field], stored[field])) delete instance[field];
  if (["structure_level_ids", "number", "vote_weight"].some((field) => field in instance)) {
    entries.push(["Participant data updated in meeting {}", `meeting/${meetingId}`]);
  }
  if ("group_ids" in instance) {
    const wanted = new Set(ids(instance.group_ids));
    const before = new Set(ids(stored.group_ids));
    const meeting = await ctx.db.get(`meeting/${meetingId}`, ["default_group_id"]);
    const added = [...wanted].filter((id) => !before.has(id) && id !== meeting.default_group_id);
    const removed = [...before].filter((id) => !wanted.has(id) && id !== meeting.default_group_id);
    const changed = [...added, ...removed];
    if (added.length > 0 && removed.length > 0) {
      entries.push(["Groups changed"]);
    } else if (changed.length > 0) {
      let text = added.length > 0 ? "Participant added to" : "Participant removed from";
      const entry: string[] = [];
      if (changed.length === 1) {
        text += " group {} in";
        entry.push(`group/${changed[0]}`);
      } else if (wanted.size > 0) {
        text += " multiple groups in";
      }
      text += " meeting {}";
      entries.push([text, ...entry, `meeting/${meetingId}`]);
    }
  }
  await delegationHistory(ctx, information, entries, instance, stored);
  if (entries.length > 0) addEntries(information, userId, entries);
}

async function userOfMeetingUser(ctx: ActionContext, meetingUserId: number): Promise<number> {
  return (await ctx.db.get(`meeting_user/${meetingUserId}`, ["user_id"])).user_id as number;
}

async function delegationHistory(ctx: ActionContext, information: Map<number, Entry[]>, entries: Entry[], instance: Instance, stored: Model): Promise<void> {
  const meeting = `meeting/${Number(stored.meeting_id)}`;
  const user = `user/${Number(stored.user_id)}`;
  if ("vote_delegated_to_id" in instance) {
    const oldTo = stored.vote_delegated_to_id as number | undefined;
    if (oldTo && oldTo !== instance.vote_delegated_to_id) {
      const oldUser = (await ctx.db.get(`meeting_user/${oldTo}`, ["user_id"], { useChanges: false, optional: true })).user_id as number | undefined;
      if (oldUser) {
        entries.push(["Vote delegation canceled in meeting {}", meeting]);
        addEntries(information, oldUser, [["Proxy voting rights for {} removed in meeting {}", user, meeting]]);
      }
    }
    if (instance.vote_delegated_to_id) {
      const toUser = await userOfMeetingUser(ctx, Number(instance.vote_delegated_to_id));
      entries.push(["Vote delegated to {} in meeting {}", `user/${toUser}`, meeting]);
      addEntries(information, toUser, [["Proxy voting rights for {} received in meeting {}", user, meeting]]);
    }
  }
  if ("vote_delegations_from_ids" in instance) {
    const wanted = new Set(ids(instance.vote_delegations_from_ids));
    const before = new Set(ids(stored.vote_delegations_from_ids));
    const added = pythonIntSetOrder([...wanted].filter((id) => !before.has(id)));
    const removed = pythonIntSetOrder([...before].filter((id) => !wanted.has(id)));
    if (removed.length > 0) {
      const removedUsers = [...(await ctx.db.getMany("meeting_user", removed, ["user_id"])).values()].map((mu) => `user/${Number(mu.user_id)}`);
      entries.push([`Proxy voting rights for ${removedUsers.map(() => "{}").join(", ")} removed in meeting {}`, ...removedUsers, meeting]);
      for (const id of removed) addEntries(information, await userOfMeetingUser(ctx, id), [["Vote delegation canceled in meeting {}", meeting]]);
    }
    if (added.length > 0) {
      const storedAdded = await ctx.db.getMany("meeting_user", added, ["vote_delegated_to_id", "user_id"], { useChanges: false });
      for (const other of storedAdded.values()) {
        if (!other.vote_delegated_to_id) continue;
        addEntries(information, other.user_id as number, [["Vote delegation canceled in meeting {}", meeting]]);
        addEntries(information, await userOfMeetingUser(ctx, other.vote_delegated_to_id as number), [
          ["Proxy voting rights for {} removed in meeting {}", `user/${Number(other.user_id)}`, meeting],
        ]);
      }
      const addedUsers = [...(await ctx.db.getMany("meeting_user", added, ["user_id"])).values()].map((mu) => `user/${Number(mu.user_id)}`);
      entries.push([`Proxy voting rights for ${addedUsers.map(() => "{}").join(", ")} received in meeting {}`, ...addedUsers, meeting]);
      for (const id of added) addEntries(information, await userOfMeetingUser(ctx, id), [["Vote delegated to {} in meeting {}", user, meeting]]);
    }
  }
}

/** History of meeting_user.create: one "Participant added to ..." entry per instance, then delegations. */
export async function meetingUserCreateHistory(ctx: ActionContext): Promise<HistoryInformation> {
  const information = new Map<number, Entry[]>();
  for (const instance of ctx.instances) {
    const parts = addedFqids(instance);
    const entries: Entry[] = [[composeAddedText(parts), ...parts.flatMap(([, fqids]) => fqids), `meeting/${Number(instance.meeting_id)}`]];
    addEntries(information, instance.user_id as number, entries);
  }
  return finish(information);
}
