// meeting.unset_font: clears font_<place>_id.
import { unsetMeetingMediafileAction } from "../../shared/meeting-mediafile-place.js";

export default unsetMeetingMediafileAction("meeting.unset_font", "font");
