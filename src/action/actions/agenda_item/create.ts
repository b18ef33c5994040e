// agenda_item.create: an agenda item for a motion, motion block, assignment or topic. The meeting
// comes from the content object; level, is_hidden and is_internal follow the parent; the weight
// is the next one among the parent's children.
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { isHiddenItem, isInternalItem } from "../../shared/agenda-visibility.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import { nextWeight } from "../../shared/weight.js";

async function computeTreeFields(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const parentId = instance.parent_id ?? null;
  const parent =
    parentId === null
      ? { is_hidden: false, is_internal: false, level: -1 }
      : await ctx.db.get(fqidOf("agenda_item", Number(parentId)), ["is_hidden", "is_internal", "level"]);
  instance.level = Number(parent.level ?? 0) + 1;
  instance.is_hidden = isHiddenItem(instance.type, parent.is_hidden);
  instance.is_internal = isInternalItem(instance.type, parent.is_internal);
  if (!("weight" in instance)) {
    instance.weight = await nextWeight(ctx, "agenda_item", {
      and_filter: [
        { field: "parent_id", operator: "=", value: parentId },
        { field: "meeting_id", operator: "=", value: instance.meeting_id },
      ],
    });
  }
  return instance;
}

export default defineAction({
  name: "agenda_item.create",
  collection: "agenda_item",
  kind: "create",
  schema: createSchema("agenda_item", {
    required: ["content_object_id"],
    optional: ["item_number", "comment", "type", "parent_id", "duration", "weight", "tag_ids"],
  }),
  permission: "agenda_item.can_manage",
  meetingOf: meetingOfReferencedModel("agenda_item", "content_object_id"),
  updateInstance: [inferMeetingFrom("agenda_item", "content_object_id"), computeTreeFields],
});
