// meeting_mediafile.delete: backend-internal; its list of speakers and projections cascade,
// attachments and logo/font places are cleared.
import { defineAction } from "../../framework/define.js";
import { deleteSchema } from "../../framework/schemas.js";

export default defineAction({
  name: "meeting_mediafile.delete",
  collection: "meeting_mediafile",
  kind: "delete",
  visibility: "backend_internal",
  schema: deleteSchema("meeting_mediafile"),
});
