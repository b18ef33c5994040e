// participant.json_upload: first step of the participant CSV import into one meeting. The account
// rules of account.json_upload plus groups (new names are created at import, else the default
// group), structure levels, meeting fields, lock-out and last-admin checks; stored as a preview.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { modelFieldSchema, requiredIdSchema, stringListSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
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
import { checkMeetingAdminIntegrity, checkParticipantImportPermissions, validateLockedOutStatus } from "../../shared/participant-import.js";
import { userHeaders, UserJsonUpload, userRowSchema } from "../../shared/user-import.js";

export const participantHeaders: HeaderEntry[] = [
  ...userHeaders.map((header) => ({ ...header, is_object: true })),
  { property: "structure_level", type: "string", is_object: true, is_list: true },
  { property: "number", type: "string", is_object: true },
  { property: "vote_weight", type: "decimal", is_object: true },
  { property: "comment", type: "string", is_object: true },
  { property: "is_present", type: "boolean", is_object: true },
  { property: "groups", type: "string", is_object: true, is_list: true },
  { property: "locked_out", type: "boolean", is_object: true },
];

class ParticipantUpload extends UserJsonUpload {
  lookups: Record<string, Map<string, number>> = {};
  defaultGroup: { name?: string; id?: number } = {};
  missing: Record<string, Set<string>> = {};

  constructor(
    ctx: ActionContext,
    readonly meetingId: number,
  ) {
    super(ctx, "participant");
  }

  override async prepare(data: Record<string, any>[]): Promise<void> {
    await super.prepare(data);
    const meeting = await this.ctx.db.get(`meeting/${this.meetingId}`, ["group_ids", "structure_level_ids"]);
    const groups = await this.ctx.db.getMany("group", (meeting.group_ids as number[] | undefined) ?? [], [
      "name",
      "id",
      "default_group_for_meeting_id",
      "anonymous_group_for_meeting_id",
    ]);
    const usable = [...groups.values()].filter((group) => !group.anonymous_group_for_meeting_id);
    const levels = await this.ctx.db.getMany("structure_level", (meeting.structure_level_ids as number[] | undefined) ?? [], ["name", "id"]);
    this.lookups.group = new Map(usable.map((group) => [group.name as string, group.id as number]));
    this.lookups.structure_level = new Map([...levels.values()].map((level) => [level.name as string, level.id as number]));
    const defaultGroup = usable.find((group) => group.default_group_for_meeting_id);
    if (defaultGroup) this.defaultGroup = { name: defaultGroup.name as string, id: defaultGroup.id as number };
  }

  /** Upstream ParticipantJsonUpload.validate_with_lookup (names to group / structure level objects). */
  private lookupNames(entry: Record<string, any>, field: string): [boolean, Record<string, any>[]] {
    const singular = field.replace(/s$/, "");
    const names = (entry[field] ?? []) as string[];
    delete entry[field];
    const objects: Record<string, any>[] = [];
    let found = false;
    for (const name of names) {
      const id = this.lookups[singular]!.get(name);
      if (id) objects.push({ value: name, info: ImportState.DONE, id });
      else {
        objects.push({ value: name, info: ImportState.NEW });
        (this.missing[field] ??= new Set()).add(name);
      }
      found = true;
    }
    entry[`${singular}_ids`] = objects.map((object) => object.id).filter((id) => id);
    return [found, objects];
  }

  async validateParticipant(entry: Record<string, any>): Promise<ImportRow> {
    entry.meeting_id = this.meetingId;
    const row = await this.validateEntry(entry);
    const { messages } = row;
    entry = row.data;
    const [found, groupObjects] = this.lookupNames(entry, "groups");
    if (!found) {
      if (!this.defaultGroup.name || !this.defaultGroup.id) throw new ActionError("No valid group given in import and no default_group for meeting defined!");
      groupObjects.push({ value: this.defaultGroup.name, info: ImportState.GENERATED, id: this.defaultGroup.id });
    }
    const levelObjects = "structure_level" in entry ? this.lookupNames(entry, "structure_level")[1] : [];
    await this.checkFieldFailures(
      entry,
      messages,
      "Account is added to the meeting, but changes to the following field(s) are not possible:",
      "ABDEFGHIJ",
      (helper) => {
        delete helper.group_ids;
        delete helper.structure_level_ids;
        delete helper.meeting_id;
      },
    );
    await validateLockedOutStatus(this.ctx, this.meetingId, entry, messages, groupObjects, row);
    if (groupObjects.length > 0) entry.groups = groupObjects;
    if (levelObjects.length > 0) entry.structure_level = levelObjects;
    const weight = entry.vote_weight;
    if (weight && weight.value === "0.000000" && weight.info !== ImportState.REMOVE) {
      entry.vote_weight = { value: weight.value, info: ImportState.ERROR };
      messages.push("vote_weight must be bigger than or equal to 0.000001.");
      row.state = ImportState.ERROR;
    }
    return row;
  }
}

export default defineAction({
  name: "participant.json_upload",
  collection: "import_preview",
  kind: "custom",
  singular: true,
  schema: jsonUploadSchema(
    userRowSchema({
      number: modelFieldSchema("meeting_user", "number"),
      vote_weight: modelFieldSchema("meeting_user", "vote_weight"),
      comment: modelFieldSchema("meeting_user", "comment"),
      locked_out: modelFieldSchema("meeting_user", "locked_out"),
      is_present: { type: "boolean" },
      structure_level: stringListSchema,
      groups: stringListSchema,
    }),
    { meeting_id: requiredIdSchema },
  ),
  skipArchivedMeetingCheck: true,
  prefetch: async (ctx, data) => {
    assertSingularData(data);
    for (const item of data) await convertUploadCells(ctx, item, participantHeaders, { meetingId: item?.meeting_id as number });
  },
  checkPermissions: async (ctx, item) => {
    await assertImportMeetingExists(ctx, item.meeting_id);
    await checkParticipantImportPermissions(ctx, item.meeting_id as number);
  },
  updateInstance: async (ctx, instance) => {
    const meetingId = instance.meeting_id as number;
    const data = instance.data as Record<string, any>[];
    const upload = new ParticipantUpload(ctx, meetingId);
    await upload.prepare(data);
    const rows: ImportRow[] = [];
    for (const entry of data) rows.push(await upload.validateParticipant(entry));
    const { statistics, state } = generateStatistics(rows);
    statistics.push(
      { name: "structure levels created", value: upload.missing.structure_level?.size ?? 0 },
      { name: "groups created", value: upload.missing.groups?.size ?? 0 },
    );
    await checkMeetingAdminIntegrity(ctx, meetingId, rows);
    const id = await storeImportPreview(ctx, "participant", rows, state, meetingId);
    return { __result: { id, headers: participantHeaders, rows, statistics, state } } as Instance;
  },
  result: (_ctx, instance) => instance.__result as Record<string, unknown>,
});
