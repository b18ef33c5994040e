// meeting.set_font: a font file (ttf, woff) of this meeting or a published organization file
// becomes the font at `place` (font_<place>_id); see meeting-mediafile-place.ts.
import { setMeetingMediafileAction } from "../../shared/meeting-mediafile-place.js";

export default setMeetingMediafileAction("meeting.set_font", "font", ["font/ttf", "font/woff", "application/font-woff", "application/font-sfnt"]);
