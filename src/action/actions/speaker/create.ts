// speaker.create: gated by the meeting's list-of-speakers settings (closed list, present users, one waiting entry per kind, point-of-order and speech-state rules);
// own entries need only can_be_speaker. Places interposed questions, interventions, points of order (by category rank) and answers ahead via speaker.sort;
// structure_level_id finds or creates the list's structure-level entry.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { hasPerm, missingPermission } from "../../framework/permissions.js";
import { createSchema, requiredIdSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import {
  ANSWERABLE_STATES,
  checkPointOfOrderFields,
  checkSpeechState,
  delegatorRestricted,
  handleStructureLevel,
  SPEECH_STATES,
  speakersOfList,
  type SpeakerModel,
} from "../../shared/speaker-rules.js";
import speakerSort from "./sort.js";

const meetingOfList = meetingOfReferencedModel("speaker", "list_of_speakers_id");

/** upstream validate_fields: runs before the permission check (or alone on internal requests). */
async function validateSpeaker(ctx: ActionContext, item: Instance): Promise<void> {
  let userId: number | null = null;
  if ("meeting_user_id" in item) {
    const meetingUser = await ctx.db.get(`meeting_user/${String(item.meeting_user_id)}`, ["user_id"]);
    userId = (meetingUser.user_id as number | undefined) ?? null;
  } else if (!ANSWERABLE_STATES.includes(item.speech_state as string) && !item.answer_to_id) {
    throw new ActionError("meeting_user_id is required.");
  }
  if (item.speech_state && item.point_of_order) {
    throw new ActionError("Speaker can't be point of order and another speech state at the same time.");
  }
  const listId = Number(item.list_of_speakers_id);
  const list = await ctx.db.get(`list_of_speakers/${listId}`, ["meeting_id", "closed"]);
  const meetingId = Number(list.meeting_id);
  const meeting = await ctx.db.get(`meeting/${meetingId}`, [
    "list_of_speakers_enable_point_of_order_speakers",
    "list_of_speakers_can_create_point_of_order_for_others",
    "list_of_speakers_enable_point_of_order_categories",
    "list_of_speakers_present_users_only",
    "list_of_speakers_closing_disables_point_of_order",
    "list_of_speakers_allow_multiple_speakers",
  ]);
  checkPointOfOrderFields(ctx, item, meeting, userId);

  if (
    (!item.point_of_order || meeting.list_of_speakers_closing_disables_point_of_order) &&
    list.closed &&
    (userId === ctx.userId || userId === null) &&
    !(await hasPerm(ctx.db, ctx.userId, "list_of_speakers.can_manage", meetingId))
  ) {
    throw new ActionError("The list of speakers is closed.");
  }

  if ("meeting_user_id" in item) {
    if (meeting.list_of_speakers_present_users_only) {
      const user = await ctx.db.get(`user/${String(userId)}`, ["is_present_in_meeting_ids"]);
      if (!((user.is_present_in_meeting_ids as number[] | undefined) ?? []).includes(meetingId)) {
        throw new ActionError("Only present users can be on the list of speakers.");
      }
    }
    if (!meeting.list_of_speakers_allow_multiple_speakers && !item.answer_to_id) {
      const speakers = await speakersOfList(ctx, listId, ["begin_time", "meeting_id", "meeting_user_id", "answer", "point_of_order"]);
      const waiting = [...speakers.values()].some(
        (speaker) =>
          speaker.begin_time === undefined &&
          speaker.meeting_id === meetingId &&
          speaker.meeting_user_id === item.meeting_user_id &&
          speaker.answer !== true &&
          Boolean(speaker.point_of_order) === Boolean(item.point_of_order),
      );
      if (waiting) throw new ActionError(`User ${String(userId)} is already on the list of speakers.`);
    }
  }
  if (item.answer_to_id) {
    const speakers = await speakersOfList(ctx, listId, ["begin_time"]);
    if (![...speakers.values()].some((speaker) => speaker.begin_time !== undefined)) {
      throw new ActionError("Cannot create answer if there isn't a started/finished speech.");
    }
  }
}

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  await validateSpeaker(ctx, item);
  const meetingId = await meetingOfList(ctx, item);
  let permission = "list_of_speakers.can_manage";
  if ("meeting_user_id" in item) {
    const meetingUser = await ctx.db.get(`meeting_user/${String(item.meeting_user_id)}`, ["user_id"]);
    if (meetingUser.user_id === ctx.userId && !(await delegatorRestricted(ctx, meetingId))) permission = "list_of_speakers.can_be_speaker";
  }
  if (!(await hasPerm(ctx.db, ctx.userId, permission, meetingId))) throw missingPermission(permission);
}

async function validateInternal(ctx: ActionContext, data: Instance[]): Promise<Instance[]> {
  if (ctx.internal) for (const item of data) await validateSpeaker(ctx, item);
  return data;
}

/** The new speaker's place: the waiting speakers' ids in their new order, to be sorted after the create. */
const pendingOrder = new WeakMap<Instance, number[]>();

const isWaiting = (speaker: SpeakerModel): boolean => speaker.begin_time === undefined;

/** upstream _insert_before_weight: the waiting speakers by weight, the new id before those with the given weight. */
function insertBeforeWeight(newId: number, weight: number, waiting: SpeakerModel[]): number[] {
  const order: number[] = [];
  for (const speaker of waiting) {
    if (speaker.weight === weight) order.push(newId);
    order.push(Number(speaker.id));
  }
  return order;
}

function minWeight(speakers: SpeakerModel[]): number | undefined {
  let result: number | undefined;
  for (const speaker of speakers) {
    if (typeof speaker.weight === "number" && (result === undefined || speaker.weight < result)) result = speaker.weight;
  }
  return result;
}

/** upstream _get_no_speech_type_min: the first waiting speaker the new one goes before (interposed question > intervention > point of order). */
function firstOutranked(waiting: SpeakerModel[], speechState: unknown): number | undefined {
  return minWeight(
    waiting.filter((speaker) => {
      if (speaker.speech_state === SPEECH_STATES.INTERPOSED_QUESTION) return false;
      if ((speechState === SPEECH_STATES.INTERVENTION || speechState === undefined || speechState === null) && speaker.speech_state === SPEECH_STATES.INTERVENTION) return false;
      if ((speechState === undefined || speechState === null) && speaker.point_of_order === true) return false;
      return true;
    }),
  );
}

async function placeSpeaker(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const listId = Number(instance.list_of_speakers_id);
  const meetingId = Number(instance.meeting_id);
  await handleStructureLevel(ctx, instance, listId);

  const answerTo = instance.answer_to_id as number | undefined;
  delete instance.answer_to_id;
  let origin: SpeakerModel = {};
  if (answerTo) {
    origin = await ctx.db.get(`speaker/${answerTo}`, ["weight", "list_of_speakers_id", "speech_state", "begin_time", "end_time", "answer"]);
    if (origin.list_of_speakers_id !== instance.list_of_speakers_id) throw new ActionError("Cannot create answer for speaker in different list.");
    if (origin.answer) throw new ActionError("Cannot create answer to an answer.");
    const originState = origin.speech_state as string | undefined;
    if (!ANSWERABLE_STATES.includes(originState as string)) {
      throw new ActionError("Answers may only be created for interventions and interposed questions.");
    }
    if (instance.speech_state && instance.speech_state !== originState) {
      throw new ActionError(`May not create ${String(instance.speech_state)} answer linking to a ${String(originState)} speech.`);
    }
    if (origin.end_time !== undefined) throw new ActionError("Cannot create answer for finished speech.");
    instance.speech_state = originState;
    instance.answer = true;
  }

  await checkSpeechState(ctx, {}, instance, meetingId);

  const speechState = instance.speech_state;
  const isInterposedQuestion = speechState === SPEECH_STATES.INTERPOSED_QUESTION;
  const isIntervention = speechState === SPEECH_STATES.INTERVENTION;
  const all = await speakersOfList(ctx, listId, ["weight", "begin_time", "meeting_id", "speech_state", "answer", "point_of_order", "point_of_order_category_id"]);
  const waiting = [...all.values()]
    .filter((speaker) => isWaiting(speaker) && speaker.meeting_id === meetingId)
    .sort((a, b) => Number(a.weight) - Number(b.weight));
  let maxWeight: number | undefined;
  for (const speaker of waiting) if (typeof speaker.weight === "number" && (maxWeight === undefined || speaker.weight > maxWeight)) maxWeight = speaker.weight;
  if (maxWeight === undefined) {
    if (!answerTo) {
      instance.weight = 1;
      return instance;
    }
    maxWeight = 0;
  }
  if (!instance.point_of_order && !(isInterposedQuestion || isIntervention)) {
    instance.weight = maxWeight + 1;
    return instance;
  }

  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["list_of_speakers_enable_point_of_order_categories", "point_of_order_category_ids"]);
  const newId = Number(instance.id);
  let order: number[];
  if (answerTo) {
    const from = origin.begin_time !== undefined ? 1 : Number(origin.weight) + 1;
    const before = minWeight(
      [...all.values()].filter(
        (speaker) =>
          isWaiting(speaker) &&
          speaker.meeting_id === meetingId &&
          Number(speaker.weight) >= from &&
          (speaker.speech_state === undefined || speaker.speech_state !== speechState || speaker.answer !== true),
      ),
    );
    if (before === undefined) {
      instance.weight = maxWeight + 1;
      return instance;
    }
    order = insertBeforeWeight(newId, before, waiting);
  } else if (isInterposedQuestion || isIntervention || !meeting.list_of_speakers_enable_point_of_order_categories) {
    // interposed questions before everything but earlier interposed questions; interventions and
    // points of order (without categories) also after earlier interventions (and points of order)
    const before = firstOutranked(
      [...all.values()].filter((speaker) => isWaiting(speaker)),
      speechState,
    );
    if (before === undefined) {
      instance.weight = maxWeight + 1;
      return instance;
    }
    instance.weight = before;
    order = insertBeforeWeight(newId, before, waiting);
  } else {
    // points of order by category rank, after interventions and points of order of equal or higher rank
    const categories = await ctx.db.getMany("point_of_order_category", (meeting.point_of_order_category_ids as number[] | undefined) ?? [], ["rank"]);
    const rankOf = (categoryId: unknown): number => {
      const category = categories.get(Number(categoryId));
      if (!category) throw new ActionError(`Point of order category ${String(categoryId)} does not belong to this meeting.`);
      return Number(category.rank);
    };
    const newRank = rankOf(instance.point_of_order_category_id);
    let index = waiting.length - 1;
    while (index >= 0) {
      const speaker = waiting[index]!;
      if (speaker.speech_state === SPEECH_STATES.INTERVENTION || (speaker.point_of_order && speaker.point_of_order_category_id && rankOf(speaker.point_of_order_category_id) <= newRank)) break;
      index--;
    }
    order = waiting.map((speaker) => Number(speaker.id));
    order.splice(index + 1, 0, newId);
  }
  pendingOrder.set(instance, order);
  return instance;
}

async function sortList(ctx: ActionContext, instance: Instance): Promise<Instance> {
  const order = pendingOrder.get(instance);
  if (order) await ctx.execute(speakerSort, [{ list_of_speakers_id: instance.list_of_speakers_id, speaker_ids: order }]);
  return instance;
}

export default defineAction({
  name: "speaker.create",
  collection: "speaker",
  kind: "create",
  singular: true,
  schema: createSchema("speaker", {
    required: ["list_of_speakers_id"],
    optional: ["meeting_user_id", "point_of_order", "note", "speech_state", "point_of_order_category_id"],
    additionalOptional: { structure_level_id: requiredIdSchema, answer_to_id: requiredIdSchema },
  }),
  permission: "list_of_speakers.can_manage",
  checkPermissions,
  meetingOf: meetingOfList,
  prepareData: validateInternal,
  updateInstance: [inferMeetingFrom("speaker", "list_of_speakers_id"), placeSpeaker],
  afterCreate: [sortList],
});
