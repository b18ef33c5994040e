// Every action by name. Action files register themselves by default-exporting a definition
// (see src/action/actions/load.ts); helpers marked "unregistered" stay out.
import type { ActionDefinition } from "./types.js";

const actions = new Map<string, ActionDefinition>();

export function registerAction(action: ActionDefinition): void {
  if (action.visibility === "unregistered") return;
  const existing = actions.get(action.name);
  if (existing && existing !== action) throw new Error(`Action ${action.name} is registered twice.`);
  actions.set(action.name, action);
}

export function findAction(name: string): ActionDefinition | undefined {
  return actions.get(name);
}

/** Registered actions sorted by name. */
export function registeredActions(): ActionDefinition[] {
  return [...actions.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
