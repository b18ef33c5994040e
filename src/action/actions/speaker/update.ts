// speaker.update: speech state, point of order, answer, meeting user and structure level under create's gates plus upstream's transition rules;
// weight and structure_level_list_of_speakers_id only on internal requests (which skip every check). Own speakers need only can_see or can_be_speaker.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { hasPerm, missingPermission } from "../../framework/permissions.js";
import { optionalIdSchema, updateSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import {
  ANSWERABLE_STATES,
  checkPointOfOrderFields,
  checkSpeechState,
  handleStructureLevel,
  SPEECH_STATES,
  userOfMeetingUser,
} from "../../shared/speaker-rules.js";

const INTERNAL_FIELDS = ["weight", "structure_level_list_of_speakers_id"];

/** upstream validate_fields (before the permission check), external requests only. */
function rejectInternalFields(item: Instance): void {
  const forbidden = INTERNAL_FIELDS.filter((field) => field in item);
  if (forbidden.length > 0) throw new ActionError(`data must not contain {${forbidden.map((field) => `'${field}'`).join(", ")}} properties`);
}

async function checkPermissions(ctx: ActionContext, item: Instance): Promise<void> {
  rejectInternalFields(item);
  const speaker = await ctx.db.get(`speaker/${Number(item.id)}`, ["meeting_user_id", "meeting_id"]);
  const meetingId = Number(speaker.meeting_id);
  if (speaker.meeting_user_id) {
    const userId = await userOfMeetingUser(ctx, speaker.meeting_user_id);
    if (
      userId === ctx.userId &&
      ((await hasPerm(ctx.db, ctx.userId, "list_of_speakers.can_see", meetingId)) ||
        (await hasPerm(ctx.db, ctx.userId, "list_of_speakers.can_be_speaker", meetingId)))
    ) {
      return;
    }
  }
  if (!(await hasPerm(ctx.db, ctx.userId, "list_of_speakers.can_manage", meetingId))) throw missingPermission("list_of_speakers.can_manage");
}

async function updateSpeaker(ctx: ActionContext, instance: Instance): Promise<Instance> {
  if (ctx.internal) return instance;
  if (instance.speech_state === SPEECH_STATES.INTERPOSED_QUESTION) throw new ActionError("You cannot set the speech state to interposed_question.");
  const speaker = await ctx.db.get(`speaker/${Number(instance.id)}`, [
    "speech_state",
    "point_of_order",
    "meeting_id",
    "meeting_user_id",
    "begin_time",
    "list_of_speakers_id",
    "structure_level_list_of_speakers_id",
    "answer",
  ]);
  if ("speech_state" in instance) {
    const newState = instance.speech_state as string | null;
    if (((speaker.answer && !("answer" in instance)) || instance.answer) && !ANSWERABLE_STATES.includes(newState as string)) {
      throw new ActionError("Cannot set speech_state to anything except interventions and interposed questions for answers.");
    } else if (speaker.speech_state === SPEECH_STATES.INTERPOSED_QUESTION && newState !== SPEECH_STATES.INTERPOSED_QUESTION) {
      throw new ActionError("You cannot change the speech state of an interposed_question.");
    } else if (speaker.speech_state === SPEECH_STATES.INTERVENTION && newState !== SPEECH_STATES.INTERVENTION) {
      if (!((speaker.meeting_user_id && !("meeting_user_id" in instance)) || instance.meeting_user_id)) {
        throw new ActionError("Cannot set interventions to other speech states without meeting_user_id.");
      }
    }
  }
  if (instance.answer && !(ANSWERABLE_STATES.includes(speaker.speech_state as string) || instance.speech_state)) {
    throw new ActionError("Answer can only be set for interventions and interposed questions.");
  }

  if ("meeting_user_id" in instance) {
    if (
      instance.meeting_user_id === null ||
      speaker.meeting_user_id ||
      !ANSWERABLE_STATES.includes(speaker.speech_state as string)
    ) {
      throw new ActionError("You cannot set the meeting_user_id.");
    }
  } else if ("structure_level_id" in instance && speaker.begin_time !== undefined) {
    throw new ActionError("You can only update the structure level on a waiting speaker.");
  }
  const newSpeechState = "speech_state" in instance ? instance.speech_state : speaker.speech_state;
  const newPointOfOrder = "point_of_order" in instance ? instance.point_of_order : speaker.point_of_order;
  if (speaker.begin_time !== undefined) {
    if ("speech_state" in instance && speaker.speech_state === SPEECH_STATES.INTERVENTION) {
      throw new ActionError("You can not change the speech_state of a started intervention.");
    }
    if (instance.structure_level_id || (speaker.structure_level_list_of_speakers_id && !("structure_level_id" in instance))) {
      if (instance.point_of_order) {
        throw new ActionError("You can not change a started speaker to point_of_order if there is a structure_level.");
      } else if (
        instance.speech_state &&
        ![SPEECH_STATES.CONTRIBUTION, SPEECH_STATES.PRO, SPEECH_STATES.CONTRA].includes(instance.speech_state as "contribution")
      ) {
        throw new ActionError(`You can not change a started speaker to ${String(instance.speech_state)} if there is a structure_level.`);
      }
    }
  }
  if (newSpeechState && newPointOfOrder) throw new ActionError("Speaker can't be point of order and another speech state at the same time.");

  const meetingId = Number(speaker.meeting_id);
  const meeting = await ctx.db.get(`meeting/${meetingId}`, [
    "list_of_speakers_enable_point_of_order_speakers",
    "list_of_speakers_can_create_point_of_order_for_others",
    "list_of_speakers_enable_point_of_order_categories",
  ]);
  const userId = speaker.meeting_user_id ? ((await ctx.db.getMany("meeting_user", [Number(speaker.meeting_user_id)], ["user_id"])).get(Number(speaker.meeting_user_id))?.user_id as number | undefined) : undefined;
  checkPointOfOrderFields(ctx, instance, meeting, userId ?? null, speaker.point_of_order);
  if ("point_of_order" in instance && !instance.point_of_order) {
    instance.point_of_order_category_id = null;
    instance.note = null;
  }
  await handleStructureLevel(ctx, instance, Number(speaker.list_of_speakers_id));
  await checkSpeechState(ctx, speaker, instance, meetingId);
  return instance;
}

export default defineAction({
  name: "speaker.update",
  collection: "speaker",
  kind: "update",
  schema: updateSchema("speaker", {
    optional: ["speech_state", "meeting_user_id", "point_of_order", "point_of_order_category_id", "note", "answer", ...INTERNAL_FIELDS],
    additionalOptional: { structure_level_id: optionalIdSchema },
  }),
  permission: "list_of_speakers.can_manage",
  checkPermissions,
  updateInstance: updateSpeaker,
});
