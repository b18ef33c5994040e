// mediafile.create_directory: a directory (is_directory, creation time) that takes its parent's
// publication; a meeting directory gets its meeting_mediafile with the access groups (narrowed
// by the parent's), an organization directory under a published parent one per meeting.
import { defineAction } from "../../framework/define.js";
import { createSchema, modelFieldSchema } from "../../framework/schemas.js";
import type { Instance } from "../../framework/types.js";
import {
  archiveCheckOnInternalRoute,
  checkMediafilePermissions,
  createMeetingMediafiles,
  inheritPublication,
  validateMediafile,
} from "../../shared/mediafile-rules.js";
import { nowTimestamp } from "../../shared/clock.js";

function markDirectory(_ctx: unknown, instance: Instance): Instance {
  instance.is_directory = true;
  instance.create_timestamp = nowTimestamp();
  return instance;
}

export default defineAction({
  name: "mediafile.create_directory",
  collection: "mediafile",
  kind: "create",
  schema: createSchema("mediafile", {
    required: ["owner_id", "title"],
    optional: ["parent_id"],
    additionalOptional: { access_group_ids: modelFieldSchema("meeting_mediafile", "access_group_ids") },
  }),
  permission: "mediafile.can_manage",
  checkPermissions: checkMediafilePermissions(),
  skipArchivedMeetingCheck: true,
  prepareData: archiveCheckOnInternalRoute,
  updateInstance: [validateMediafile, inheritPublication, markDirectory],
  afterCreate: [createMeetingMediafiles],
});
