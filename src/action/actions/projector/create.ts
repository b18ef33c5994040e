// projector.create: plain create (sequential_number from the database); the projector may be
// made a default projector of its meeting right away.
import { defineAction } from "../../framework/define.js";
import { createSchema } from "../../framework/schemas.js";
import { PROJECTOR_DEFAULT_FOR_FIELDS } from "../../shared/default-projectors.js";

export const PROJECTOR_SETTINGS = [
  "is_internal", "width", "aspect_ratio_numerator", "aspect_ratio_denominator", "color", "background_color",
  "header_background_color", "header_font_color", "header_h1_color", "chyron_background_color", "chyron_font_color",
  "chyron_background_color_2", "chyron_font_color_2", "show_header_footer", "show_title", "show_logo", "show_clock",
];

export default defineAction({
  name: "projector.create",
  collection: "projector",
  kind: "create",
  schema: createSchema("projector", {
    required: ["name", "meeting_id"],
    optional: [...PROJECTOR_SETTINGS, "used_as_reference_projector_meeting_id", ...PROJECTOR_DEFAULT_FOR_FIELDS],
  }),
  permission: "projector.can_manage",
});
