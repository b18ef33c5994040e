// The one function an action file calls: `export default defineAction({...})`. It only checks
// the shape at start-up; registration happens when src/action/actions/load.ts imports the file.
import { collectionMeta } from "./model-meta.js";
import type { ActionDefinition } from "./types.js";

export function defineAction(action: ActionDefinition): ActionDefinition {
  collectionMeta(action.collection);
  if (action.kind !== "custom" && action.createEvents) throw new Error(`${action.name}: createEvents is only for custom actions`);
  if (action.kind !== "create" && action.afterCreate) throw new Error(`${action.name}: afterCreate is only for create actions`);
  return action;
}
