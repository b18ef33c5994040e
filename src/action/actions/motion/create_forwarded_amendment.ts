// motion.create_forwarded_amendment (backend internal, run by motion.create_forwarded): forwards
// one amendment under its forwarded lead motion, and its own amendments in turn.
// Differs from upstream's payload shape: the caller passes the amendment items directly (upstream
// wraps them in {amendment_data, forwarded_attachments, meeting_mediafile_replace_map}); the
// attachment maps are shared through the request instead.
import type { ActionDefinition } from "../../framework/types.js";
import { createSchema } from "../../framework/schemas.js";
import { FORWARD_OPTIONS, forwardedMotionAction } from "../../shared/motion-forwarding.js";

const action: ActionDefinition = forwardedMotionAction({
  name: "motion.create_forwarded_amendment",
  amendment: true,
  visibility: "backend_internal",
  schema: createSchema("motion", {
    required: ["meeting_id", "title", "origin_id", "lead_motion_id"],
    optional: ["reason", "text", "amendment_paragraphs", "marked_forwarded", "attachment_meeting_mediafile_ids"],
    additionalOptional: FORWARD_OPTIONS,
  }),
  amendmentAction: () => action,
});

export default action;
