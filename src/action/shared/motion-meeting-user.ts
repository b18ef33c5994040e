// Upstream's motion_meeting_user_{create,delete,sort} builders: the models linking a motion with a
// meeting user (submitters, supporters, editors, working group speakers). Create infers the
// meeting from the motion, checks that the user belongs to it (unless organization manager),
// that the pair is unique and, with weights, puts the new one last; sort is a linear sort per motion.
import { hasOrganizationManagementLevel } from "../../permissions/index.js";
import { ActionError } from "../errors.js";
import { defineAction } from "../framework/define.js";
import { fqidOf } from "../framework/fqid.js";
import type { ActionContext, ActionDefinition, ActionVisibility, HistoryInformation, Instance } from "../framework/types.js";
import { createSchema, deleteSchema, linearSortSchema } from "../validation/schemas.js";
import { sortLinear } from "./linear-sort.js";
import { assertBelongsToMeeting } from "./belongs-to-meeting.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "./inferred-meeting.js";
import { nextWeight } from "./weight.js";

export interface MotionMeetingUserCreateOptions {
  /** Skip the meeting check for internal calls (submitters, supporters). */
  ignoreMeetingIfInternal?: boolean;
  withWeight?: boolean;
  history?: string;
  visibility?: ActionVisibility;
  /** Extra steps after the generic ones (e.g. the supporter rules). */
  updateInstance?: Array<(ctx: ActionContext, instance: Instance) => Promise<Instance | void>>;
  checkPermissions?: (ctx: ActionContext, item: Instance) => Promise<void>;
}

export function motionMeetingUserCreate(collection: string, options: MotionMeetingUserCreateOptions = {}): ActionDefinition {
  const withWeight = options.withWeight ?? true;
  const check = async (ctx: ActionContext, instance: Instance): Promise<Instance> => {
    const meetingId = Number(instance.meeting_id);
    const meetingUser = await ctx.db.get(fqidOf("meeting_user", Number(instance.meeting_user_id)), ["user_id"]);
    const userId = Number(meetingUser.user_id);
    if (!(options.ignoreMeetingIfInternal && ctx.internal) && !(await hasOrganizationManagementLevel(ctx.db, userId, "can_manage_organization"))) {
      await assertBelongsToMeeting(ctx, fqidOf("user", userId), meetingId);
    }
    const exists = await ctx.db.exists(collection, {
      and_filter: [
        { field: "meeting_user_id", operator: "=", value: instance.meeting_user_id },
        { field: "motion_id", operator: "=", value: instance.motion_id },
        { field: "meeting_id", operator: "=", value: meetingId },
      ],
    });
    if (exists) throw new ActionError("(meeting_user_id, motion_id) must be unique.");
    if (withWeight && (instance.weight === undefined || instance.weight === null)) {
      instance.weight = await nextWeight(ctx, collection, {
        and_filter: [
          { field: "meeting_id", operator: "=", value: meetingId },
          { field: "motion_id", operator: "=", value: instance.motion_id },
        ],
      });
    }
    return instance;
  };
  return defineAction({
    name: `${collection}.create`,
    collection,
    kind: "create",
    visibility: options.visibility,
    schema: createSchema(collection, { required: ["motion_id", "meeting_user_id"], optional: withWeight ? ["weight"] : [] }),
    permission: "motion.can_manage_metadata",
    checkPermissions: options.checkPermissions,
    meetingOf: meetingOfReferencedModel(collection, "motion_id"),
    updateInstance: [inferMeetingFrom(collection, "motion_id"), check, ...(options.updateInstance ?? [])],
    history: options.history,
    historyRelationField: options.history ? "motion_id" : undefined,
  });
}

/** With history: on the motion, unless the motion is deleted too (upstream's motion.delete drops cascaded history). */
export function motionMeetingUserDelete(collection: string, options: { history?: string } = {}): ActionDefinition {
  const history = options.history;
  return defineAction({
    name: `${collection}.delete`,
    collection,
    kind: "delete",
    schema: deleteSchema(collection),
    permission: "motion.can_manage_metadata",
    historyInformation: history
      ? async (ctx) => {
          const information: HistoryInformation = {};
          for (const instance of ctx.instances) {
            const stored = await ctx.db.get(fqidOf(collection, Number(instance.id)), ["motion_id"], { useChanges: false, optional: true });
            const motion = fqidOf("motion", Number(stored.motion_id));
            if (stored.motion_id && !ctx.isToBeDeleted(motion)) information[motion] = [history];
          }
          return information;
        }
      : undefined,
  });
}

/** `{motion_id, <ids field>}`: every model of the motion, in the new order, gets weight 1..n. */
export function motionMeetingUserSort(collection: string, idsField: string): ActionDefinition {
  return defineAction({
    name: `${collection}.sort`,
    collection,
    kind: "update",
    schema: linearSortSchema(collection, idsField, "motion_id"),
    singular: true,
    permission: "motion.can_manage_metadata",
    meetingOf: { collection: "motion", idField: "motion_id" },
    instances: async (ctx, data) => {
      const [item] = data;
      const meetingId = await ctx.meetingIdOf(item!);
      return sortLinear(ctx, collection, item![idsField] as number[], {
        and_filter: [
          { field: "motion_id", operator: "=", value: item!.motion_id },
          { field: "meeting_id", operator: "=", value: meetingId },
        ],
      });
    },
  });
}
