// The shape of a collection's restriction rules: one check per mode letter of its fields
// (models/*.yml `restriction_mode`), deciding whether the request user sees object `id` in that mode.
import { idOf, type UserRights } from "./permissions.js";

/** Visibility of another object under one of its modes (cached per computation). */
export type See = (collection: string, mode: string, id: number) => boolean;

export type ModeCheck = (rights: UserRights, id: number, see: See) => boolean;

export type CollectionRules = Readonly<Record<string, ModeCheck>>;

export const always: ModeCheck = () => true;
export const never: ModeCheck = () => false;

export function meetingIdOf(rights: UserRights, collection: string, id: number): number | undefined {
  return idOf(rights.field(collection, id, "meeting_id"));
}

/** Visible with the meeting permission in the object's meeting. */
export function withPermission(collection: string, permission: string): ModeCheck {
  return (rights, id) => rights.hasPerm(meetingIdOf(rights, collection, id), permission);
}

/** Visible when the object's meeting may be seen (meeting mode B). */
export function withVisibleMeeting(collection: string): ModeCheck {
  return (rights, id) => rights.canSeeMeeting(meetingIdOf(rights, collection, id));
}

/** Visible when the object a field points to is visible in the given mode. */
export function throughRelation(collection: string, field: string, target: string, mode = "A"): ModeCheck {
  return (rights, id, see) => {
    const targetId = idOf(rights.field(collection, id, field));
    return targetId !== undefined && see(target, mode, targetId);
  };
}
