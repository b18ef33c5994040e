// The per-field permission rules of user.create / user.update (upstream
// CreateUpdatePermissionsMixin with its PermissionVarStore): every payload field belongs to one
// of the groups A-J, and each group has its own rule on top of the target user's scope.
import { PERMISSIONS, permissionImplies } from "../../meta/permissions.js";
import {
  getUserScope,
  isAdminInAllMeetings,
  isCommitteeManager,
  MissingPermissionError,
  ORGANIZATION_MANAGEMENT_LEVELS,
  pythonIntSetOrder,
  type PermissionAlternative,
  type UserScope,
} from "../../permissions/index.js";
import { ActionError, PermissionDeniedError } from "../errors.js";
import type { Model } from "../../db/types.js";
import type { PermissionReader, PermissionReadOptions } from "../../permissions/index.js";
import type { Instance } from "../framework/types.js";

/** What the field rules need: an action's context, or the get_user_editable presenter's stand-in. */
export interface UserRightsContext {
  db: Omit<PermissionReader, "get"> & { get(fqid: string, fields: string[], options?: PermissionReadOptions): Promise<Model> };
  userId: number;
  internal: boolean;
  action: { name: string };
}

export const FIELD_GROUPS: Record<string, readonly string[]> = {
  A: [
    "title",
    "first_name",
    "last_name",
    "username",
    "is_active",
    "is_physical_person",
    "can_change_own_password",
    "gender_id",
    "pronoun",
    "email",
    "default_vote_weight",
    "member_number",
  ],
  B: [
    "number",
    "vote_weight",
    "about_me",
    "comment",
    "structure_level_ids",
    "vote_delegated_to_id",
    "vote_delegations_from_ids",
    "is_present_in_meeting_ids",
    "locked_out",
    "is_present",
  ],
  C: ["meeting_id", "group_ids"],
  D: ["committee_management_ids"],
  E: ["organization_management_level"],
  F: ["default_password"],
  G: ["is_demo_user"],
  H: ["saml_id"],
  I: ["home_committee_id"],
  J: ["external"],
};

/** Rank of an organization management level ("" / unknown: no_right). */
export function omlRank(value: unknown): number {
  const index = (ORGANIZATION_MANAGEMENT_LEVELS as readonly string[]).indexOf(String(value ?? ""));
  return index < 0 ? 0 : index;
}
const CAN_MANAGE_USERS = omlRank("can_manage_users");
const CAN_MANAGE_ORGANIZATION = omlRank("can_manage_organization");
const SUPERADMIN = omlRank("superadmin");

/** What the request user may do (upstream PermissionVarStore), read once per action. */
class RequestUserRights {
  oml = 0;
  private committees?: { ids: Set<number>; meetingIds: Set<number> };
  private meetings?: Set<number>;
  private meetingUserIds: number[] = [];
  private managedIds: number[] = [];

  constructor(
    private readonly ctx: UserRightsContext,
    readonly permission: string,
  ) {}

  async load(): Promise<this> {
    const user = await this.ctx.db.get(`user/${this.ctx.userId}`, ["organization_management_level", "committee_management_ids", "meeting_user_ids"]);
    this.oml = omlRank(user.organization_management_level);
    this.managedIds = (user.committee_management_ids as number[] | undefined) ?? [];
    this.meetingUserIds = (user.meeting_user_ids as number[] | undefined) ?? [];
    return this;
  }

  /** Committees the request user manages (with all their children) and their meetings. */
  async userCommittees(): Promise<{ ids: Set<number>; meetingIds: Set<number> }> {
    if (this.committees) return this.committees;
    const ids = new Set(this.managedIds);
    const meetingIds = new Set<number>();
    if (ids.size > 0) {
      const committees = await this.ctx.db.getMany("committee", [...ids], ["meeting_ids", "all_child_ids"]);
      const children = [...committees.values()].flatMap((committee) => (committee.all_child_ids as number[] | undefined) ?? []).filter((id) => !ids.has(id));
      children.forEach((id) => ids.add(id));
      const childCommittees = children.length > 0 ? await this.ctx.db.getMany("committee", children, ["meeting_ids"]) : new Map();
      for (const committee of [...committees.values(), ...childCommittees.values()]) {
        for (const id of (committee.meeting_ids as number[] | undefined) ?? []) meetingIds.add(id);
      }
    }
    return (this.committees = { ids, meetingIds });
  }

  /** Meetings in which the request user holds the permission (or a parent of it) or is admin. */
  async userMeetings(): Promise<Set<number>> {
    if (this.meetings) return this.meetings;
    const wanted = [this.permission, ...PERMISSIONS.filter((other) => other !== this.permission && permissionImplies(other, this.permission))];
    const meetings = new Set<number>();
    const meetingUsers = await this.ctx.db.getMany("meeting_user", this.meetingUserIds, ["group_ids", "locked_out"]);
    const groupIds = [...new Set([...meetingUsers.values()].flatMap((mu) => (mu.locked_out ? [] : ((mu.group_ids as number[] | undefined) ?? []))))];
    const groups = await this.ctx.db.getMany("group", groupIds, ["meeting_id", "permissions", "admin_group_for_meeting_id"]);
    for (const group of groups.values()) {
      const permissions = (group.permissions as string[] | undefined) ?? [];
      if ((wanted.some((permission) => permissions.includes(permission)) || group.admin_group_for_meeting_id) && group.meeting_id) {
        meetings.add(group.meeting_id as number);
      }
    }
    return (this.meetings = meetings);
  }
}

function groupFields(instance: Instance): Record<string, string[]> {
  const result: Record<string, string[]> = Object.fromEntries(Object.keys(FIELD_GROUPS).map((group) => [group, []]));
  for (const key of Object.keys(instance)) {
    const group = Object.entries(FIELD_GROUPS).find(([, fields]) => fields.includes(key))?.[0];
    if (group) result[group]!.push(key);
    else if (key !== "id") throw new PermissionDeniedError(`There is no field group for field ${key} in payload`);
  }
  return result;
}

/** Python's dict {perm: id for id in ids}: only the last id in set order survives. */
function lastOfSet(ids: Iterable<number>): number {
  const ordered = pythonIntSetOrder([...ids]);
  return ordered[ordered.length - 1]!;
}

class FieldGroupCheck {
  scope!: UserScope;
  constructor(
    private readonly ctx: UserRightsContext,
    private readonly rights: RequestUserRights,
    private readonly instance: Instance,
  ) {}

  private get isCreate(): boolean {
    return this.ctx.action.name === "user.create";
  }

  async run(): Promise<void> {
    const { instance, rights } = this;
    const fields = groupFields(instance);
    this.scope = await getUserScope(this.ctx.db, typeof instance.id === "number" && !this.isCreate ? instance.id : instance);
    if (rights.oml !== SUPERADMIN) this.checkHigherOml(fields);
    let lockedFromInside = false;
    if (instance.meeting_id) {
      const meeting = await this.ctx.db.get(`meeting/${Number(instance.meeting_id)}`, ["locked_from_inside"]);
      lockedFromInside = Boolean(meeting.locked_from_inside);
    }
    this.checkH(fields.H!);
    this.checkE(fields.E!);
    await this.checkD(fields.D!);
    await this.checkC(fields.C!, lockedFromInside);
    await this.checkB(fields.B!, lockedFromInside);
    await this.checkA(fields.A!);
    await this.checkF(fields.F!);
    this.checkG(fields.G!);
    await this.checkI(fields.I!);
    await this.checkJ(fields.J!);
  }

  private checkHigherOml(fields: Record<string, string[]>): void {
    if (this.isCreate) return;
    const touched = Object.entries(fields).some(([group, names]) => group !== "B" && group !== "C" && names.length > 0);
    if (touched && omlRank(this.scope.oml) > this.rights.oml) {
      throw new PermissionDeniedError(
        `Your organization management level is not high enough to change a user with a Level of ${this.scope.oml}!`,
      );
    }
  }

  private async scopeMissing(): Promise<PermissionAlternative[] | undefined> {
    const { scope, rights } = this;
    const committees = await rights.userCommittees();
    if (scope.scope === "organization") {
      if ([...scope.committeeMeetings.keys()].some((id) => committees.ids.has(id))) return undefined;
      return [["can_manage_users", 1]];
    }
    if (scope.scope === "committee") {
      if (committees.ids.has(scope.scopeId)) return undefined;
      return [
        ["can_manage_users", 1],
        ["can_manage", scope.scopeId],
      ];
    }
    if (committees.meetingIds.has(scope.scopeId) || (await rights.userMeetings()).has(scope.scopeId)) return undefined;
    const meeting = await this.ctx.db.get(`meeting/${scope.scopeId}`, ["committee_id"]);
    return [
      ["can_manage_users", 1],
      ["can_manage", meeting.committee_id as number],
      [rights.permission, scope.scopeId],
    ];
  }

  private async checkA(fields: string[]): Promise<void> {
    if (fields.length === 0 || this.rights.oml >= CAN_MANAGE_USERS) return;
    const missing = await this.scopeMissing();
    if (missing) await this.raiseForAF(missing);
  }

  private async checkB(fields: string[], lockedFromInside: boolean): Promise<void> {
    if (fields.length === 0 || !(this.rights.oml < CAN_MANAGE_ORGANIZATION || lockedFromInside)) return;
    const meetingIds = new Set<number>((this.instance.is_present_in_meeting_ids as number[] | undefined) ?? []);
    if (this.instance.meeting_id) meetingIds.add(Number(this.instance.meeting_id));
    const allowed = new Set(await this.rights.userMeetings());
    if (!lockedFromInside) for (const id of (await this.rights.userCommittees()).meetingIds) allowed.add(id);
    const diff = [...meetingIds].filter((id) => !allowed.has(id));
    if (diff.length > 0) throw MissingPermissionError.anyOf([[this.rights.permission, lastOfSet(diff)]]);
  }

  private async checkC(fields: string[], lockedFromInside: boolean): Promise<void> {
    if (fields.length === 0 || !(this.rights.oml < CAN_MANAGE_USERS || lockedFromInside)) return;
    const meetingId = this.instance.meeting_id as number | undefined;
    const viaCommittee = !lockedFromInside && meetingId !== undefined && (await this.rights.userCommittees()).meetingIds.has(meetingId);
    if (viaCommittee || (meetingId !== undefined && (await this.rights.userMeetings()).has(meetingId))) return;
    const shown = meetingId ?? "None";
    throw new PermissionDeniedError(
      lockedFromInside
        ? `The user needs Permission ${this.rights.permission} for meeting ${shown}`
        : `The user needs OrganizationManagementLevel.can_manage_users or CommitteeManagementLevel.can_manage for committee of following meeting or Permission ${this.rights.permission} for meeting ${shown}`,
    );
  }

  private async checkD(fields: string[]): Promise<void> {
    if (fields.length === 0 || this.rights.oml >= CAN_MANAGE_USERS) return;
    const committees = new Set<number>((this.instance.committee_management_ids as number[] | null | undefined) ?? []);
    if (!this.isCreate && typeof this.instance.id === "number") {
      const stored = await this.ctx.db.get(`user/${this.instance.id}`, ["committee_management_ids"], { useChanges: false });
      for (const id of (stored.committee_management_ids as number[] | undefined) ?? []) {
        if (committees.has(id)) committees.delete(id);
        else committees.add(id);
      }
    }
    const managed = (await this.rights.userCommittees()).ids;
    const diff = [...committees].filter((id) => !managed.has(id));
    if (diff.length > 0) throw MissingPermissionError.anyOf([["can_manage", lastOfSet(diff)]]);
  }

  private checkE(fields: string[]): void {
    if (fields.length === 0 || this.rights.oml === SUPERADMIN) return;
    const value = this.instance.organization_management_level;
    if (Math.max(omlRank(value), CAN_MANAGE_USERS) > this.rights.oml) {
      throw new PermissionDeniedError(`Your organization management level is not high enough to set a Level of ${value === null ? "None" : String(value)}.`);
    }
  }

  private async checkF(fields: string[]): Promise<void> {
    if (fields.length === 0 || this.rights.oml === SUPERADMIN) return;
    const { scope, rights } = this;
    let missing: PermissionAlternative[] | undefined;
    if (scope.oml || scope.scope === "organization") {
      let expected: number;
      if (scope.oml) {
        expected = omlRank(scope.oml);
      } else {
        const committees = await rights.userCommittees();
        if ([...scope.committeeMeetings.keys()].some((id) => committees.ids.has(id))) return;
        expected = CAN_MANAGE_USERS;
      }
      if (expected <= rights.oml) return;
      missing = [[ORGANIZATION_MANAGEMENT_LEVELS[expected]!, 1]];
    } else if (rights.oml >= CAN_MANAGE_USERS) {
      return;
    } else {
      missing = await this.scopeMissing();
    }
    if (missing) await this.raiseForAF(missing);
  }

  private checkG(fields: string[]): void {
    if (fields.length > 0 && this.rights.oml !== SUPERADMIN) throw MissingPermissionError.single("superadmin");
  }

  private checkH(fields: string[]): void {
    if (fields.length === 0 || this.rights.oml === SUPERADMIN) return;
    if (this.ctx.internal || (this.isCreate && this.rights.oml >= CAN_MANAGE_USERS)) return;
    let message = "The field 'saml_id' can only be used in internal action calls";
    if (this.isCreate) message += " or with can_manage_users permission";
    throw new ActionError(message);
  }

  /** Group I: committee management of the new and the stored home committee. */
  async checkI(fields: string[]): Promise<number[]> {
    if (fields.length === 0 || this.rights.oml >= CAN_MANAGE_ORGANIZATION) return [];
    const committeeIds: number[] = [];
    if (this.instance.home_committee_id) committeeIds.push(Number(this.instance.home_committee_id));
    if (!this.isCreate && typeof this.instance.id === "number") {
      const stored = await this.ctx.db.get(`user/${this.instance.id}`, ["home_committee_id"]);
      if (stored.home_committee_id) committeeIds.push(stored.home_committee_id as number);
    }
    const forbidden: number[] = [];
    for (const id of new Set(committeeIds)) if (!(await isCommitteeManager(this.ctx.db, this.ctx.userId, id))) forbidden.push(id);
    if (forbidden.length > 0) throw MissingPermissionError.anyOf([["can_manage", forbidden]]);
    return committeeIds;
  }

  private async checkJ(fields: string[]): Promise<void> {
    if (fields.length === 0) return;
    if ((await this.checkI(fields)).length === 0) await this.checkA(fields);
  }

  /** Upstream _check_missing_permissions_groups_AF. */
  private async raiseForAF(missing: PermissionAlternative[]): Promise<void> {
    const { scope } = this;
    const meetingIds = [...scope.committeeMeetings.values()].flat();
    const targetId = !this.isCreate && typeof this.instance.id === "number" ? this.instance.id : 0;
    if (scope.homeCommitteeId || !(await isAdminInAllMeetings(this.ctx.db, this.ctx.userId, targetId, pythonIntSetOrder(meetingIds), this.ctx.action.name))) {
      const alternatives = [...missing];
      if (!scope.homeCommitteeId) alternatives.push(["user.can_update", new Set(meetingIds)]);
      throw MissingPermissionError.anyOf(alternatives);
    }
    if (scope.inArchivedMeetingsOnly) throw MissingPermissionError.anyOf(missing);
  }
}

/**
 * Upstream CreateUpdatePermissionsMixin.check_permissions for one user.create / user.update
 * payload item; `permission` is the meeting permission of the action (user.can_manage /
 * user.can_update).
 */
export async function checkUserFieldPermissions(ctx: UserRightsContext, instance: Instance, permission: string): Promise<void> {
  const rights = await new RequestUserRights(ctx, permission).load();
  await new FieldGroupCheck(ctx, rights, instance).run();
}

/** Only group I (home committee) of the field rules, used by user.update for external=true. */
export async function checkHomeCommitteeRights(ctx: UserRightsContext, instance: Instance, permission: string): Promise<void> {
  const rights = await new RequestUserRights(ctx, permission).load();
  await new FieldGroupCheck(ctx, rights, instance).checkI(["home_committee_id"]);
}
