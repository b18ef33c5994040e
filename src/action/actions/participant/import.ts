// participant.import: second step of the participant CSV import. Re-checks the preview rows
// (accounts, rights, groups / structure levels renamed or deleted, lock-out, last admin), creates
// the new groups and structure levels, runs user.create / user.update with the meeting fields and
// user.set_present; the preview is deleted unless the import ends in error.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { deleteImportPreview, ImportState, importSchema, loadImportPreview, valueOfCell, type ImportRow, assertSingularData } from "../../shared/import-preview.js";
import { checkMeetingAdminIntegrity, checkParticipantImportPermissions, validateLockedOutStatus } from "../../shared/participant-import.js";
import { UserImport } from "../../shared/user-import.js";

const FIELDS = ["groups", "structure_level"] as const;
const singular = (field: string) => field.replace(/s$/, "");

class ParticipantImport extends UserImport {
  lookups: Record<string, Map<number, string>> = {};
  modelsToCreate: Record<string, string[]> = {};
  newlyFound: Record<string, Map<string, number>> = {};

  constructor(
    ctx: ActionContext,
    rows: ImportRow[],
    readonly meetingId: number,
  ) {
    super(ctx, "participant", rows);
  }

  async updateModelsToCreate(collection: string, field: string): Promise<void> {
    this.modelsToCreate[field] = [];
    const wanted = new Set<string>();
    for (const row of this.rows) for (const entry of (row.data[field] ?? []) as Record<string, any>[]) if (entry.info === ImportState.NEW) wanted.add(entry.value);
    if (wanted.size === 0) return;
    const found = await this.ctx.db.filter(
      collection,
      {
        and_filter: [
          { field: "meeting_id", operator: "=", value: this.meetingId },
          ...(collection === "group" ? [{ field: "anonymous_group_for_meeting_id", operator: "=" as const, value: null }] : []),
          { or_filter: [...wanted].map((name) => ({ field: "name", operator: "=" as const, value: name })) },
        ],
      },
      ["name", "id"],
    );
    this.newlyFound[field] = new Map([...found.values()].map((model) => [model.name as string, model.id as number]));
    for (const model of found.values()) wanted.delete(model.name as string);
    this.modelsToCreate[field] = [...wanted];
  }

  override async setupLookups(): Promise<void> {
    await super.setupLookups();
    for (const field of FIELDS) {
      const wanted = [...new Set(this.rows.flatMap((row) => ((row.data[field] ?? []) as Record<string, any>[]).map((entry) => entry.id).filter((id) => id)))];
      const models = await this.ctx.db.getMany(singular(field), wanted as number[], ["name"], { useChanges: false });
      this.lookups[field] = new Map([...models.entries()].map(([id, model]) => [id, model.name as string]));
    }
  }

  async validateParticipant(row: ImportRow): Promise<void> {
    this.validateEntry(row);
    const entry = row.data;
    entry.meeting_id = this.meetingId;
    if (entry.gender && typeof entry.gender === "object") {
      entry.gender_id = entry.gender;
      delete entry.gender;
    }
    if (!("groups" in entry)) {
      throw new ActionError(
        `There is no group in the data of user '${valueOfCell(entry.username) ?? "None"}'. Is there a default group for the meeting?`,
      );
    }
    const groups = entry.groups as Record<string, any>[];
    const levels = entry.structure_level as Record<string, any>[] | undefined;
    delete entry.groups;
    delete entry.structure_level;
    entry.group_ids = groups.map((group) => group.id).filter((id) => id);
    if (levels) entry.structure_level_ids = levels.map((level) => level.id).filter((id) => id);
    if (!(await this.checkFieldFailures(entry, row.messages))) row.state = ImportState.ERROR;
    delete entry.group_ids;
    delete entry.structure_level_ids;
    entry.groups = groups;
    if (levels) entry.structure_level = levels;

    for (const field of FIELDS) {
      let valid = false;
      const instances = (entry[field] ?? []) as Record<string, any>[];
      for (const instance of instances) {
        const id = instance.id as number | undefined;
        const lookup = this.lookups[field]!;
        if (id !== undefined && lookup.has(id)) {
          if (lookup.get(id) === instance.value) valid = true;
          else {
            instance.info = ImportState.WARNING;
            row.messages.push(`The ${singular(field)} '${id} ${instance.value}' changed its name to '${lookup.get(id)}'.`);
          }
        } else if (instance.info === ImportState.NEW) valid = true;
        else {
          instance.info = ImportState.WARNING;
          row.messages.push(`The ${singular(field)} '${id ?? "None"} ${instance.value}' doesn't exist anymore.`);
        }
      }
      if (field === "groups" && !valid) {
        row.messages.push("Error in groups: No valid group found inside the pre-checked groups from import, see warnings.");
        row.state = ImportState.ERROR;
        if (instances[0]) instances[0].info = ImportState.ERROR;
      }
    }
    await validateLockedOutStatus(this.ctx, this.meetingId, entry, row.messages, entry.groups ?? [], row);
    if (entry.gender_id) {
      entry.gender = entry.gender_id;
      delete entry.gender_id;
    }
    delete entry.meeting_id;
    if (row.state === ImportState.ERROR && this.importState === ImportState.DONE) this.importState = ImportState.ERROR;
  }

  /** Upstream handle_create_relations: creates the new groups and structure levels, ids into the rows. */
  async createRelations(): Promise<void> {
    if (this.importState === ImportState.ERROR) return;
    for (const field of ["structure_level", "groups"]) {
      const toCreate = this.modelsToCreate[field] ?? [];
      const found = this.newlyFound[field] ?? new Map<string, number>();
      if (toCreate.length === 0 && found.size === 0) continue;
      const created =
        toCreate.length > 0
          ? await this.ctx.execute(
              field === "structure_level" ? "structure_level.create" : "group.create",
              toCreate.map((name) => ({ name, meeting_id: this.meetingId })),
            )
          : null;
      const createdIds = new Map(toCreate.map((name, i) => [name, (created?.[i] as Record<string, unknown> | undefined)?.id as number | undefined]));
      for (const row of this.rows) {
        for (const model of (row.data[field] ?? []) as Record<string, any>[]) {
          if (model.info !== ImportState.NEW) continue;
          const createdId = createdIds.get(model.value);
          if (createdId) model.id = createdId;
          else if (found.has(model.value)) {
            model.id = found.get(model.value);
            model.info = ImportState.DONE;
          } else throw new ActionError(`Couldn't correctly create new ${singular(field)}s`);
        }
      }
    }
  }

  /** Upstream create_other_actions of the participant import: meeting_id on every row, then presence. */
  override async createOtherActions(rows: ImportRow[]): Promise<Array<number | undefined>> {
    const presence: Array<[boolean, number | undefined] | undefined> = [];
    for (const row of rows) {
      const present = row.data.is_present;
      if (present !== undefined && present !== null) {
        presence.push([present as boolean, row.data.id as number | undefined]);
        delete row.data.is_present;
      } else presence.push(undefined);
      row.data.meeting_id = this.meetingId;
    }
    const ids = await super.createOtherActions(rows);
    const payload = presence.flatMap((entry, i) => (entry ? [{ id: entry[1] || ids[i], meeting_id: this.meetingId, present: entry[0] }] : []));
    if (payload.length > 0) await this.ctx.execute("user.set_present", payload);
    return ids;
  }
}

async function meetingOfPreview(ctx: ActionContext, id: number): Promise<number> {
  const preview = await ctx.db.get(`import_preview/${id}`, ["result"]);
  return (preview.result as Record<string, any> | undefined)?.meeting_id as number;
}

export default defineAction({
  name: "participant.import",
  collection: "import_preview",
  kind: "custom",
  singular: true,
  schema: importSchema,
  skipArchivedMeetingCheck: true,
  prefetch: async (ctx, data) => {
    assertSingularData(data);
    const id = data[0]?.id;
    if (typeof id === "number") await loadImportPreview(ctx, id, "participant");
  },
  checkPermissions: async (ctx, item) => {
    await checkParticipantImportPermissions(ctx, await meetingOfPreview(ctx, item.id as number));
  },
  updateInstance: async (ctx, instance) => {
    const id = instance.id as number;
    const { rows, result } = await loadImportPreview(ctx, id, "participant");
    const participantImport = new ParticipantImport(ctx, rows, result.meeting_id as number);
    if (instance.import) {
      await participantImport.updateModelsToCreate("group", "groups");
      await participantImport.updateModelsToCreate("structure_level", "structure_level");
      await participantImport.setupLookups();
      for (const row of rows) await participantImport.validateParticipant(row);
      if (!(await checkMeetingAdminIntegrity(ctx, participantImport.meetingId, rows)) && participantImport.importState === ImportState.DONE) {
        participantImport.importState = ImportState.ERROR;
      }
      await participantImport.createRelations();
      if (participantImport.importState !== ImportState.ERROR) await participantImport.createOtherActions(participantImport.flatten());
    }
    if (participantImport.importState !== ImportState.ERROR) deleteImportPreview(ctx, id);
    return { __result: { rows, state: participantImport.importState } } as Instance;
  },
  result: (_ctx, instance) => instance.__result as Record<string, unknown>,
});
