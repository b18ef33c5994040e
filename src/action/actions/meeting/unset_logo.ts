// meeting.unset_logo: clears logo_<place>_id.
import { unsetMeetingMediafileAction } from "../../shared/meeting-mediafile-place.js";

export default unsetMeetingMediafileAction("meeting.unset_logo", "logo");
