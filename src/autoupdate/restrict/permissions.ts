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
  /** The request user's meeting_user of this meeting, if any. */
  meetingUserId?: number;
}

const NO_RIGHTS: MeetingRights = { admin: false, permissions: new Set(), groupIds: new Set() };

export const idList = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);
export const idOf = (value: unknown): number | undefined => (typeof value === "number" ? value : undefined);

export class UserRights {
  private readonly meetings = new Map<number, MeetingRights>();
  private managed?: Set<number>;
  private ownMeetingUsers?: Map<number, number>;

  constructor(
    readonly state: StateReader,
    readonly userId: number,
  ) {}

  get loggedIn(): boolean {
    return this.userId > 0;
  }

  field(collection: string, id: number, field: string): unknown {
    return this.state.getField(collection, id, field);
  }

  organizationLevel(): number {
    if (!this.loggedIn) return 0;
    return OML_RANK[String(this.field("user", this.userId, "organization_management_level"))] ?? 0;
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
    for (const id of idList(this.field("user", this.userId, "committee_management_ids"))) {
      this.managed.add(id);
      for (const child of idList(this.field("committee", id, "all_child_ids"))) this.managed.add(child);
    }
    return this.managed;
  }

  managesCommittee(committeeId: number | undefined): boolean {
    return committeeId !== undefined && this.managedCommittees().has(committeeId);
  }

  /** meeting id → the request user's meeting_user id there. */
  meetingUsers(): Map<number, number> {
    if (this.ownMeetingUsers) return this.ownMeetingUsers;
    this.ownMeetingUsers = new Map();
    if (!this.loggedIn) return this.ownMeetingUsers;
    for (const id of idList(this.field("user", this.userId, "meeting_user_ids"))) {
      const meetingId = idOf(this.field("meeting_user", id, "meeting_id"));
      if (meetingId !== undefined) this.ownMeetingUsers.set(meetingId, id);
    }
    return this.ownMeetingUsers;
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
    const meetingUserId = this.meetingUsers().get(meetingId);
    if (this.field("meeting", meetingId, "locked_from_inside") !== true) {
      const committeeId = idOf(this.field("meeting", meetingId, "committee_id"));
      if (this.hasOrganizationLevel("can_manage_organization") || this.managesCommittee(committeeId)) {
        return { admin: true, permissions: new Set(), groupIds: new Set(), meetingUserId };
      }
    }
    if (meetingUserId === undefined) return NO_RIGHTS;
    if (this.field("meeting_user", meetingUserId, "locked_out") === true) return { ...NO_RIGHTS, meetingUserId };
    const groupIds = idList(this.field("meeting_user", meetingUserId, "group_ids"));
    const adminGroup = idOf(this.field("meeting", meetingId, "admin_group_id"));
    if (adminGroup !== undefined && groupIds.includes(adminGroup)) {
      return { admin: true, permissions: new Set(), groupIds: new Set(groupIds), meetingUserId };
    }
    return { admin: false, permissions: this.groupPermissions(groupIds), groupIds: new Set(groupIds), meetingUserId };
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
    const meetingUserId = this.meetingUsers().get(meetingId);
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
    if (idList(this.field("user", this.userId, "committee_management_ids")).length > 0) return true;
    for (const [meetingId, meetingUserId] of this.meetingUsers()) {
      const adminGroup = idOf(this.field("meeting", meetingId, "admin_group_id"));
      if (adminGroup !== undefined && idList(this.field("meeting_user", meetingUserId, "group_ids")).includes(adminGroup)) return true;
    }
    return false;
  }
}
