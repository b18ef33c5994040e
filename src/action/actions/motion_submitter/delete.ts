// motion_submitter.delete: plain delete; history "Submitters changed" on the motion.
import { motionMeetingUserDelete } from "../../shared/motion-meeting-user.js";

export default motionMeetingUserDelete("motion_submitter", { history: "Submitters changed" });
