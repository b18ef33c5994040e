// motion_editor.sort: all editors of one motion in their new order get weights 1..n; the
// list must name exactly the motion's editors. One data item only.
import { motionMeetingUserSort } from "../../shared/motion-meeting-user.js";

export default motionMeetingUserSort("motion_editor", "motion_editor_ids");
