// topic.json_upload: first step of the topic CSV import. Converts the cells by the headers, marks
// every row "new" (titles may repeat) and stores the rows in an import_preview for topic.import.
import { defineAction } from "../../framework/define.js";
import { hasPerm, missingPermission } from "../../framework/permissions.js";
import { modelFieldSchema, requiredIdSchema } from "../../framework/schemas.js";
import type { Instance } from "../../framework/types.js";
import { agendaCreationProperties } from "../../shared/agenda-item-creation.js";
import {
  assertImportMeetingExists,
  convertUploadCells,
  generateStatistics,
  ImportState,
  jsonUploadSchema,
  storeImportPreview,
  type HeaderEntry,
  type ImportRow,
  assertSingularData,
} from "../../shared/import-preview.js";

const PERMISSION = "agenda_item.can_manage";

export const topicHeaders: HeaderEntry[] = [
  { property: "title", type: "string", is_object: true },
  { property: "text", type: "string" },
  { property: "agenda_comment", type: "string" },
  { property: "agenda_type", type: "string" },
  { property: "agenda_duration", type: "integer" },
];

export default defineAction({
  name: "topic.json_upload",
  collection: "import_preview",
  kind: "custom",
  singular: true,
  schema: jsonUploadSchema(
    {
      type: "object",
      properties: {
        title: modelFieldSchema("topic", "title"),
        text: modelFieldSchema("topic", "text"),
        agenda_comment: agendaCreationProperties.agenda_comment!,
        agenda_type: agendaCreationProperties.agenda_type!,
        agenda_duration: agendaCreationProperties.agenda_duration!,
      },
      required: ["title"],
      additionalProperties: false,
    },
    { meeting_id: requiredIdSchema },
  ),
  prefetch: async (ctx, data) => {
    assertSingularData(data);
    for (const item of data) await convertUploadCells(ctx, item, topicHeaders, { meetingId: item?.meeting_id as number });
  },
  checkPermissions: async (ctx, item) => {
    await assertImportMeetingExists(ctx, item.meeting_id);
    if (!(await hasPerm(ctx.db, ctx.userId, PERMISSION, item.meeting_id as number))) throw missingPermission(PERMISSION);
  },
  updateInstance: async (ctx, instance) => {
    const meetingId = instance.meeting_id as number;
    const rows: ImportRow[] = (instance.data as Record<string, any>[]).map((entry) => ({
      state: ImportState.NEW,
      messages: [],
      data: { ...entry, title: { value: entry.title, info: ImportState.NEW }, meeting_id: meetingId },
    }));
    const { statistics, state } = generateStatistics(rows);
    const id = await storeImportPreview(ctx, "topic", rows, state);
    return { __result: { id, headers: topicHeaders, rows, statistics, state } } as Instance;
  },
  result: (_ctx, instance) => instance.__result as Record<string, unknown>,
});
