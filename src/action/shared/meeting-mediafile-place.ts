// meeting.set_logo / set_font (upstream BaseMeetingSetMediafileAction): a file of this meeting or
// a published organization file becomes the meeting's logo/font at a place; its meeting_mediafile
// in this meeting is created when missing. unset_* clears the place.
import { ActionError } from "../errors.js";
import { defineAction } from "../framework/define.js";
import { fqidOf } from "../framework/fqid.js";
import { requiredIdSchema, updateSchema } from "../framework/schemas.js";
import type { ActionContext, ActionDefinition, Instance } from "../framework/types.js";
import { meetingMediafileFor } from "./attachments.js";

/** Upstream GetMeetingIdFromIdMixin: the meeting is the model itself. */
const meetingFromId = async (_ctx: ActionContext, item: Instance): Promise<number> => Number(item.id);

const placeSchema = { type: "string", minLength: 1 };

/** Python's repr of a list of strings. */
const pythonList = (values: string[]): string => `[${values.map((value) => `'${value}'`).join(", ")}]`;

export function setMeetingMediafileAction(name: string, fileType: "logo" | "font", allowedMimetypes: string[]): ActionDefinition {
  return defineAction({
    name,
    collection: "meeting",
    kind: "update",
    schema: updateSchema("meeting", { additionalRequired: { place: placeSchema, mediafile_id: requiredIdSchema } }),
    permission: "meeting.can_manage_logos_and_fonts",
    meetingOf: meetingFromId,
    updateInstance: async (ctx: ActionContext, instance: Instance) => {
      const meetingId = Number(instance.id);
      const mediafileId = Number(instance.mediafile_id);
      const mediafile = await ctx.db.get(fqidOf("mediafile", mediafileId), ["is_directory", "mimetype", "owner_id", "published_to_meetings_in_organization_id"]);
      const [ownerCollection, ownerId] = String(mediafile.owner_id).split("/");
      if (ownerCollection === "meeting" && Number(ownerId) !== meetingId) throw new ActionError("Mediafile has to belong to this meeting..");
      delete instance.mediafile_id;
      const meetingMediafileId = await meetingMediafileFor(ctx, meetingId, mediafileId);
      if (mediafile.is_directory) throw new ActionError("Cannot set a directory.");
      if (!allowedMimetypes.includes(mediafile.mimetype as string)) {
        throw new ActionError(`Invalid mimetype: ${mediafile.mimetype === undefined ? "None" : String(mediafile.mimetype)}, allowed are ${pythonList(allowedMimetypes)}`);
      }
      const place = String(instance.place);
      delete instance.place;
      instance[`${fileType}_${place}_id`] = meetingMediafileId;
      return instance;
    },
  });
}

export function unsetMeetingMediafileAction(name: string, fileType: "logo" | "font"): ActionDefinition {
  return defineAction({
    name,
    collection: "meeting",
    kind: "update",
    schema: updateSchema("meeting", { additionalRequired: { place: placeSchema } }),
    permission: "meeting.can_manage_logos_and_fonts",
    meetingOf: meetingFromId,
    updateInstance: (_ctx: ActionContext, instance: Instance) => {
      const place = String(instance.place);
      delete instance.place;
      instance[`${fileType}_${place}_id`] = null;
      return instance;
    },
  });
}
