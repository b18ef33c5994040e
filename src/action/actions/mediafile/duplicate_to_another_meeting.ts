// mediafile.duplicate_to_another_meeting (backend internal): creates a copy of mediafile origin_id
// under the caller-reserved id for another owner (title made unique within its folder with a
// " (n)" suffix, publication inherited from the parent) and copies the stored file bytes.
// Framework gap: create actions always reserve their own ids, so this is a custom action emitting
// the create event itself (the caller reserves the ids like upstream).
import { duplicateFile } from "../../../media/storage.js";
import { defineAction } from "../../framework/define.js";
import { itemSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { nowTimestamp } from "../../shared/clock.js";

const COPIED_FIELDS = ["title", "is_directory", "filesize", "filename", "mimetype", "pdf_information"];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function uniqueTitle(ctx: ActionContext, instance: Instance): Promise<void> {
  const title = instance.title as string | undefined;
  if (!title) return;
  const parentId = (instance.parent_id as number | undefined) ?? null;
  const ownerId = String(instance.owner_id ?? "");
  const siblings = await ctx.db.filter(
    "mediafile",
    {
      and_filter: [
        { field: "owner_id", operator: "=", value: ownerId },
        { field: "parent_id", operator: "=", value: parentId },
      ],
    },
    ["title"],
  );
  const titles = [...siblings].filter(([id]) => id !== instance.id).map(([, model]) => String(model.title ?? ""));
  if (!titles.includes(title)) return;
  const pattern = new RegExp(`^${escapeRegExp(title)}(?:\\s\\((\\d+)\\))?$`);
  let max = 0;
  for (const existing of titles) {
    const match = pattern.exec(existing);
    if (match?.[1]) max = Math.max(max, Number(match[1]));
  }
  instance.title = `${title} (${max + 1})`;
}

async function duplicate(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const originId = Number(instance.origin_id);
  delete instance.origin_id;
  const origin = await ctx.db.get(`mediafile/${originId}`, COPIED_FIELDS);
  for (const field of COPIED_FIELDS) if (origin[field] !== undefined && origin[field] !== null) instance[field] = origin[field];
  if (instance.parent_id) {
    const parent = await ctx.db.get(`mediafile/${Number(instance.parent_id)}`, ["published_to_meetings_in_organization_id"]);
    if (parent.published_to_meetings_in_organization_id) instance.published_to_meetings_in_organization_id = parent.published_to_meetings_in_organization_id;
  }
  await uniqueTitle(ctx, instance);
  instance.create_timestamp = nowTimestamp();
  if (!instance.is_directory) {
    const tx = ctx.request.tx;
    const targetId = Number(instance.id);
    ctx.request.onSuccess.push(async () => {
      await duplicateFile(tx, originId, targetId);
    });
  }
  return instance;
}

export default defineAction({
  name: "mediafile.duplicate_to_another_meeting",
  collection: "mediafile",
  kind: "custom",
  visibility: "backend_internal",
  schema: itemSchema(
    "mediafile",
    { required: ["id", "owner_id"], optional: ["parent_id"], additionalRequired: { origin_id: { type: "integer" } } },
    "Create schema for single mediafile",
    "A new mediafile object.",
  ),
  permission: "mediafile.can_manage",
  skipArchivedMeetingCheck: true,
  updateInstance: duplicate,
  createEvents: (_ctx, instance) => [{ type: "create", fqid: `mediafile/${Number(instance.id)}`, fields: { ...instance } }],
  result: (_ctx, instance) => ({ id: instance.id }),
});
