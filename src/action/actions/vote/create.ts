// vote.create (backend internal): one vote of an option; the meeting comes from the option.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../validation/schemas.js";
import { inferMeetingFrom, meetingOfReferencedModel } from "../../shared/inferred-meeting.js";

export default defineAction({
  name: "vote.create",
  collection: "vote",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("vote", { required: ["weight", "value", "option_id", "user_token"], optional: ["delegated_user_id", "user_id"] }),
  meetingOf: meetingOfReferencedModel("vote", "option_id"),
  updateInstance: inferMeetingFrom("vote", "option_id"),
});
