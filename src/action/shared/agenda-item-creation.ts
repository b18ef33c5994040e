// [AG] Creates that can bring their own agenda item: the agenda_* payload fields, and the
// after-create step that runs agenda_item.create with them (prefix removed).
import agendaItemCreate from "../actions/agenda_item/create.js";
import { fqidOf } from "../framework/fqid.js";
import { idListSchema, optionalIdSchema } from "../framework/schemas.js";
import type { ActionContext, Instance, InstanceHook, JsonSchema } from "../framework/types.js";

const PREFIX = "agenda_";

export const agendaCreationProperties: Record<string, JsonSchema> = {
  agenda_create: { description: "This flag controls whether an agenda item is created.", type: "boolean" },
  agenda_type: {
    description: "The type of the agenda item (common, internal, hidden).",
    type: "string",
    enum: ["common", "internal", "hidden"],
  },
  agenda_parent_id: { description: "The id of the parent agenda item.", ...optionalIdSchema },
  agenda_comment: { description: "The comment of the agenda item.", type: "string" },
  agenda_duration: { description: "The duration of this agenda item object in seconds.", type: "integer", minimum: 0 },
  agenda_weight: { description: "The weight of the agenda item.", type: "integer" },
  agenda_tag_ids: { description: "The ids of tags to be set.", ...idListSchema },
};

/**
 * Whether to create the item: meeting.agenda_item_creation "always" / "never", else the given
 * agenda_create, else yes for "default_yes". Without an item the agenda_* fields are dropped.
 */
async function wantsAgendaItem(ctx: ActionContext, instance: Instance): Promise<boolean> {
  const meeting = await ctx.db.get(fqidOf("meeting", Number(instance.meeting_id)), ["agenda_item_creation"]);
  const creation = meeting.agenda_item_creation;
  const given = instance.agenda_create;
  delete instance.agenda_create;
  if (creation === "always") return true;
  const wanted = creation === "never" ? false : given !== undefined && given !== null ? Boolean(given) : creation === "default_yes";
  if (!wanted) for (const field of Object.keys(agendaCreationProperties)) delete instance[field];
  return wanted;
}

/** Moves the agenda_* fields (except agenda_create) out of the instance, without their prefix. */
function takeAgendaItemData(instance: Instance): Instance {
  const data: Instance = {};
  for (const field of Object.keys(agendaCreationProperties)) {
    if (field === "agenda_create") continue;
    const value = instance[field];
    delete instance[field];
    if (value !== null && value !== undefined) data[field.slice(PREFIX.length)] = value;
  }
  return data;
}

/**
 * After-create step. `always`: topics get an item whatever the meeting says; as upstream, their
 * agenda_create then stays in the instance (and is refused as an unknown topic field).
 */
export function createAgendaItem(options: { always?: boolean } = {}): InstanceHook {
  return async (ctx, instance) => {
    if (!options.always && !(await wantsAgendaItem(ctx, instance))) return instance;
    const data = takeAgendaItemData(instance);
    data.content_object_id = fqidOf(ctx.action.collection, Number(instance.id));
    await ctx.execute(agendaItemCreate, [data]);
    return instance;
  };
}
