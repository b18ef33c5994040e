// motion_submitter.sort: all submitters of one motion in their new order get weights 1..n; the
// list must name exactly the motion's submitters. One data item only.
import { motionMeetingUserSort } from "../../shared/motion-meeting-user.js";

export default motionMeetingUserSort("motion_submitter", "motion_submitter_ids");
