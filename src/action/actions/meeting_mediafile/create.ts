// meeting_mediafile.create: backend-internal; the calling action computes every value.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "meeting_mediafile.create",
  collection: "meeting_mediafile",
  kind: "create",
  visibility: "backend_internal",
  schema: createSchema("meeting_mediafile", {
    required: ["meeting_id", "mediafile_id", "is_public"],
    optional: ["access_group_ids", "inherited_access_group_ids"],
  }),
});
