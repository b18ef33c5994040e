// meeting.set_logo: an image file (png, jpeg, gif, svg) of this meeting or a published
// organization file becomes the logo at `place` (logo_<place>_id); see meeting-mediafile-place.ts.
import { setMeetingMediafileAction } from "../../shared/meeting-mediafile-place.js";

export default setMeetingMediafileAction("meeting.set_logo", "logo", ["image/png", "image/jpeg", "image/gif", "image/svg+xml"]);
