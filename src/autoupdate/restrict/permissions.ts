// A user's rights as the restricter needs them, computed synchronously from the in-memory state
// and cached for one computation (spec autoupdate-and-streaming.md 5.1, "Meeting permission").
import { expandPermissions } from "../../meta/permissions.js";
import type { StateReader } from "./state-reader.js";

const OML_RANK: Record<string, number> = { can_manage_users: 1, can_manage_organization: 2, superadmin: 3 };

export type OrganizationLevel = "can_manage_users" | "can_manage_organization" | "superadmin";

export interface MeetingRights {
  admin: boolean;
  permissions: ReadonlySet<string>;
  groupIds: ReadonlySet<number>;
}

const NO_RIGHTS: MeetingRights = { admin: false, permissions: new Set(), groupIds: new Set() };

export const idList = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);
export const idOf = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

/** In a set of compared users: the verdict depends on more than identity comparisons (every user decides anew). */
export const EVERYONE = -2;
/** The identity of a profile's shared computation: equal to no user. */
export const NOBODY = -1;

/**
 * Rights come in two kinds. Profile rights (organization level, managed committees, groups and
 * lock-outs per meeting) are equal for every user with the same profileKey(). The only identity
 * the rules read is whether a user is the request user (isSelf); each such comparison is recorded
 * in `compared`, so the restricter knows for which users a verdict may differ within a profile.
 */
export class UserRights {
  private readonly meetings = new Map<number, MeetingRights>();
  private managed?: Set<number>;
  private ownMeetingUsers?: Map<number, number>;
  /** The users compared with the request user in the current verdict; reset and read by the restricter. */
  compared?: Set<number>;

  constructor(
    readonly state: StateReader,
    /** Whose profile rights these are. */
    private readonly id: number,
    /** Who counts as "self": the same user, or NOBODY for a profile's shared computation. */
    private readonly selfId: number = id,
  ) {}

  get loggedIn(): boolean {
    return this.id > 0;
  }

  /** The user is the request user: the one identity read of the rules. */
  isSelf(userId: number | undefined): boolean {
    if (userId === undefined || !this.loggedIn) return false;
    (this.compared ??= new Set()).add(userId);
    return userId === this.selfId;
  }

  /** The meeting user belongs to the request user. */
  isOwnMeetingUser(meetingUserId: number | undefined): boolean {
    if (meetingUserId === undefined || !this.loggedIn) return false;
    return this.isSelf(idOf(this.field("meeting_user", meetingUserId, "user_id")));
  }

  /**
   * Equal for two users exactly when every profile right is equal: logged in or not, the
   * organization level, the managed committees, and per meeting the groups and the lock-out.
   */
  profileKey(): string {
    if (!this.loggedIn) return "anonymous";
    const meetings = [...this.meetingUserMap()]
      .map(([meetingId, meetingUserId]) => [
        meetingId,
        this.field("meeting_user", meetingUserId, "locked_out") === true,
        [...idList(this.field("meeting_user", meetingUserId, "group_ids"))].sort((a, b) => a - b),
      ])
      .sort((a, b) => (a[0] as number) - (b[0] as number));
    const committees = [...idList(this.field("user", this.id, "committee_management_ids"))].sort((a, b) => a - b);
    return JSON.stringify([this.organizationLevel(), committees, meetings]);
  }

  field(collection: string, id: number, field: string): unknown {
    return this.state.getField(collection, id, field);
  }

  organizationLevel(): number {
    if (!this.loggedIn) return 0;
    return OML_RANK[String(this.field("user", this.id, "organization_management_level"))] ?? 0;
  }

  /** OML ≥ level. */
  hasOrganizationLevel(level: OrganizationLevel): boolean {
    return this.organizationLevel() >= OML_RANK[level]!;
  }

  /** committee_management_ids and all their descendants. */
  managedCommittees(): Set<number> {
    if (this.managed) return this.managed;
    this.managed = new Set();
    if (!this.loggedIn) return this.managed;
    for (const id of idList(this.field("user", this.id, "committee_management_ids"))) {
      this.managed.add(id);
      for (const child of idList(this.field("committee", id, "all_child_ids"))) this.managed.add(child);
    }
    return this.managed;
  }

  managesCommittee(committeeId: number | undefined): boolean {
    return committeeId !== undefined && this.managedCommittees().has(committeeId);
  }

  /**
   * meeting id → the user's meeting_user there. Not for restriction rules: their verdicts are
   * shared within a profile, so they may compare identities only through isSelf.
   */
  meetingUserMap(): ReadonlyMap<number, number> {
    if (this.ownMeetingUsers) return this.ownMeetingUsers;
    const ownMeetingUsers = (this.ownMeetingUsers = new Map<number, number>());
    if (!this.loggedIn) return ownMeetingUsers;
    for (const id of idList(this.field("user", this.id, "meeting_user_ids"))) {
      const meetingId = idOf(this.field("meeting_user", id, "meeting_id"));
      if (meetingId !== undefined) ownMeetingUsers.set(meetingId, id);
    }
    return ownMeetingUsers;
  }

  meeting(meetingId: number): MeetingRights {
    let rights = this.meetings.get(meetingId);
    if (!rights) this.meetings.set(meetingId, (rights = this.computeMeeting(meetingId)));
    return rights;
  }

  private computeMeeting(meetingId: number): MeetingRights {
    if (!this.state.exists("meeting", meetingId)) return NO_RIGHTS;
    if (!this.loggedIn) {
      const open = this.field("organization", 1, "enable_anonymous") === true && this.field("meeting", meetingId, "enable_anonymous") === true;
      const groupId = idOf(this.field("meeting", meetingId, "anonymous_group_id"));
      if (!open || groupId === undefined) return NO_RIGHTS;
      return { admin: false, permissions: this.groupPermissions([groupId]), groupIds: new Set([groupId]) };
    }
    const meetingUserId = this.meetingUserMap().get(meetingId);
    if (this.field("meeting", meetingId, "locked_from_inside") !== true) {
      const committeeId = idOf(this.field("meeting", meetingId, "committee_id"));
      if (this.hasOrganizationLevel("can_manage_organization") || this.managesCommittee(committeeId)) {
        return { admin: true, permissions: new Set(), groupIds: new Set() };
      }
    }
    if (meetingUserId === undefined) return NO_RIGHTS;
    if (this.field("meeting_user", meetingUserId, "locked_out") === true) return NO_RIGHTS;
    const groupIds = idList(this.field("meeting_user", meetingUserId, "group_ids"));
    const adminGroup = idOf(this.field("meeting", meetingId, "admin_group_id"));
    if (adminGroup !== undefined && groupIds.includes(adminGroup)) {
      return { admin: true, permissions: new Set(), groupIds: new Set(groupIds) };
    }
    return { admin: false, permissions: this.groupPermissions(groupIds), groupIds: new Set(groupIds) };
  }

  private groupPermissions(groupIds: number[]): Set<string> {
    const held: string[] = [];
    for (const groupId of groupIds) held.push(...((this.field("group", groupId, "permissions") as string[] | undefined) ?? []));
    return expandPermissions(held);
  }

  hasPerm(meetingId: number | undefined, permission: string): boolean {
    if (meetingId === undefined) return false;
    const rights = this.meeting(meetingId);
    return rights.admin || rights.permissions.has(permission);
  }

  isAdmin(meetingId: number | undefined): boolean {
    return meetingId !== undefined && this.meeting(meetingId).admin;
  }

  /** Member of any of the groups (admins count as members of every group). */
  inAnyGroup(meetingId: number | undefined, groupIds: readonly number[]): boolean {
    if (meetingId === undefined) return false;
    const rights = this.meeting(meetingId);
    return rights.admin || groupIds.some((id) => rights.groupIds.has(id));
  }

  /** Meeting mode B, "can see the meeting". */
  canSeeMeeting(meetingId: number | undefined): boolean {
    if (meetingId === undefined || !this.state.exists("meeting", meetingId)) return false;
    const meetingUserId = this.meetingUserMap().get(meetingId);
    if (meetingUserId !== undefined) {
      if (this.field("meeting_user", meetingUserId, "locked_out") === true) return false;
      if (idList(this.field("meeting_user", meetingUserId, "group_ids")).length > 0) return true;
    }
    if (this.field("meeting", meetingId, "locked_from_inside") === true) return false;
    if (this.field("organization", 1, "enable_anonymous") === true && this.field("meeting", meetingId, "enable_anonymous") === true) return true;
    if (this.hasOrganizationLevel("can_manage_organization")) return true;
    if (!this.loggedIn) return false;
    if (this.managesCommittee(idOf(this.field("meeting", meetingId, "committee_id")))) return true;
    return this.field("meeting", meetingId, "template_for_organization_id") !== undefined && this.managedCommittees().size > 0;
  }

  /** OML ≥ can_manage_organization, a committee manager, or in some meeting's admin group. */
  adminAnywhere(): boolean {
    if (!this.loggedIn) return false;
    if (this.hasOrganizationLevel("can_manage_organization")) return true;
    if (idList(this.field("user", this.id, "committee_management_ids")).length > 0) return true;
    for (const [meetingId, meetingUserId] of this.meetingUserMap()) {
      const adminGroup = idOf(this.field("meeting", meetingId, "admin_group_id"));
      if (adminGroup !== undefined && idList(this.field("meeting_user", meetingUserId, "group_ids")).includes(adminGroup)) return true;
    }
    return false;
  }
}
