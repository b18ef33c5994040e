// Rules committee.create and committee.update share: who may change the forwarding lists, the
// own-committee forwarding symmetry, and the committee tree (all_parent_ids, circles).
import {
  committeesNotManaged,
  hasOrganizationManagementLevel,
  MissingPermissionError,
  pythonIntSetOrder,
} from "../../permissions/index.js";
import { ActionError } from "../errors.js";
import type { ActionContext, Instance } from "../framework/types.js";

const FORWARDING_FIELDS = ["forward_to_committee_ids", "receive_forwardings_from_committee_ids"] as const;

function ids(value: unknown): number[] {
  return Array.isArray(value) ? (value as number[]) : [];
}

/**
 * Changing a forwarding list needs management of every committee added or removed; an
 * organization setting may reserve the lists to organization managers.
 */
export async function checkForwardingFields(ctx: ActionContext, instance: Instance): Promise<void> {
  if (!FORWARDING_FIELDS.some((field) => field in instance)) return;
  const stored = instance.id && !ctx.action.name.endsWith(".create")
    ? await ctx.db.get(`committee/${Number(instance.id)}`, [...FORWARDING_FIELDS])
    : {};
  const organization = await ctx.db.get("organization/1", ["restrict_edit_forward_committees"]);
  const changed = new Set<number>();
  for (const field of FORWARDING_FIELDS) {
    if (!(field in instance)) continue;
    if (organization.restrict_edit_forward_committees && !(await hasOrganizationManagementLevel(ctx.db, ctx.userId, "can_manage_organization"))) {
      throw new ActionError(
        "You are not allowed to set 'forward_to_committee_ids' and 'receive_forwardings_from_committee_ids', because it is restricted.",
      );
    }
    const given = new Set(ids(instance[field]));
    const before = new Set(ids(stored[field]));
    for (const id of given) if (!before.has(id)) changed.add(id);
    for (const id of before) if (!given.has(id)) changed.add(id);
  }
  if (changed.size === 0) return;
  const failing = await committeesNotManaged(ctx.db, ctx.userId, [...changed]);
  if (failing.length > 0) {
    throw MissingPermissionError.anyOf([
      ["can_manage_organization", 1],
      ["can_manage", failing],
    ]);
  }
}

/** Forwarding to the own committee must be set in both lists or in neither, when both are given. */
export function checkOwnForwarding(_ctx: ActionContext, instance: Instance): Instance {
  const [forward, receive] = FORWARDING_FIELDS.map((field) => instance[field]);
  if (forward == null || receive == null) return instance;
  const id = Number(instance.id);
  if (ids(forward).includes(id) !== ids(receive).includes(id)) {
    throw new ActionError("Forwarding or receiving to/from own must be configured in both directions!");
  }
  return instance;
}

/** Committees that would lie on a parent circle, in the tree child -> parent. */
export function committeesInCircles(parentOf: Map<number, number | null>): number[] {
  const circles = new Set<number>();
  const settled = new Set<number>();
  for (const start of parentOf.keys()) {
    const path: number[] = [];
    let current: number | null | undefined = start;
    while (current != null && !settled.has(current)) {
      const index = path.indexOf(current);
      if (index >= 0) {
        for (const id of path.slice(index)) circles.add(id);
        break;
      }
      path.push(current);
      current = parentOf.get(current);
    }
    for (const id of path) settled.add(id);
  }
  return pythonIntSetOrder(circles);
}
