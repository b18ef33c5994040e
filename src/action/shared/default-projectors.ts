// The meeting's default projector lists (default_projector_<kind>_ids) and their reverse fields
// on the projector (used_as_default_projector_for_<kind>_in_meeting_id), read from the registry.
import { getCollection } from "../../meta/registry.js";

export const MEETING_DEFAULT_PROJECTOR_FIELDS: string[] = Object.keys(getCollection("meeting")!.fields).filter(
  (name) => name.startsWith("default_projector_") && name.endsWith("_ids"),
);

export const PROJECTOR_DEFAULT_FOR_FIELDS: string[] = Object.keys(getCollection("projector")!.fields).filter((name) =>
  name.startsWith("used_as_default_projector_for_"),
);
