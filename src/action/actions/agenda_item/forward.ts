// agenda_item.forward: copies topic agenda items (keeping their hierarchy among the chosen items)
// into other meetings as new topics with agenda items appended after the target agenda; with
// flags also speakers (finished/waiting, with their meeting users, groups, structure levels and
// point-of-order categories matched by name or created), moderator notes and attachments
// (meeting files duplicated with their folder contents). Meeting admins of all meetings only.
import type { Model } from "../../../db/types.js";
import { isAdmin, pythonIntSetOrder } from "../../../permissions/index.js";
import { ActionError, PermissionDeniedError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema, idListSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";

type Models = Map<number, Model>;

const MEDIAFILE_FIELDS = ["title", "is_directory", "filesize", "filename", "mimetype", "pdf_information", "published_to_meetings_in_organization_id", "child_ids", "parent_id"];
const POOC_FIELDS = ["text", "rank"];
const STRUCTURE_LEVEL_FIELDS = ["name", "color"];
const MEETING_USER_FIELDS = ["comment", "number", "about_me"];
const AGENDA_FIELDS = ["type", "comment", "weight"];
const SPEAKER_FIELDS = ["begin_time", "end_time", "unpause_time", "total_pause", "weight", "speech_state", "answer", "note", "point_of_order"];
const TOPIC_FIELDS = ["title", "text", "attachment_meeting_mediafile_ids"];

interface TreeNode {
  agendaItem: Model;
  topic: Model;
  los: Model;
  speakers: Model[];
  sllos: Array<[number, Model]>;
  children: TreeNode[];
}

interface OriginData {
  meetingMediafiles: Models;
  mediafiles: Models;
  meetingUsers: Models;
  groups: Models;
  structureLevels: Models;
  poocs: Models;
}

const ids = (value: unknown): number[] => (Array.isArray(value) ? (value as number[]) : []);
const pick = (model: Model, fields: string[], keepFalsy = true): Model =>
  Object.fromEntries(fields.filter((field) => model[field] !== undefined && model[field] !== null && (keepFalsy || model[field])).map((field) => [field, model[field]]));

async function originMeetingOf(ctx: ActionContext, item: Instance): Promise<number> {
  const itemIds = item.agenda_item_ids as number[] | undefined;
  if (itemIds && itemIds.length > 0) return (await ctx.db.get(`agenda_item/${itemIds[0]}`, ["meeting_id"])).meeting_id as number;
  throw new ActionError("Cannot forward an agenda without the agenda_item_ids.");
}

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  const items = await ctx.db.getMany("agenda_item", ids(item.agenda_item_ids), ["meeting_id"]);
  const meetingIds = pythonIntSetOrder([...ids(item.meeting_ids), ...[...items.values()].map((agendaItem) => agendaItem.meeting_id as number)]);
  const forbidden: number[] = [];
  for (const meetingId of meetingIds) if (!(await isAdmin(ctx.db, ctx.userId, meetingId))) forbidden.push(meetingId);
  if (forbidden.length > 0) throw new PermissionDeniedError(`Missing admin permission in meeting(s) {${pythonIntSetOrder(forbidden).join(", ")}}.`);
}

async function relatedIds(models: Iterable<Model>, field: string): Promise<number[]> {
  const result = new Set<number>();
  for (const model of models) {
    const value = model[field];
    if (Array.isArray(value)) for (const id of value as number[]) result.add(id);
    else if (typeof value === "number") result.add(value);
  }
  return [...result];
}

function checkSpeakers(speakers: Models): void {
  for (const speaker of speakers.values()) {
    if (speaker.end_time) continue;
    if (speaker.begin_time) throw new ActionError("Cannot forward when there are running or paused speakers.");
    if (speaker.point_of_order) throw new ActionError("Cannot forward when there are waiting points of order.");
    if (speaker.speech_state === "intervention") throw new ActionError("Cannot forward when there are waiting interventions.");
  }
}

/** Every item's closest ancestor among the chosen items (null: root). */
async function reducedParents(ctx: ActionContext, items: Models): Promise<Map<number, number | null>> {
  const result = new Map<number, number | null>();
  const pending = new Map<number, number>();
  for (const [id, item] of items) {
    const parentId = (item.parent_id as number | undefined) ?? null;
    if (parentId === null || items.has(parentId)) result.set(id, parentId);
    else pending.set(id, parentId);
  }
  while (pending.size > 0) {
    const parents = await ctx.db.getMany("agenda_item", [...new Set(pending.values())], ["parent_id"]);
    for (const [id, current] of [...pending]) {
      const parentId = (parents.get(current)?.parent_id as number | undefined) ?? null;
      if (parentId === null || items.has(parentId)) {
        result.set(id, parentId);
        pending.delete(id);
      } else {
        pending.set(id, parentId);
      }
    }
  }
  return result;
}

async function loadDescendants(ctx: ActionContext, mediafiles: Models): Promise<void> {
  let last = [...mediafiles.values()];
  for (;;) {
    const childIds = [...new Set(last.flatMap((mediafile) => ids(mediafile.child_ids)))].filter((id) => !mediafiles.has(id));
    if (childIds.length === 0) return;
    const children = await ctx.db.getMany("mediafile", childIds, MEDIAFILE_FIELDS);
    for (const [id, child] of children) mediafiles.set(id, child);
    last = [...children.values()];
  }
}

async function matchByField(field: string, origin: Models, target: Models): Promise<[Map<number, number>, number[]]> {
  const targetByValue = new Map<unknown, number>();
  for (const [id, model] of target) targetByValue.set(model[field], id);
  const matches = new Map<number, number>();
  const unmatched: number[] = [];
  for (const [id, model] of origin) {
    const targetId = targetByValue.get(model[field]);
    if (targetId) matches.set(id, targetId);
    else unmatched.push(id);
  }
  return [matches, unmatched];
}

async function createAll(ctx: ActionContext, action: string, payloads: Instance[]): Promise<number[]> {
  if (payloads.length === 0) return [];
  const results = (await ctx.execute(action, payloads)) ?? [];
  return results.map((result) => (result as { id: number }).id);
}

interface Matches {
  meetingUsers: Map<number, number>;
  structureLevels: Map<number, number>;
  poocs: Map<number, number>;
  mediafiles: Map<number, number>;
}

async function matchMeetingModels(ctx: ActionContext, targetId: number, target: Model, origin: OriginData, originSllos: Models): Promise<Matches> {
  const load = async (collection: string, field: string, fields: string[]) => ctx.db.getMany(collection, ids(target[field]), fields);
  const targetMeetingUsers = await load("meeting_user", "meeting_user_ids", ["user_id", "group_ids", "structure_level_ids"]);
  const targetGroups = await load("group", "group_ids", ["name"]);
  const targetStructureLevels = await load("structure_level", "structure_level_ids", ["name"]);
  const targetPoocs = await load("point_of_order_category", "point_of_order_category_ids", ["text"]);

  const [poocs, unmatchedPoocs] = await matchByField("text", origin.poocs, targetPoocs);
  const newPoocs = await createAll(ctx, "point_of_order_category.create", unmatchedPoocs.map((id) => ({ meeting_id: targetId, ...pick(origin.poocs.get(id)!, POOC_FIELDS) })));
  unmatchedPoocs.forEach((id, i) => poocs.set(id, newPoocs[i]!));

  const [groups, unmatchedGroups] = await matchByField("name", origin.groups, targetGroups);
  const newGroups = await createAll(ctx, "group.create", unmatchedGroups.map((id) => ({ meeting_id: targetId, name: origin.groups.get(id)!.name })));
  unmatchedGroups.forEach((id, i) => groups.set(id, newGroups[i]!));

  const [meetingUsers, unmatchedMeetingUsers] = await matchByField("user_id", origin.meetingUsers, targetMeetingUsers);

  const [structureLevels, unmatchedLevels] = await matchByField("name", origin.structureLevels, targetStructureLevels);
  const relevant = new Set<number>();
  for (const id of unmatchedMeetingUsers) for (const levelId of ids(origin.meetingUsers.get(id)!.structure_level_ids)) relevant.add(levelId);
  for (const sllos of originSllos.values()) relevant.add(sllos.structure_level_id as number);
  const levelsToCreate = unmatchedLevels.filter((id) => relevant.has(id)).sort((a, b) => a - b);
  const newLevels = await createAll(ctx, "structure_level.create", levelsToCreate.map((id) => ({ meeting_id: targetId, ...pick(origin.structureLevels.get(id)!, STRUCTURE_LEVEL_FIELDS, false) })));
  levelsToCreate.forEach((id, i) => structureLevels.set(id, newLevels[i]!));

  const payloads: Instance[] = [];
  const payloadOrigins: number[] = [];
  for (const [id, targetMeetingUserId] of meetingUsers) {
    const targetGroupIds = ids(targetMeetingUsers.get(targetMeetingUserId)?.group_ids);
    const added = ids(origin.meetingUsers.get(id)!.group_ids).map((groupId) => groups.get(groupId)!).filter((groupId) => !targetGroupIds.includes(groupId));
    if (added.length > 0) {
      payloads.push({ id: targetMeetingUserId, group_ids: [...targetGroupIds, ...added] });
      payloadOrigins.push(id);
    }
  }
  for (const id of unmatchedMeetingUsers) {
    const model = origin.meetingUsers.get(id)!;
    payloads.push({
      meeting_id: targetId,
      user_id: model.user_id,
      group_ids: ids(model.group_ids).map((groupId) => groups.get(groupId)!),
      structure_level_ids: ids(model.structure_level_ids).map((levelId) => structureLevels.get(levelId)!),
      ...pick(model, MEETING_USER_FIELDS),
    });
    payloadOrigins.push(id);
  }
  const newMeetingUsers = await createAll(ctx, "meeting_user.set_data", payloads);
  payloadOrigins.forEach((id, i) => meetingUsers.set(id, newMeetingUsers[i]!));

  // Mediafiles: published organization files are reused, meeting files duplicated (admins only).
  const mediafiles = new Map<number, number>();
  for (const [id, mediafile] of origin.mediafiles) if (mediafile.published_to_meetings_in_organization_id) mediafiles.set(id, id);
  const unpublished = [...origin.mediafiles.keys()].filter((id) => !mediafiles.has(id)).sort((a, b) => a - b);
  if (unpublished.length > 0) {
    const newIds = await ctx.reserveIds("mediafile", unpublished.length);
    const originToNew = new Map(unpublished.map((id, i) => [id, newIds[i]!]));
    const duplicates = unpublished.map((originId) => {
      const parentId = origin.mediafiles.get(originId)!.parent_id as number | undefined;
      return {
        id: originToNew.get(originId),
        origin_id: originId,
        owner_id: `meeting/${targetId}`,
        ...(parentId && originToNew.has(parentId) ? { parent_id: originToNew.get(parentId) } : {}),
      };
    });
    const meetingMediafiles = duplicates.map((payload) => ({
      meeting_id: targetId,
      mediafile_id: payload.id,
      is_public: false,
      inherited_access_group_ids: [target.admin_group_id],
      access_group_ids: payload.parent_id ? [] : [target.admin_group_id],
    }));
    await ctx.execute("mediafile.duplicate_to_another_meeting", duplicates);
    await ctx.execute("meeting_mediafile.create", meetingMediafiles);
    for (const [originId, newId] of originToNew) mediafiles.set(originId, newId);
  }
  return { meetingUsers, structureLevels, poocs, mediafiles };
}

async function createLevel(
  ctx: ActionContext,
  targetId: number,
  maxWeight: number,
  nodes: TreeNode[],
  matches: Matches,
  origin: OriginData,
  parentId: number | null,
  created: Instance[],
): Promise<void> {
  const payloads = nodes.map((node) => {
    const payload: Instance = { meeting_id: targetId, ...(parentId ? { agenda_parent_id: parentId } : {}) };
    for (const [field, value] of Object.entries(node.topic)) if (field !== "attachment_meeting_mediafile_ids") payload[field] = value;
    if (origin.meetingMediafiles.size > 0) {
      const mediafileIds = ids(node.topic.attachment_meeting_mediafile_ids).map((id) => matches.mediafiles.get(origin.meetingMediafiles.get(id)!.mediafile_id as number)!);
      if (mediafileIds.length > 0) payload.attachment_mediafile_ids = mediafileIds;
    }
    for (const [field, value] of Object.entries(node.agendaItem)) payload[`agenda_${field}`] = field === "weight" ? (value as number) + maxWeight : value;
    return payload;
  });
  const topicIds = await createAll(ctx, "topic.create", payloads);
  const topics = await ctx.db.getMany("topic", topicIds, ["list_of_speakers_id", "agenda_item_id"]);
  const losOf = (i: number) => topics.get(topicIds[i]!)!.list_of_speakers_id as number;

  const losUpdates = nodes.flatMap((node, i) => (Object.keys(node.los).length > 0 ? [{ id: losOf(i), ...node.los }] : []));
  if (losUpdates.length > 0) await ctx.execute("list_of_speakers.update", losUpdates);

  const sllosPayloads: Array<{ node: number; old: number; payload: Instance; origin: Model }> = [];
  nodes.forEach((node, i) => {
    for (const [oldId, sllos] of node.sllos) {
      sllosPayloads.push({
        node: i,
        old: oldId,
        origin: sllos,
        payload: {
          ...(sllos.initial_time !== undefined ? { initial_time: sllos.initial_time } : {}),
          list_of_speakers_id: losOf(i),
          structure_level_id: matches.structureLevels.get(sllos.structure_level_id as number),
        },
      });
    }
  });
  const newSllos = await createAll(ctx, "structure_level_list_of_speakers.create", sllosPayloads.map((entry) => entry.payload));
  const sllosMatch = new Map<string, number>();
  sllosPayloads.forEach((entry, i) => sllosMatch.set(`${entry.node}/${entry.old}`, newSllos[i]!));
  const sllosUpdates = sllosPayloads
    .map((entry, i) => ({ id: newSllos[i], ...pick(entry.origin, ["additional_time", "remaining_time"]) }))
    .filter((update) => Object.keys(update).length > 1);
  if (sllosUpdates.length > 0) await ctx.execute("structure_level_list_of_speakers.update", sllosUpdates);

  const speakerPayloads: Instance[] = [];
  nodes.forEach((node, i) => {
    for (const speaker of node.speakers) {
      const payload: Instance = { meeting_user_id: matches.meetingUsers.get(speaker.meeting_user_id as number), list_of_speakers_id: losOf(i) };
      const sllosId = speaker.structure_level_list_of_speakers_id as number | undefined;
      if (sllosId) payload.structure_level_list_of_speakers_id = sllosMatch.get(`${i}/${sllosId}`);
      const poocId = speaker.point_of_order_category_id as number | undefined;
      if (poocId) payload.point_of_order_category_id = matches.poocs.get(poocId);
      Object.assign(payload, pick(speaker, SPEAKER_FIELDS));
      speakerPayloads.push(payload);
    }
  });
  if (speakerPayloads.length > 0) await ctx.execute("speaker.create_for_merge", speakerPayloads);

  for (const [i, node] of nodes.entries()) {
    const agendaItemId = topics.get(topicIds[i]!)!.agenda_item_id as number;
    created.push({ id: agendaItemId });
    if (node.children.length > 0) await createLevel(ctx, targetId, maxWeight, node.children, matches, origin, agendaItemId, created);
  }
}

async function forward(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  const instance = data[0]!;
  const targetIds = ids(instance.meeting_ids);
  if (targetIds.length === 0) throw new ActionError("Cannot forward without target meetings.");
  const itemIds = ids(instance.agenda_item_ids);
  if (itemIds.length === 0) throw new ActionError("Cannot forward an agenda without the agenda_item_ids.");
  const withSpeakers = Boolean(instance.with_speakers);
  const withNotes = Boolean(instance.with_moderator_notes);
  const withAttachments = Boolean(instance.with_attachments);

  const items = await ctx.db.getMany("agenda_item", itemIds, ["id", "content_object_id", ...AGENDA_FIELDS, "meeting_id", "parent_id"]);
  const originMeetingId = [...items.values()][0]!.meeting_id as number;
  for (const [id, item] of items) {
    if (item.meeting_id !== originMeetingId) throw new ActionError("Agenda forwarding requires all agenda_items to be part of the same meeting.");
    if (!String(item.content_object_id).startsWith("topic/")) throw new ActionError(`Cannot forward agenda_item/${id}: Not linked to a topic.`);
  }
  if (targetIds.includes(originMeetingId)) throw new ActionError("Cannot forward agenda to the same meeting");
  const topicIdOf = (item: Model) => Number(String(item.content_object_id).split("/")[1]);
  const topics = await ctx.db.getMany("topic", [...items.values()].map(topicIdOf), [...TOPIC_FIELDS, "list_of_speakers_id"]);
  const meetings = await ctx.db.getMany("meeting", [originMeetingId, ...targetIds], [
    "admin_group_id", "committee_id", "meeting_user_ids", "group_ids", "structure_level_ids", "point_of_order_category_ids", "is_active_in_organization_id",
  ]);
  if (!meetings.get(originMeetingId)?.is_active_in_organization_id) throw new ActionError("Cannot forward if origin meeting is archived.");

  const meetingMediafiles: Models = withAttachments
    ? await ctx.db.getMany("meeting_mediafile", await relatedIds(topics.values(), "attachment_meeting_mediafile_ids"), ["mediafile_id"])
    : new Map();
  const losFields = [...(withSpeakers ? ["closed", "speaker_ids", "structure_level_list_of_speakers_ids"] : []), ...(withNotes ? ["moderator_notes"] : [])];
  const lists: Models = losFields.length > 0 ? await ctx.db.getMany("list_of_speakers", await relatedIds(topics.values(), "list_of_speakers_id"), losFields) : new Map();
  const mediafiles = await ctx.db.getMany("mediafile", await relatedIds(meetingMediafiles.values(), "mediafile_id"), MEDIAFILE_FIELDS);
  await loadDescendants(ctx, mediafiles);
  const speakers = await ctx.db.getMany("speaker", await relatedIds(lists.values(), "speaker_ids"), [
    ...SPEAKER_FIELDS, "structure_level_list_of_speakers_id", "meeting_user_id", "point_of_order_category_id",
  ]);
  const sllos = await ctx.db.getMany("structure_level_list_of_speakers", await relatedIds(lists.values(), "structure_level_list_of_speakers_ids"), [
    "structure_level_id", "initial_time", "additional_time", "remaining_time",
  ]);
  checkSpeakers(speakers);
  const meetingUsers = await ctx.db.getMany("meeting_user", await relatedIds(speakers.values(), "meeting_user_id"), ["user_id", "group_ids", "structure_level_ids", ...MEETING_USER_FIELDS]);
  const poocs = await ctx.db.getMany("point_of_order_category", await relatedIds(speakers.values(), "point_of_order_category_id"), POOC_FIELDS);
  const groups = await ctx.db.getMany("group", await relatedIds(meetingUsers.values(), "group_ids"), ["name"]);
  const levelIds = new Set([...(await relatedIds(meetingUsers.values(), "structure_level_ids")), ...(await relatedIds(sllos.values(), "structure_level_id"))]);
  const structureLevels = await ctx.db.getMany("structure_level", [...levelIds], STRUCTURE_LEVEL_FIELDS);
  const origin: OriginData = { meetingMediafiles, mediafiles, meetingUsers, groups, structureLevels, poocs };

  // The tree of the chosen items.
  const parents = await reducedParents(ctx, items);
  const roots: TreeNode[] = [];
  const nodes = new Map<number, TreeNode>();
  while (parents.size > 0) {
    for (const [id, parentId] of [...parents]) {
      if (parentId !== null && !nodes.has(parentId)) continue;
      const item = items.get(id)!;
      const topic = topics.get(topicIdOf(item))!;
      const los = lists.get(topic.list_of_speakers_id as number) ?? {};
      const node: TreeNode = {
        agendaItem: pick(item, AGENDA_FIELDS),
        topic: pick(topic, TOPIC_FIELDS),
        los: pick(los, ["closed", "moderator_notes"]),
        speakers: ids(los.speaker_ids).map((speakerId) => speakers.get(speakerId)!).filter(Boolean),
        sllos: ids(los.structure_level_list_of_speakers_ids).map((sllosId) => [sllosId, sllos.get(sllosId)!] as [number, Model]),
        children: [],
      };
      nodes.set(id, node);
      if (parentId === null) roots.push(node);
      else nodes.get(parentId)!.children.push(node);
      parents.delete(id);
    }
  }

  const created: Instance[] = [];
  for (const targetId of targetIds) {
    const matches = await matchMeetingModels(ctx, targetId, meetings.get(targetId)!, origin, sllos);
    const max = await ctx.request.tx.max("agenda_item", { field: "meeting_id", operator: "=", value: targetId }, "weight");
    await createLevel(ctx, targetId, typeof max === "number" ? max : 0, roots, matches, origin, null, created);
  }
  return created;
}

export default defineAction({
  name: "agenda_item.forward",
  collection: "agenda_item",
  kind: "custom",
  singular: true,
  schema: createSchema("agenda_item", {
    additionalRequired: { meeting_ids: idListSchema, agenda_item_ids: idListSchema },
    additionalOptional: { with_speakers: { type: "boolean" }, with_moderator_notes: { type: "boolean" }, with_attachments: { type: "boolean" } },
  }),
  meetingOf: originMeetingOf,
  archivedCheckUsesMeetingIds: true,
  checkPermissions,
  instances: forward,
});
