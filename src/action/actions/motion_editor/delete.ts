// motion_editor.delete: plain delete (no history), permission motion.can_manage_metadata.
import { motionMeetingUserDelete } from "../../shared/motion-meeting-user.js";

export default motionMeetingUserDelete("motion_editor");
