// motion_working_group_speaker.sort: all working group speakers of one motion in their new order get weights 1..n; the
// list must name exactly the motion's working group speakers. One data item only.
import { motionMeetingUserSort } from "../../shared/motion-meeting-user.js";

export default motionMeetingUserSort("motion_working_group_speaker", "motion_working_group_speaker_ids");
