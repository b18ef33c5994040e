// committee.update: committee managers edit their committee (organization managers anything);
// moving a committee (parent_id) needs management above both places, refuses circles and
// rewrites all_parent_ids of the moved committees and their descendants.
import { hasOrganizationManagementLevel, isCommitteeManager, MissingPermissionError } from "../../../permissions/index.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { checkForwardingFields, checkOwnForwarding, committeesInCircles } from "../../shared/committee-rules.js";

function idsOf(value: unknown): number[] {
  return Array.isArray(value) ? (value as number[]) : [];
}

async function checkArchivedDefaultMeeting(ctx: ActionContext, item: Instance): Promise<void> {
  if (!item.default_meeting_id) return;
  const meeting = await ctx.db.get(`meeting/${Number(item.default_meeting_id)}`, ["is_active_in_organization_id", "committee_id"], { optional: true });
  // A meeting that does not exist is refused as such by checkDefaultMeeting, not as archived.
  if (meeting?.committee_id !== undefined && !meeting.is_active_in_organization_id) {
    throw new ActionError(`Meetings ${Number(item.default_meeting_id)} cannot be changed, because they are archived.`);
  }
}

async function checkMovePermission(ctx: ActionContext, item: Instance): Promise<void> {
  const parentId = item.parent_id as number | null;
  if (!parentId) throw MissingPermissionError.single("can_manage_organization");
  const id = Number(item.id);
  const committees = await ctx.db.getMany("committee", [parentId, id], ["all_parent_ids"]);
  const oldAncestors = new Set(idsOf(committees.get(id)?.all_parent_ids));
  const common = [...idsOf(committees.get(parentId)?.all_parent_ids), parentId].filter((ancestor) => oldAncestors.has(ancestor));
  if (common.length === 0) throw MissingPermissionError.single("can_manage_organization");
  const user = await ctx.db.get(`user/${ctx.userId}`, ["committee_management_ids"]);
  const managed = new Set(idsOf(user.committee_management_ids));
  if (!common.some((ancestor) => managed.has(ancestor))) {
    throw MissingPermissionError.anyOf([
      ["can_manage_organization", 1],
      ["can_manage", common],
    ]);
  }
}

async function checkUpdatePermission(ctx: ActionContext, item: Instance): Promise<void> {
  await checkArchivedDefaultMeeting(ctx, item);
  await checkForwardingFields(ctx, item);
  if (await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_organization")) return;
  if ("parent_id" in item) await checkMovePermission(ctx, item);
  let checkId = Number(item.id);
  if ("manager_ids" in item) {
    const organization = await ctx.db.get("organization/1", ["restrict_editing_same_level_committee_admins"]);
    if (organization.restrict_editing_same_level_committee_admins) {
      const committee = await ctx.db.get(`committee/${checkId}`, ["parent_id"]);
      if (!committee.parent_id) throw MissingPermissionError.single("can_manage_organization");
      checkId = committee.parent_id as number;
    }
  }
  if (await isCommitteeManager(ctx.db, ctx.userId, checkId)) return;
  throw MissingPermissionError.anyOf([
    ["can_manage_organization", 1],
    ["can_manage", checkId],
  ]);
}

/** Adds all_parent_ids to every moved committee and to each committee below one. */
async function withRecomputedParents(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const instances = new Map<number, Instance>(data.map((item) => [Number(item.id), { ...item }]));
  const moved = data.filter((item) => "parent_id" in item);
  if (moved.length === 0) return [...instances.values()];
  const startIds = new Set<number>();
  for (const item of moved) {
    startIds.add(Number(item.id));
    if (item.parent_id) startIds.add(Number(item.parent_id));
  }
  const loaded = await ctx.db.getMany("committee", [...startIds], ["parent_id", "all_parent_ids", "all_child_ids"]);
  const related = new Set<number>();
  for (const committee of loaded.values()) for (const id of [...idsOf(committee.all_child_ids), ...idsOf(committee.all_parent_ids)]) related.add(id);
  for (const id of loaded.keys()) related.delete(id);
  const others = related.size > 0 ? await ctx.db.getMany("committee", [...related], ["parent_id"]) : new Map();

  const parentOf = new Map<number, number | null>();
  for (const [id, committee] of [...loaded, ...others]) {
    const change = instances.get(id);
    parentOf.set(id, change && "parent_id" in change ? ((change.parent_id as number | null) ?? null) : ((committee.parent_id as number | undefined) ?? null));
  }
  const circles = committeesInCircles(parentOf);
  if (circles.length > 0) {
    throw new ActionError(`Cannot perform parent updates, as it would create circles for the following committees: {${circles.join(", ")}}`);
  }
  const childrenOf = new Map<number, number[]>();
  for (const [id, parentId] of parentOf) {
    if (parentId != null && parentOf.has(parentId)) childrenOf.set(parentId, [...(childrenOf.get(parentId) ?? []), id]);
  }
  const queue: Array<{ id: number; ancestors: number[]; write: boolean }> = [...parentOf]
    .filter(([, parentId]) => parentId == null)
    .map(([id]) => ({ id, ancestors: [], write: instances.has(id) }));
  for (let index = 0; index < queue.length; index++) {
    const { id, ancestors, write } = queue[index]!;
    if (write) {
      const instance = instances.get(id) ?? { id };
      instance.all_parent_ids = ancestors;
      instances.set(id, instance);
    }
    for (const childId of childrenOf.get(id) ?? []) {
      queue.push({ id: childId, ancestors: [...ancestors, id], write: write || instances.has(childId) });
    }
  }
  return [...instances.values()];
}

async function checkDefaultMeeting(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (!instance.default_meeting_id) return instance;
  const meeting = await ctx.db.get(`meeting/${Number(instance.default_meeting_id)}`, ["committee_id"]);
  if (meeting.committee_id !== instance.id) {
    throw new ActionError(`Meeting ${Number(instance.default_meeting_id)} does not belong to committee ${Number(instance.id)}`);
  }
  return instance;
}

export default defineAction({
  name: "committee.update",
  collection: "committee",
  kind: "update",
  schema: updateSchema("committee", {
    optional: [
      "name",
      "description",
      "default_meeting_id",
      "forward_to_committee_ids",
      "receive_forwardings_from_committee_ids",
      "organization_tag_ids",
      "manager_ids",
      "external_id",
      "parent_id",
    ],
  }),
  skipArchivedMeetingCheck: true,
  checkPermissions: checkUpdatePermission,
  instances: withRecomputedParents,
  updateInstance: [checkOwnForwarding, checkDefaultMeeting],
});
