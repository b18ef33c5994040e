// meeting_mediafile.update: backend-internal; the calling mediafile action computes every value.
import { defineAction } from "../../framework/define.js";
import { updateSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "meeting_mediafile.update",
  collection: "meeting_mediafile",
  kind: "update",
  visibility: "backend_internal",
  schema: updateSchema("meeting_mediafile", { optional: ["access_group_ids", "inherited_access_group_ids", "is_public"] }),
});
