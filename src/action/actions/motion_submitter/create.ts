// motion_submitter.create: the meeting comes from the motion; the user must belong to it (not
// checked for internal calls or organization managers), the (meeting user, motion) pair must be
// unique and without a weight the submitter goes last. History "Submitters changed" on the motion.
import { motionMeetingUserCreate } from "../../shared/motion-meeting-user.js";

export default motionMeetingUserCreate("motion_submitter", { ignoreMeetingIfInternal: true, history: "Submitters changed" });
