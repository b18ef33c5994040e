// motion.create_forwarded: copies a (non-amendment) motion whose state allows forwarding into a
// meeting of a committee the origin's committee forwards to; optionally with its amendments
// (recursively), change recommendations and attachments. See shared/motion-forwarding.ts.
import { createSchema } from "../../framework/schemas.js";
import { FORWARD_OPTIONS, forwardedMotionAction } from "../../shared/motion-forwarding.js";
import createForwardedAmendment from "./create_forwarded_amendment.js";

export default forwardedMotionAction({
  name: "motion.create_forwarded",
  amendment: false,
  schema: createSchema("motion", {
    required: ["meeting_id", "title", "text", "origin_id"],
    optional: ["reason"],
    additionalOptional: {
      use_original_submitter: FORWARD_OPTIONS.use_original_submitter,
      use_original_number: FORWARD_OPTIONS.use_original_number,
      with_change_recommendations: FORWARD_OPTIONS.with_change_recommendations,
      with_amendments: { type: "boolean" },
      mark_amendments_as_forwarded: { type: "boolean" },
      with_attachments: FORWARD_OPTIONS.with_attachments,
    },
  }),
  amendmentAction: () => createForwardedAmendment,
});
