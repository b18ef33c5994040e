// motion_editor.create: the meeting comes from the motion; the user must belong to it (unless
// organization manager), the (meeting user, motion) pair must be unique and without a weight the
// new one goes last among the motion's editors.
import { motionMeetingUserCreate } from "../../shared/motion-meeting-user.js";

export default motionMeetingUserCreate("motion_editor");
