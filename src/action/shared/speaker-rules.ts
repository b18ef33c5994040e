// The rules the speaker actions share (upstream speaker/mixins.py, CountdownControl and the
// DelegationBasedRestrictionMixin): speech-state gates, point-of-order fields, structure-level
// entries and clocks, the list's coupled countdown, and the delegator restriction.
import { delegatorRestrictedMeetings } from "./delegator-restriction.js";
import type { Filter } from "../../db/types.js";
import { controlCountdown, type CountdownCommand } from "./countdown-control.js";
import { ActionError } from "../errors.js";
import { hasPerm } from "../framework/permissions.js";
import { findAction } from "../framework/registry.js";
import type { ActionContext, ActionDefinition, Instance } from "../framework/types.js";

export const SPEECH_STATES = {
  CONTRIBUTION: "contribution",
  PRO: "pro",
  CONTRA: "contra",
  INTERVENTION: "intervention",
  INTERPOSED_QUESTION: "interposed_question",
} as const;

/** Speech states an answer can refer to. */
export const ANSWERABLE_STATES: readonly string[] = [SPEECH_STATES.INTERPOSED_QUESTION, SPEECH_STATES.INTERVENTION];

export type SpeakerModel = Record<string, unknown>;

/** All speakers of a list (filtered in memory, so absent fields behave like upstream's "= None"). */
export async function speakersOfList(ctx: ActionContext, listOfSpeakersId: number, fields: string[]): Promise<Map<number, SpeakerModel>> {
  const filter: Filter = { field: "list_of_speakers_id", operator: "=", value: listOfSpeakersId };
  const wanted = [...new Set(["id", ...fields])];
  const found = await ctx.db.filter("speaker", filter, wanted);
  return new Map([...found.entries()].sort(([a], [b]) => a - b));
}

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/** upstream CheckSpeechState.check_speech_state: `speaker` is the stored speaker ({} on create). */
export async function checkSpeechState(ctx: ActionContext, speaker: SpeakerModel, instance: Instance, meetingId: number): Promise<void> {
  const meeting = await ctx.db.get(`meeting/${meetingId}`, [
    "list_of_speakers_can_set_contribution_self",
    "list_of_speakers_enable_pro_contra_speech",
    "list_of_speakers_enable_interposed_question",
    "list_of_speakers_intervention_time",
  ]);
  const hasCanManage = await hasPerm(ctx.db, ctx.userId, "list_of_speakers.can_manage", meetingId);
  const allowedSelfContribution = hasCanManage || Boolean(meeting.list_of_speakers_can_set_contribution_self);
  const allowedProContra = Boolean(meeting.list_of_speakers_enable_pro_contra_speech);
  const oldState = speaker.speech_state ?? null;
  const newState = instance.speech_state ?? null;
  if (oldState === newState) return;
  if (newState === SPEECH_STATES.CONTRIBUTION) {
    if (!allowedSelfContribution) throw new ActionError("Self contribution is not allowed.");
  } else if (newState === SPEECH_STATES.PRO || newState === SPEECH_STATES.CONTRA) {
    if (!allowedProContra) throw new ActionError("Pro/Contra is not enabled.");
  } else if (oldState === SPEECH_STATES.CONTRIBUTION && newState === null) {
    if (!allowedSelfContribution) throw new ActionError("Self contribution is not allowed.");
  } else if ((oldState === SPEECH_STATES.PRO || oldState === SPEECH_STATES.CONTRA) && newState === null) {
    if (!allowedProContra) throw new ActionError("Pro/Contra is not enabled.");
  } else if (newState === SPEECH_STATES.INTERVENTION || newState === SPEECH_STATES.INTERPOSED_QUESTION) {
    if (instance.point_of_order) throw new ActionError("Point of order is not allowed for this speech state.");
    if (newState === SPEECH_STATES.INTERVENTION && Number(meeting.list_of_speakers_intervention_time ?? 0) <= 0) {
      throw new ActionError("Interventions are not enabled.");
    } else if (newState === SPEECH_STATES.INTERPOSED_QUESTION && !meeting.list_of_speakers_enable_interposed_question) {
      throw new ActionError("Interposed questions are not enabled.");
    }
  }
}

/** upstream PointOfOrderPermissionMixin.check_point_of_order_fields. */
export function checkPointOfOrderFields(
  ctx: ActionContext,
  instance: Instance,
  meeting: Record<string, unknown>,
  userId: number | null | undefined,
  storedPointOfOrder?: unknown,
): void {
  if (instance.point_of_order && !meeting.list_of_speakers_enable_point_of_order_speakers) {
    throw new ActionError("Point of order speakers are not enabled for this meeting.");
  }
  if (("note" in instance || "point_of_order_category_id" in instance) && !(instance.point_of_order || storedPointOfOrder)) {
    throw new ActionError("Not allowed to set note/category if not point of order.");
  }
  if (instance.point_of_order && userId !== ctx.userId && !meeting.list_of_speakers_can_create_point_of_order_for_others) {
    throw new ActionError(`The requesting user ${ctx.userId} is not the user ${userId ?? "None"} the point-of-order is filed for.`);
  }
  if (meeting.list_of_speakers_enable_point_of_order_categories) {
    if (instance.point_of_order && !instance.point_of_order_category_id) {
      throw new ActionError("Point of order category is enabled, but category id is missing.");
    }
  } else if (instance.point_of_order_category_id) {
    throw new ActionError("Point of order categories are not enabled for this meeting.");
  }
}

function structureLevelListOfSpeakersCreate(): ActionDefinition {
  const action = findAction("structure_level_list_of_speakers.create");
  if (!action) throw new Error("structure_level_list_of_speakers.create is not registered");
  return action;
}

/**
 * upstream StructureLevelMixin.handle_structure_level: `structure_level_id` (payload only) becomes
 * structure_level_list_of_speakers_id, creating the list's entry for that level if needed.
 */
export async function handleStructureLevel(ctx: ActionContext, instance: Instance, listOfSpeakersId: number): Promise<void> {
  if (!("structure_level_id" in instance)) return;
  const structureLevelId = instance.structure_level_id as number | null;
  delete instance.structure_level_id;
  let entryId: number | null = null;
  if (structureLevelId) {
    const list = await ctx.db.get(`list_of_speakers/${listOfSpeakersId}`, ["structure_level_list_of_speakers_ids"]);
    const level = await ctx.db.get(`structure_level/${structureLevelId}`, ["structure_level_list_of_speakers_ids"]);
    const ofLevel = new Set((level.structure_level_list_of_speakers_ids as number[] | undefined) ?? []);
    const common = ((list.structure_level_list_of_speakers_ids as number[] | undefined) ?? []).filter((id) => ofLevel.has(id));
    if (common.length === 0) {
      const results = await ctx.execute(structureLevelListOfSpeakersCreate(), [{ list_of_speakers_id: listOfSpeakersId, structure_level_id: structureLevelId }]);
      entryId = Number(results?.[0]?.id);
    } else {
      entryId = common[0]!;
    }
  }
  instance.structure_level_list_of_speakers_id = entryId;
}

/** The meeting's list-of-speakers countdown, when it is coupled. */
export async function controlListOfSpeakersCountdown(ctx: ActionContext, meetingId: number, command: CountdownCommand, defaultTime?: number): Promise<void> {
  const meeting = await ctx.db.get(`meeting/${meetingId}`, ["list_of_speakers_couple_countdown", "list_of_speakers_countdown_id"]);
  if (meeting.list_of_speakers_couple_countdown && meeting.list_of_speakers_countdown_id) {
    await controlCountdown(ctx, Number(meeting.list_of_speakers_countdown_id), command, defaultTime);
  }
}

/** Speakers whose speech counts against their structure level's time. */
function structureLevelEntryOf(speaker: SpeakerModel): number | undefined {
  const entryId = speaker.structure_level_list_of_speakers_id;
  if (!entryId) return undefined;
  if (speaker.speech_state === SPEECH_STATES.INTERPOSED_QUESTION || speaker.speech_state === SPEECH_STATES.INTERVENTION) return undefined;
  if (speaker.point_of_order) return undefined;
  return Number(entryId);
}

/** The structure level's clock starts with the speaker. */
export function startStructureLevelCountdown(ctx: ActionContext, now: number, speaker: SpeakerModel): void {
  const entryId = structureLevelEntryOf(speaker);
  if (entryId === undefined) return;
  ctx.emit({ type: "update", fqid: `structure_level_list_of_speakers/${entryId}`, fields: { current_start_time: now } });
}

/** The structure level's clock stops; the time spoken since (un)pause is subtracted from remaining_time. */
export async function decreaseStructureLevelCountdown(ctx: ActionContext, now: number, speaker: SpeakerModel): Promise<void> {
  const entryId = structureLevelEntryOf(speaker);
  if (entryId === undefined) return;
  const times = await exactSpeakerTimes(ctx, speaker);
  const spokenTime = wholeSecondsBetween(Number(times.unpause_time ?? times.begin_time), now);
  const fields: Record<string, unknown> = { current_start_time: null };
  if (spokenTime) {
    const entry = await ctx.db.get(`structure_level_list_of_speakers/${entryId}`, ["remaining_time"]);
    fields.remaining_time = Number(entry.remaining_time) - spokenTime;
  }
  ctx.emit({ type: "update", fqid: `structure_level_list_of_speakers/${entryId}`, fields });
}

type SpeakerTime = "begin_time" | "pause_time" | "unpause_time";

/**
 * A speaker's times with their stored fraction: reads round timestamps down to whole seconds,
 * but upstream computes spoken and paused times from the exact datetimes, then truncates.
 * A value not a whole second was set by this request and is exact already.
 */
export async function exactSpeakerTimes(ctx: ActionContext, speaker: SpeakerModel): Promise<Partial<Record<SpeakerTime, number>>> {
  const [stored] = await ctx.request.tx.query<Record<SpeakerTime, number | null>>(
    `SELECT extract(epoch from begin_time)::float8 AS begin_time, extract(epoch from pause_time)::float8 AS pause_time,
            extract(epoch from unpause_time)::float8 AS unpause_time FROM speaker_t WHERE id = $1`,
    [Number(speaker.id)],
  );
  const times: Partial<Record<SpeakerTime, number>> = {};
  for (const field of ["begin_time", "pause_time", "unpause_time"] as const) {
    const value = speaker[field];
    if (value === undefined || value === null) continue;
    const exact = stored?.[field];
    times[field] = Number.isInteger(value) && typeof exact === "number" && Math.floor(exact) === value ? exact : Number(value);
  }
  return times;
}

/** Whole seconds between two times, as upstream's int(timedelta.total_seconds()). */
export const wholeSecondsBetween = (from: number, to: number): number => Math.trunc(to - from);

/** The caller delegated their vote and the meeting forbids delegators on lists of speakers. */
export async function delegatorRestricted(ctx: ActionContext, meetingId: number): Promise<boolean> {
  return (await delegatorRestrictedMeetings(ctx, "users_forbid_delegator_in_list_of_speakers", [meetingId])).length > 0;
}

/** The user of a speaker's meeting user (undefined without one). */
export async function userOfMeetingUser(ctx: ActionContext, meetingUserId: unknown): Promise<number | undefined> {
  if (!meetingUserId) return undefined;
  const meetingUser = await ctx.db.get(`meeting_user/${Number(meetingUserId)}`, ["user_id"]);
  return meetingUser.user_id as number | undefined;
}
