// poll_candidate.create (backend internal): one user on a poll candidate list.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../validation/schemas.js";

export default defineAction({
  name: "poll_candidate.create",
  collection: "poll_candidate",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("poll_candidate", { required: ["user_id", "poll_candidate_list_id", "weight", "meeting_id"] }),
});
