// motion_workflow.import: creates a workflow with the given states (plain JSON, no preview). The
// states' next / previous names must exist and mirror each other; first_state_name (or the first
// state) becomes the workflow's first state; state names must be unique.
import { ActionError } from "../../errors.js";
import { defineAction } from "../../framework/define.js";
import { createSchema, modelFieldSchema, stringListSchema } from "../../framework/schemas.js";
import type { ActionContext, Instance } from "../../framework/types.js";
import motionStateCreate from "../motion_state/create.js";
import motionStateUpdate from "../motion_state/update.js";

const STATE_FIELDS = [
  "name",
  "weight",
  "recommendation_label",
  "css_class",
  "restrictions",
  "allow_support",
  "allow_create_poll",
  "allow_submitter_edit",
  "set_number",
  "show_state_extension_field",
  "show_recommendation_extension_field",
  "merge_amendment_into_final",
  "set_workflow_timestamp",
  "allow_motion_forwarding",
  "allow_amendment_forwarding",
];
type StateData = Record<string, any> & { name: string; next_state_names: string[]; previous_state_names: string[] };
const pending = new WeakMap<Instance, { firstStateName: string; states: StateData[] }>();

function checkStates(firstStateName: string, states: StateData[]): void {
  const found = new Set(states.map((state) => state.name));
  const needed = new Set<string>();
  if (firstStateName) needed.add(firstStateName);
  for (const state of states) for (const name of [...state.next_state_names, ...state.previous_state_names]) needed.add(name);
  if (![...needed].every((name) => found.has(name))) {
    throw new ActionError("Some state names in first_state_name or next_state_names or previous_state_names are not found in the state list.");
  }
  const byName = new Map(states.map((state) => [state.name, state]));
  for (const state of states) {
    for (const name of state.next_state_names) {
      if (!byName.get(name)!.previous_state_names.includes(state.name)) throw new ActionError(`State ${state.name} is not in previous of ${name}.`);
    }
    for (const name of state.previous_state_names) {
      if (!byName.get(name)!.next_state_names.includes(state.name)) throw new ActionError(`State ${state.name} is not in next of ${name}.`);
    }
  }
}

async function createStates(ctx: ActionContext, instance: Instance): Promise<void> {
  const { firstStateName, states } = pending.get(instance) ?? { firstStateName: "", states: [] };
  checkStates(firstStateName, states);
  if (states.length === 0) return;
  const payload = states.map((state, index) => {
    const data: Instance = structuredClone(state);
    if ((firstStateName && firstStateName === state.name) || (!firstStateName && index === 0)) data.first_state_of_workflow_id = instance.id;
    delete data.next_state_names;
    delete data.previous_state_names;
    data.workflow_id = instance.id;
    return data;
  });
  const results = (await ctx.execute(motionStateCreate, payload)) ?? [];
  const nameToId = new Map<string, number>();
  states.forEach((state, index) => {
    if (nameToId.has(state.name)) throw new ActionError(`State name ${state.name} not unique.`);
    nameToId.set(state.name, (results[index] as Record<string, unknown>).id as number);
  });
  await ctx.execute(
    motionStateUpdate,
    states.map((state) => ({
      id: nameToId.get(state.name),
      next_state_ids: state.next_state_names.map((name) => nameToId.get(name)),
      previous_state_ids: state.previous_state_names.map((name) => nameToId.get(name)),
    })),
  );
}

export default defineAction({
  name: "motion_workflow.import",
  collection: "motion_workflow",
  kind: "create",
  schema: createSchema("motion_workflow", {
    required: ["name", "meeting_id"],
    additionalOptional: {
      first_state_name: { type: "string" },
      states: {
        type: "array",
        items: {
          type: "object",
          properties: {
            ...Object.fromEntries(STATE_FIELDS.map((field) => [field, modelFieldSchema("motion_state", field)])),
            next_state_names: stringListSchema,
            previous_state_names: stringListSchema,
          },
          additionalProperties: false,
        },
      },
    },
  }),
  permission: "motion.can_manage",
  updateInstance: (_ctx, instance) => {
    const states = ((instance.states ?? []) as Record<string, any>[]).map(
      (state) => ({ next_state_names: [], previous_state_names: [], ...state }) as unknown as StateData,
    );
    const firstStateName = (instance.first_state_name as string | undefined) ?? "";
    delete instance.states;
    delete instance.first_state_name;
    pending.set(instance, { firstStateName, states });
    return instance;
  },
  afterCreate: [
    async (ctx, instance) => {
      await createStates(ctx, instance);
    },
  ],
});
