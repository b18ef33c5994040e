// speaker.create_for_merge (backend internal, used by user.merge_together and agenda_item.forward):
// creates a finished or waiting speaker as given, without the list-of-speakers rules of
// speaker.create; only point-of-order/normal field combinations and begin/end times are checked.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";
import { pythonStringSet } from "../../shared/user-rules.js";

function validateFields(_ctx: ActionContext, instance: Instance): Instance {
  const pointOfOrder = Boolean(instance.point_of_order);
  const forbidden = pointOfOrder ? ["speech_state"] : ["point_of_order_category_id", "note"];
  const prefix = `In list_of_speakers/${String(instance.list_of_speakers_id)}: `;
  const found = forbidden.filter((field) => field in instance);
  if (found.length > 0) {
    throw new ActionError(`${prefix}${pointOfOrder ? "Point of order" : "Normal speaker"} can not be created with field(s) ${pythonStringSet(found)} set`);
  }
  const begin = instance.begin_time;
  if (begin !== undefined && begin !== null) {
    const end = instance.end_time;
    if (end === undefined || end === null) throw new ActionError(`${prefix}Cannot create a running speech during merge`);
    if ((end as number) < (begin as number)) throw new ActionError(`${prefix}Can not create finished speaker as the end_time is before the begin_time`);
  }
  return instance;
}

export default defineAction({
  name: "speaker.create_for_merge",
  collection: "speaker",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("speaker", {
    required: ["list_of_speakers_id", "meeting_user_id", "weight"],
    optional: [
      "begin_time", "end_time", "unpause_time", "total_pause", "point_of_order", "speech_state", "point_of_order_category_id",
      "structure_level_list_of_speakers_id", "note", "answer",
    ],
  }),
  permission: { organizationManagementLevel: "can_manage_users" },
  meetingOf: meetingOfReferencedModel("speaker", "list_of_speakers_id"),
  updateInstance: [validateFields, inferMeetingFrom("speaker", "list_of_speakers_id")],
});
