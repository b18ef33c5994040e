// group.delete: refused while the group has members (unless its meeting is being deleted); the
// default, admin and anonymous groups are protected by their relations. The meeting mediafiles the
// group had (inherited) access to get is_public / inherited_access_group_ids recalculated down
// their directory trees, and the other groups' inherited access follows.
import { inheritedAccess } from "../../../checker/mediafile-access.js";
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { fqidOf } from "../../framework/fqid.js";
import { deleteSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);


class AccessRecalculation {
  private readonly visited = new Set<number>();
  /** group id -> meeting mediafile ids gained / lost */
  private readonly gained = new Map<number, Set<number>>();
  private readonly lost = new Map<number, Set<number>>();

  constructor(
    private readonly ctx: ActionContext,
    private readonly affected: Set<number>,
  ) {}

  private isGone(groupId: number): boolean {
    return this.ctx.isToBeDeleted(fqidOf("group", groupId));
  }

  async meetingMediafileOf(mediafileId: number, meetingId: number): Promise<number | undefined> {
    const found = await this.ctx.db.filter(
      "meeting_mediafile",
      {
        and_filter: [
          { field: "meeting_id", operator: "=", value: meetingId },
          { field: "mediafile_id", operator: "=", value: mediafileId },
        ],
      },
      ["id"],
    );
    return [...found.keys()][0];
  }

  async run(): Promise<void> {
    const meetingMediafiles = await this.ctx.db.getMany("meeting_mediafile", [...this.affected], ["mediafile_id", "meeting_id"]);
    const affectedMediafiles = new Set([...meetingMediafiles.values()].map((model) => Number(model.mediafile_id)));
    const roots = new Map<number, number>();
    for (const [id, model] of meetingMediafiles) {
      let rootId = id;
      let rootMediafileId = Number(model.mediafile_id);
      for (;;) {
        const parentMediafileId = (await this.ctx.db.get(fqidOf("mediafile", rootMediafileId), ["parent_id"])).parent_id as number | undefined;
        if (!parentMediafileId || !affectedMediafiles.has(parentMediafileId)) break;
        const parentId = await this.meetingMediafileOf(parentMediafileId, Number(model.meeting_id));
        if (!parentId) break;
        rootId = parentId;
        rootMediafileId = parentMediafileId;
      }
      roots.set(rootId, rootMediafileId);
    }
    for (const [id, mediafileId] of roots) await this.recalculate(id, mediafileId);
    await this.writeGroups();
  }

  private async recalculate(id: number, mediafileId: number): Promise<void> {
    if (this.visited.has(id)) return;
    this.visited.add(id);
    const fqid = fqidOf("meeting_mediafile", id);
    const mediafile = await this.ctx.db.get(fqidOf("mediafile", mediafileId), ["parent_id", "child_ids"]);
    const own = await this.ctx.db.get(fqid, ["is_public", "access_group_ids", "inherited_access_group_ids", "meeting_id"]);
    const meetingId = Number(own.meeting_id);
    let parent: Instance = {};
    if (mediafile.parent_id) {
      const parentId = await this.meetingMediafileOf(Number(mediafile.parent_id), meetingId);
      if (parentId) parent = await this.ctx.db.get(fqidOf("meeting_mediafile", parentId), ["is_public", "inherited_access_group_ids"]);
    }
    const access = ids(own.access_group_ids).filter((groupId) => !this.isGone(groupId));
    const parentInherited = ids(parent.inherited_access_group_ids).filter((groupId) => !this.isGone(groupId));
    const [isPublic, inherited] = inheritedAccess(access, parent.is_public as boolean | undefined, parentInherited);
    const before = ids(own.inherited_access_group_ids);
    const changed = Boolean(own.is_public) !== isPublic || before.length !== inherited.length || before.some((groupId) => !inherited.includes(groupId));
    if (changed || this.affected.has(id)) {
      this.ctx.emit({ type: "update", fqid, fields: { is_public: isPublic, inherited_access_group_ids: inherited } });
      for (const groupId of inherited) if (!before.includes(groupId)) this.note(this.gained, groupId, id);
      for (const groupId of before) if (!inherited.includes(groupId)) this.note(this.lost, groupId, id);
    }
    for (const childMediafileId of ids(mediafile.child_ids)) {
      const childId = await this.meetingMediafileOf(childMediafileId, meetingId);
      if (childId) await this.recalculate(childId, childMediafileId);
    }
  }

  private note(map: Map<number, Set<number>>, groupId: number, meetingMediafileId: number): void {
    if (this.isGone(groupId)) return;
    if (!map.has(groupId)) map.set(groupId, new Set());
    map.get(groupId)!.add(meetingMediafileId);
  }

  /** The group side is the one stored; it gets its full new list. */
  private async writeGroups(): Promise<void> {
    for (const groupId of [...new Set([...this.gained.keys(), ...this.lost.keys()])].sort((a, b) => a - b)) {
      const fqid = fqidOf("group", groupId);
      const group = await this.ctx.db.get(fqid, ["meeting_mediafile_inherited_access_group_ids"]);
      const lost = this.lost.get(groupId) ?? new Set<number>();
      const list = ids(group.meeting_mediafile_inherited_access_group_ids).filter((id) => !lost.has(id));
      for (const id of this.gained.get(groupId) ?? []) if (!list.includes(id)) list.push(id);
      this.ctx.emit({ type: "update", fqid, fields: { meeting_mediafile_inherited_access_group_ids: list.sort((a, b) => a - b) } });
    }
  }
}

async function checkAndRecalculate(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const group = await ctx.db.get(fqidOf("group", Number(instance.id)), [
    "meeting_mediafile_access_group_ids",
    "meeting_mediafile_inherited_access_group_ids",
    "meeting_user_ids",
    "meeting_id",
  ]);
  if (ids(group.meeting_user_ids).length > 0 && !ctx.isToBeDeleted(fqidOf("meeting", Number(group.meeting_id)))) {
    throw new ActionError("You cannot delete a group with users.");
  }
  const affected = new Set([...ids(group.meeting_mediafile_access_group_ids), ...ids(group.meeting_mediafile_inherited_access_group_ids)]);
  if (affected.size > 0) await new AccessRecalculation(ctx, affected).run();
  return instance;
}

export default defineAction({
  name: "group.delete",
  collection: "group",
  kind: "delete",
  schema: deleteSchema("group"),
  permission: "user.can_manage",
  updateInstance: checkAndRecalculate,
});
