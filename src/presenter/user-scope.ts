// The user scope (spec presenter A5.7; upstream's user-scope rule): where a user "lives" —
// their home committee, their single active meeting, their single committee, or the organization.
//
// INTEGRATION POINT: src/permissions/user-scope.ts (not committed yet) implements the same rule
// for the actions; switch to it once it is part of the repository.
import type { Database } from "../db/types.js";
import { idsOf, mustGet } from "./permissions.js";

export type ScopeKind = "meeting" | "committee" | "organization";

export interface UserScope {
  kind: ScopeKind;
  id: number;
  /** The user's OML, "" when none. */
  oml: string;
  /** Committee id → the user's meeting ids there (active ones only when the scope is a meeting). */
  committeeMeetings: Map<number, number[]>;
  inArchivedMeetingsOnly: boolean;
  homeCommitteeId: number | null;
}

export async function getUserScope(db: Database, userId: number): Promise<UserScope> {
  const user = await mustGet(db, `user/${userId}`, ["meeting_ids", "organization_management_level", "committee_management_ids", "home_committee_id"]);
  const managed = idsOf(user.committee_management_ids);
  const meetings = await db.getMany("meeting", idsOf(user.meeting_ids), ["committee_id", "is_active_in_organization_id"]);
  const committeeOf = new Map<number, number>();
  const activeCommitteeOf = new Map<number, number>();
  for (const [meetingId, meeting] of [...meetings].sort(([a], [b]) => a - b)) {
    committeeOf.set(meetingId, meeting.committee_id as number);
    if (meeting.is_active_in_organization_id) activeCommitteeOf.set(meetingId, meeting.committee_id as number);
  }
  const committeeMeetings = groupByCommittee(committeeOf, managed);
  const activeCommitteeMeetings = groupByCommittee(activeCommitteeOf, managed);
  const homeCommitteeId = typeof user.home_committee_id === "number" ? user.home_committee_id : null;
  const [kind, id] = scopeOf(homeCommitteeId, activeCommitteeOf, activeCommitteeMeetings, committeeMeetings);
  return {
    kind,
    id,
    oml: typeof user.organization_management_level === "string" ? user.organization_management_level : "",
    committeeMeetings: kind === "meeting" ? activeCommitteeMeetings : committeeMeetings,
    inArchivedMeetingsOnly: activeCommitteeMeetings.size === 0 && committeeMeetings.size > 0,
    homeCommitteeId,
  };
}

/** Every managed committee (possibly without meetings) and every committee of a meeting, with its meetings. */
function groupByCommittee(committeeOf: Map<number, number>, managed: number[]): Map<number, number[]> {
  const ids = [...new Set([...managed, ...committeeOf.values()])].sort((a, b) => a - b);
  const grouped = new Map(ids.map((id) => [id, [] as number[]]));
  for (const [meetingId, committeeId] of committeeOf) grouped.get(committeeId)!.push(meetingId);
  return grouped;
}

function scopeOf(
  homeCommitteeId: number | null,
  activeCommitteeOf: Map<number, number>,
  activeCommitteeMeetings: Map<number, number[]>,
  committeeMeetings: Map<number, number[]>,
): [ScopeKind, number] {
  if (homeCommitteeId) return ["committee", homeCommitteeId];
  if (activeCommitteeOf.size === 1 && activeCommitteeMeetings.size === 1) return ["meeting", [...activeCommitteeOf.keys()][0]!];
  if (committeeMeetings.size === 1) return ["committee", [...committeeMeetings.keys()][0]!];
  return ["organization", 1];
}
